import { createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../http/errors.ts';
import { type ParsedCertificate, parseCertificate } from './certificate.ts';
import { pemBlocks } from './der.ts';

/**
 * Reading what a person or a unit brings to sign with: a PKCS#12 file (.p12/.pfx, with its
 * password) or a PEM text holding the certificate, its chain and its private key (PKCS#8, or the
 * traditional RSA/EC forms, possibly encrypted). node-forge reads the PKCS#12 container only (the
 * legacy 3DES/RC2 files and OpenSSL 3's AES/PBKDF2 ones); Node's crypto reads every key.
 */
export interface KeyMaterial {
  certificate: ParsedCertificate;
  /** The other certificates that came with it (intermediates, maybe the root). */
  chain: ParsedCertificate[];
  privateKey: KeyObject;
  keyAlgorithm: KeyAlgorithm;
}

export type KeyAlgorithm = 'RSA' | 'EC';

/** WebCrypto curve names of the EC keys we sign with (Node names them by their OpenSSL names). */
export const SUPPORTED_CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

const invalid = (why: string) =>
  new AppError('CERTIFICATE_INVALID', undefined, `Tệp chứng thư số không đọc được: ${why}. Hãy chọn tệp PKCS#12 (.p12, .pfx) hoặc PEM.`);

export function readKeyMaterial(file: Uint8Array, password: string | undefined): KeyMaterial {
  const bytes = Buffer.from(file);
  const text = bytes.toString('latin1');
  const { certificates, keys } = text.includes('-----BEGIN ') ? readPem(text, password) : readPkcs12(bytes, password);
  if (certificates.length === 0) throw invalid('tệp không chứa chứng thư số nào');
  if (keys.length === 0) throw new AppError('CERTIFICATE_NO_KEY');
  // The certificate is the one the key belongs to; whatever else came is the chain.
  for (const privateKey of keys) {
    const own = certificates.find((c) => matches(c, privateKey));
    if (own) {
      return {
        certificate: own,
        chain: certificates.filter((c) => c !== own),
        privateKey,
        keyAlgorithm: keyAlgorithmOf(privateKey),
      };
    }
  }
  throw new AppError(
    'CERTIFICATE_KEY_MISMATCH',
    undefined,
    `Khóa bí mật không khớp với chứng thư số "${certificates[0]!.details.commonName}": hai phần này không cùng một cặp khóa.`,
  );
}

function matches(cert: ParsedCertificate, key: KeyObject): boolean {
  try {
    return cert.x509.checkPrivateKey(key);
  } catch {
    return false;
  }
}

export function keyAlgorithmOf(key: KeyObject): KeyAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  if (key.asymmetricKeyType === 'ec' && SUPPORTED_CURVES[key.asymmetricKeyDetails?.namedCurve ?? '']) return 'EC';
  const what = key.asymmetricKeyType === 'ec' ? `EC ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim() : (key.asymmetricKeyType ?? '?');
  throw invalid(`loại khóa ${what} chưa được hỗ trợ (chỉ nhận RSA và ECDSA P-256, P-384, P-521)`);
}

function readPem(text: string, password: string | undefined): { certificates: ParsedCertificate[]; keys: KeyObject[] } {
  const certificates: ParsedCertificate[] = [];
  const keys: KeyObject[] = [];
  for (const block of pemBlocks(text)) {
    if (block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE') {
      try {
        certificates.push(parseCertificate(block.der));
      } catch {
        throw invalid('một khối CERTIFICATE trong tệp PEM bị hỏng');
      }
    } else if (block.label.endsWith('PRIVATE KEY')) {
      keys.push(readPemKey(block.text, block.label, password));
    }
  }
  return { certificates, keys };
}

function readPemKey(text: string, label: string, password: string | undefined): KeyObject {
  const encrypted = label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/u.test(text);
  if (encrypted && !password) {
    throw new AppError('CERTIFICATE_BAD_PASSWORD', undefined, 'Khóa bí mật trong tệp PEM được mã hóa: hãy nhập mật khẩu của khóa.');
  }
  try {
    return createPrivateKey(encrypted ? { key: text, format: 'pem', passphrase: password } : { key: text, format: 'pem' });
  } catch {
    if (encrypted) throw new AppError('CERTIFICATE_BAD_PASSWORD', undefined, 'Mật khẩu của khóa bí mật trong tệp PEM không đúng.');
    throw invalid('khóa bí mật trong tệp PEM bị hỏng');
  }
}

function readPkcs12(bytes: Buffer, password: string | undefined): { certificates: ParsedCertificate[]; keys: KeyObject[] } {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
  } catch {
    throw invalid('không phải PKCS#12 hay PEM');
  }
  // A lone DER certificate: readable, but nothing to sign with.
  if (isCertificate(bytes)) {
    throw new AppError(
      'CERTIFICATE_NO_KEY',
      undefined,
      'Tệp chỉ chứa chứng thư số, không có khóa bí mật đi kèm: hãy xuất lại kèm khóa (PKCS#12 .p12/.pfx).',
    );
  }
  const p12 = openPkcs12(asn1, password ?? '');
  const certificates: ParsedCertificate[] = [];
  const keys: KeyObject[] = [];
  for (const safe of p12.safeContents) {
    for (const bag of safe.safeBags) {
      if (bag.type === forge.pki.oids.certBag) {
        // forge parses RSA certificates only (for others it leaves the ASN.1). Its parsed certificate
        // re-encodes names differently (UTF-8 text twice encoded), which breaks the issuer's
        // signature: the original bytes are rebuilt from the parts forge kept as they were read.
        const certAsn1 = bag.cert ? originalCertificate(bag.cert) : bag.asn1;
        if (certAsn1) certificates.push(parseCertificate(Buffer.from(forge.asn1.toDer(certAsn1).getBytes(), 'binary')));
      } else if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
        if (!info) continue;
        const der = Buffer.from(forge.asn1.toDer(info).getBytes(), 'binary');
        try {
          keys.push(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
        } catch {
          throw invalid('khóa bí mật trong tệp PKCS#12 bị hỏng');
        }
      }
    }
  }
  return { certificates, keys };
}

function isCertificate(bytes: Buffer): boolean {
  try {
    parseCertificate(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The certificate as it was encoded: the TBS part forge kept, its signature algorithm and the signature. */
function originalCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 {
  const { asn1 } = forge;
  const tbs = (cert as unknown as { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate;
  const fields = tbs.value as forge.asn1.Asn1[];
  // version [0], serialNumber, then the signature AlgorithmIdentifier: the first universal SEQUENCE.
  const algorithm = fields.find((f) => f.tagClass === asn1.Class.UNIVERSAL && f.type === asn1.Type.SEQUENCE);
  if (!algorithm) throw invalid('một chứng thư số trong tệp PKCS#12 bị hỏng');
  const signature = (cert as unknown as { signature: string }).signature;
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    algorithm,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, String.fromCharCode(0) + signature),
  ]);
}

const isPasswordError = (error: unknown) => /password|MAC could not be verified|decrypt/iu.test((error as Error).message ?? '');

/**
 * Opens the container. The integrity MAC and the legacy ciphers (PKCS#12 key derivation) take the
 * password as BMPString, which forge makes from the JavaScript string; OpenSSL 3's PBES2/PBKDF2
 * ciphers take its UTF-8 bytes, which forge needs as a binary string. With an ASCII password both
 * are the same; with "Mật khẩu" the MAC is checked with the first, then the bags are decrypted
 * with the second (the MAC, already verified, left out).
 */
function openPkcs12(asn1: forge.asn1.Asn1, password: string): forge.pkcs12.Pkcs12Pfx {
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, password);
  } catch (error) {
    if (!isPasswordError(error)) throw invalid('không phải PKCS#12 hay PEM');
    const macFailed = /MAC could not be verified/iu.test((error as Error).message);
    const utf8 = forge.util.encodeUtf8(password);
    if (!macFailed && utf8 !== password) {
      const withoutMac = { ...asn1, value: (asn1.value as forge.asn1.Asn1[]).slice(0, 2) };
      try {
        return forge.pkcs12.pkcs12FromAsn1(withoutMac, utf8);
      } catch (retry) {
        if (!isPasswordError(retry)) throw invalid('không phải PKCS#12 hay PEM');
      }
    }
    throw new AppError(
      'CERTIFICATE_BAD_PASSWORD',
      undefined,
      password ? undefined : 'Tệp PKCS#12 được bảo vệ bằng mật khẩu: hãy nhập mật khẩu của tệp.',
    );
  }
}
