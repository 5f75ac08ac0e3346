import { createHash, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

/*
 * The WebCrypto engine pkijs signs and verifies with (Node's own), and the small byte helpers the
 * rest of the crypto code shares.
 */

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

export const subtle = webcrypto.subtle as unknown as SubtleCrypto;

export const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

export const sha256Hex = (bytes: Uint8Array): string => sha256(bytes).toString('hex');

/** A fresh ArrayBuffer holding exactly `bytes` (pkijs and asn1js want ArrayBuffers, not views into a pool). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function pemEncode(label: string, der: Uint8Array | ArrayBuffer): string {
  const base64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.match(/.{1,64}/gu)!.join('\n')}\n-----END ${label}-----\n`;
}

export interface PemBlock {
  label: string;
  der: Buffer;
  /** The block as it was written (headers included), for PEM readers that need them (encrypted keys). */
  text: string;
}

/** Every PEM block of a text, in order. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/gu)) {
    const body = m[2]!.replace(/^[A-Za-z-]+:.*$/gmu, '');
    blocks.push({ label: m[1]!, der: Buffer.from(body.replace(/[^A-Za-z0-9+/=]/gu, ''), 'base64'), text: m[0] });
  }
  return blocks;
}

/** Upper-case hexadecimal with a colon between bytes: how certificate tools print fingerprints. */
export const colonHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase().match(/../gu)!.join(':');
