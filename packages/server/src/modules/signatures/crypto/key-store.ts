import { createCipheriv, createDecipheriv, createPrivateKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';

/**
 * Private keys at rest: PKCS#8 DER encrypted with AES-256-GCM under a key derived (HKDF-SHA-256)
 * from `SIGNING_KEY_SECRET`, which lives in configuration and never in the database. The
 * certificate's fingerprint is the additional authenticated data, so a sealed key moved onto
 * another certificate's row does not open. Layout: 12-byte IV ‖ 16-byte tag ‖ ciphertext.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = 'baocao/signatures/private-key';
const HKDF_INFO = 'aes-256-gcm v1';

const keyCache = new Map<string, Buffer>();

function wrappingKey(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), HKDF_SALT, HKDF_INFO, 32));
    keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

export function sealPrivateKey(secret: string, key: KeyObject, fingerprint: string): Buffer {
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' });
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret), iv);
  cipher.setAAD(Buffer.from(fingerprint, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  pkcs8.fill(0);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws when the secret is not the one the key was sealed with, or the bytes or fingerprint changed. */
export function openPrivateKey(secret: string, sealed: Uint8Array, fingerprint: string): KeyObject {
  const bytes = Buffer.from(sealed);
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new Error('sealed key too short');
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey(secret), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(fingerprint, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const pkcs8 = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  try {
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } finally {
    pkcs8.fill(0);
  }
}
