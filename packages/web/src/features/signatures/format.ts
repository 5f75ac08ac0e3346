import {
  CERTIFICATE_STATUS_LABELS,
  SIGNATURE_STATUSES,
  formatDate,
  formatDateTime,
  SIGNATURE_STATUS_LABELS,
  type CertificateStatus,
  type SignatureStatus,
} from '@baocao/core';

/**
 * How signatures and certificates read on screen, as pure functions: the badge's colour and words,
 * distinguished names split into labelled parts, dates in dd/mm/yyyy, file kinds of an import.
 */

/** Errors of a signing step that the user fixes on the certificates page (no certificate, an expired one…). */
export function isCertificateProblem(code: string): boolean {
  return code.startsWith('CERTIFICATE_') || code === 'SIGNATURE_REQUIRED';
}

export type OverallSignatureStatus = SignatureStatus | 'unsigned';

export type Tone = 'success' | 'warning' | 'error' | 'default';

/** antd Tag colours of each tone. */
export const TONE_COLORS: Record<Tone, string> = { success: 'green', warning: 'orange', error: 'red', default: 'default' };

export const UNSIGNED_LABEL = 'Chưa ký số';
export const SUPERSEDED_LABEL = 'Không còn hiệu lực (báo cáo đã được trả lại để sửa)';

/**
 * A signature whose content or CA cannot be trusted is red; one made with a certificate outside
 * its validity is orange (the content is intact, the certificate's timing is the doubt).
 */
export function signatureTone(status: OverallSignatureStatus): Tone {
  switch (status) {
    case 'valid':
      return 'success';
    case 'expired_at_signing':
    case 'not_yet_valid_at_signing':
      return 'warning';
    case 'unsigned':
      return 'default';
    default:
      return 'error';
  }
}

/** The worst of several signatures' statuses (core lists them worst first), or 'unsigned' when there is none. */
export function worstStatus(statuses: readonly SignatureStatus[]): OverallSignatureStatus {
  let worst: OverallSignatureStatus = 'unsigned';
  let rank: number = SIGNATURE_STATUSES.length;
  for (const s of statuses) {
    const r = SIGNATURE_STATUSES.indexOf(s);
    if (r < rank) {
      rank = r;
      worst = s;
    }
  }
  return worst;
}

export function signatureLabel(status: OverallSignatureStatus): string {
  return status === 'unsigned' ? UNSIGNED_LABEL : SIGNATURE_STATUS_LABELS[status];
}

export function certificateTone(status: CertificateStatus): Tone {
  switch (status) {
    case 'valid':
      return 'success';
    case 'disabled':
      return 'default';
    case 'not_yet_valid':
      return 'warning';
    default:
      return 'error';
  }
}

export function certificateLabel(status: CertificateStatus): string {
  return CERTIFICATE_STATUS_LABELS[status];
}

/** Vietnamese names of the attributes found in the DNs of Vietnamese CAs' certificates. */
const DN_ATTRIBUTE_LABELS: Record<string, string> = {
  CN: 'Tên',
  O: 'Tổ chức',
  OU: 'Đơn vị',
  L: 'Địa phương',
  ST: 'Tỉnh/Thành phố',
  C: 'Quốc gia',
  E: 'Thư điện tử',
  EMAILADDRESS: 'Thư điện tử',
  T: 'Chức danh',
  TITLE: 'Chức danh',
  SERIALNUMBER: 'Số định danh',
  UID: 'Mã định danh',
  STREET: 'Địa chỉ',
  DC: 'Tên miền',
  '0.9.2342.19200300.100.1.1': 'Mã định danh',
};

export interface DnPart {
  /** The attribute as written (CN, O, 0.9.2342…). */
  key: string;
  /** What a reader sees: "Tên (CN)". */
  label: string;
  value: string;
}

/**
 * "CN=Nguyễn Văn A, O=UBND xã X\, huyện Y, C=VN" split into its attributes, in order. A comma
 * escaped with a backslash, or inside double quotes, belongs to the value (RFC 4514).
 */
export function parseDn(dn: string): DnPart[] {
  const parts: DnPart[] = [];
  let current = '';
  let quoted = false;
  const pieces: string[] = [];
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i]!;
    if (ch === '\\' && i + 1 < dn.length) {
      current += dn[i + 1];
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if ((ch === ',' || ch === ';' || ch === '+') && !quoted) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    if (eq <= 0) {
      // A value that carried an unescaped comma: it continues the previous attribute.
      const last = parts.at(-1);
      if (last && piece.trim()) last.value = `${last.value}, ${piece.trim()}`;
      continue;
    }
    const key = piece.slice(0, eq).trim();
    const value = piece.slice(eq + 1).trim();
    const name = DN_ATTRIBUTE_LABELS[key.toUpperCase()] ?? DN_ATTRIBUTE_LABELS[key];
    parts.push({ key, label: name ? `${name} (${key})` : key, value });
  }
  return parts;
}

/** The common name of a DN (the issuing CA's name in a table), else the whole DN. */
export function commonNameOf(dn: string): string {
  return parseDn(dn).find((p) => p.key.toUpperCase() === 'CN')?.value ?? dn;
}

/** "01/01/2026 – 31/12/2028" in Vietnam time. */
export function formatValidity(notBefore: string, notAfter: string): string {
  return `${formatDate(notBefore)} – ${formatDate(notAfter)}`;
}

/** A signing time with seconds, "23/11/2026 10:05:09", or a dash. */
export function formatSigningTime(at: string | null | undefined): string {
  return at ? formatDateTime(at) : '—';
}

/** A long hexadecimal serial in groups of two, so it can be read aloud or compared by eye. */
export function formatSerial(serial: string): string {
  const hex = serial.replace(/[^0-9a-f]/giu, '').toUpperCase();
  if (!hex) return serial;
  const even = hex.length % 2 ? `0${hex}` : hex;
  return even.match(/.{2}/gu)!.join(' ');
}

export type CertificateFileKind = 'pkcs12' | 'pem';

/** The extensions the import accepts. */
export const CERTIFICATE_FILE_ACCEPT = '.p12,.pfx,.pem,.crt,.key';

/** What an import file is by its name: PKCS#12 asks for a password, PEM may hold an unencrypted key; null for anything else. */
export function certificateFileKind(name: string): CertificateFileKind | null {
  const ext = /\.([a-z0-9]+)$/iu.exec(name)?.[1]?.toLowerCase();
  if (ext === 'p12' || ext === 'pfx') return 'pkcs12';
  if (ext === 'pem' || ext === 'crt' || ext === 'key' || ext === 'cer') return 'pem';
  return null;
}

/** A file name for a trusted root's PEM, from its common name, ASCII only: "CA-thu-nghiem-tinh-Hai-Phong.crt". */
export function pemFilename(commonName: string): string {
  const ascii = commonName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return `${ascii || 'chung-thu-goc'}.crt`;
}

/** A SHA-256 in hexadecimal, in groups of eight so it wraps and can be compared by eye. */
export function formatHash(hex: string): string {
  return hex.match(/.{1,8}/gu)?.join(' ') ?? hex;
}
