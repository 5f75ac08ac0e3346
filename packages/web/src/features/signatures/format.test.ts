import { describe, expect, it } from 'vitest';
import { SIGNATURE_STATUSES, CERTIFICATE_STATUSES } from '@baocao/core';
import { filenameOf, importCertificateForm } from '../../api/signatures.ts';
import {
  certificateFileKind,
  certificateLabel,
  certificateTone,
  commonNameOf,
  formatHash,
  formatSerial,
  formatSigningTime,
  formatValidity,
  isCertificateProblem,
  parseDn,
  pemFilename,
  signatureLabel,
  signatureTone,
  worstStatus,
} from './format.ts';

describe('signature status on the badge', () => {
  it('is green only when valid, grey when unsigned, orange for a certificate used outside its validity, red otherwise', () => {
    expect(signatureTone('valid')).toBe('success');
    expect(signatureTone('unsigned')).toBe('default');
    expect(signatureTone('expired_at_signing')).toBe('warning');
    expect(signatureTone('not_yet_valid_at_signing')).toBe('warning');
    for (const s of ['content_changed', 'untrusted', 'revoked', 'malformed'] as const) expect(signatureTone(s)).toBe('error');
  });

  it('reads core’s Vietnamese labels, and "Chưa ký số" for a version nobody signed', () => {
    expect(signatureLabel('valid')).toBe('Chữ ký hợp lệ');
    expect(signatureLabel('content_changed')).toBe('Nội dung đã bị thay đổi sau khi ký');
    expect(signatureLabel('unsigned')).toBe('Chưa ký số');
    for (const s of SIGNATURE_STATUSES) expect(signatureLabel(s)).toMatch(/\S/u);
  });

  it('sums several signatures up by the worst of them', () => {
    expect(worstStatus(['valid', 'valid'])).toBe('valid');
    expect(worstStatus(['valid', 'expired_at_signing', 'revoked'])).toBe('revoked');
    expect(worstStatus(['untrusted', 'content_changed'])).toBe('content_changed');
    expect(worstStatus([])).toBe('unsigned');
  });

  it('colours certificates: usable green, disabled grey, not yet valid orange, the rest red', () => {
    expect(certificateTone('valid')).toBe('success');
    expect(certificateTone('disabled')).toBe('default');
    expect(certificateTone('not_yet_valid')).toBe('warning');
    expect(certificateTone('revoked')).toBe('error');
    expect(certificateTone('untrusted')).toBe('error');
    expect(certificateLabel('expired')).toBe('Đã hết hạn');
    for (const s of CERTIFICATE_STATUSES) expect(certificateLabel(s)).toMatch(/\S/u);
  });
});

describe('isCertificateProblem', () => {
  it('sends the user to the certificates page for a missing or unusable certificate, not for other refusals', () => {
    expect(isCertificateProblem('CERTIFICATE_MISSING')).toBe(true);
    expect(isCertificateProblem('CERTIFICATE_EXPIRED')).toBe(true);
    expect(isCertificateProblem('SIGNATURE_REQUIRED')).toBe(true);
    expect(isCertificateProblem('REPORT_STALE')).toBe(false);
    expect(isCertificateProblem('SIGNATURE_INVALID_FILE')).toBe(false);
  });
});

describe('parseDn', () => {
  it('splits a DN into labelled attributes, in order', () => {
    expect(parseDn('CN=Đinh Văn Khoa, O=UBND xã An Lư, L=Hải Phòng, C=VN')).toEqual([
      { key: 'CN', label: 'Tên (CN)', value: 'Đinh Văn Khoa' },
      { key: 'O', label: 'Tổ chức (O)', value: 'UBND xã An Lư' },
      { key: 'L', label: 'Địa phương (L)', value: 'Hải Phòng' },
      { key: 'C', label: 'Quốc gia (C)', value: 'VN' },
    ]);
  });

  it('keeps escaped and quoted commas inside the value', () => {
    expect(parseDn('CN=Sở Tài chính\\, TP Hải Phòng, O="Bộ Tài chính, Cục Tin học", C=VN').map((p) => p.value)).toEqual([
      'Sở Tài chính, TP Hải Phòng',
      'Bộ Tài chính, Cục Tin học',
      'VN',
    ]);
  });

  it('joins an unescaped comma back to the attribute it belongs to, and names unknown attributes by their key', () => {
    const parts = parseDn('OU=Văn phòng, huyện Thủy Nguyên, 2.5.4.97=VATVN-0101, C=VN');
    expect(parts.map((p) => [p.label, p.value])).toEqual([
      ['Đơn vị (OU)', 'Văn phòng, huyện Thủy Nguyên'],
      ['2.5.4.97', 'VATVN-0101'],
      ['Quốc gia (C)', 'VN'],
    ]);
  });

  it('gives the common name, or the whole DN when there is none', () => {
    expect(commonNameOf('C=VN, O=Ban Cơ yếu Chính phủ, CN=Cục Chứng thực số và Bảo mật thông tin')).toBe(
      'Cục Chứng thực số và Bảo mật thông tin',
    );
    expect(commonNameOf('O=Không tên, C=VN')).toBe('O=Không tên, C=VN');
  });
});

describe('dates, serials and hashes', () => {
  it('shows validity as dd/mm/yyyy in Vietnam time (a UTC evening is the next day there)', () => {
    expect(formatValidity('2025-12-31T17:00:00.000Z', '2028-06-30T16:59:59.000Z')).toBe('01/01/2026 – 30/06/2028');
  });

  it('shows the signing time with seconds, or a dash', () => {
    expect(formatSigningTime('2026-11-23T03:05:09.000Z')).toBe('23/11/2026 10:05:09');
    expect(formatSigningTime(null)).toBe('—');
  });

  it('groups a serial in pairs, padding an odd length', () => {
    expect(formatSerial('1A2B3C4D')).toBe('1A 2B 3C 4D');
    expect(formatSerial('abc')).toBe('0A BC');
    expect(formatSerial('01:02:FF')).toBe('01 02 FF');
  });

  it('groups a SHA-256 by eight', () => {
    const hex = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(formatHash(hex).split(' ')).toHaveLength(8);
    expect(formatHash(hex).replaceAll(' ', '')).toBe(hex);
  });
});

describe('import files', () => {
  it('tells PKCS#12 (asks for a password) from PEM by the extension, case-insensitively', () => {
    expect(certificateFileKind('lanhdao.P12')).toBe('pkcs12');
    expect(certificateFileKind('don-vi.pfx')).toBe('pkcs12');
    expect(certificateFileKind('chung-thu.pem')).toBe('pem');
    expect(certificateFileKind('khoa.key')).toBe('pem');
    expect(certificateFileKind('bao-cao.pdf')).toBeNull();
    expect(certificateFileKind('p12')).toBeNull();
  });

  it('names a root’s PEM in ASCII from its common name', () => {
    expect(pemFilename('CA thử nghiệm – Đồng Nai')).toBe('CA-thu-nghiem-Dong-Nai.crt');
    expect(pemFilename('***')).toBe('chung-thu-goc.crt');
  });

  it('sends the text fields before the file, and no password when none was typed', async () => {
    const file = new File(['x'], 'lanhdao.p12');
    const withPassword = importCertificateForm({ file, ownerKind: 'unit', unitId: 'u-1', password: 'mật khẩu' });
    expect([...withPassword.keys()]).toEqual(['ownerKind', 'unitId', 'password', 'file']);
    expect(withPassword.get('password')).toBe('mật khẩu');
    const sent = withPassword.get('file') as File;
    expect(sent.name).toBe('lanhdao.p12');
    expect(await sent.text()).toBe('x');
    expect([...importCertificateForm({ file, ownerKind: 'person', password: '' }).keys()]).toEqual(['ownerKind', 'file']);
  });
});

describe('filenameOf', () => {
  it('prefers the UTF-8 name of a Content-Disposition, then the plain one', () => {
    expect(filenameOf(`attachment; filename="bao-cao.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%2012.pdf`)).toBe(
      'Báo cáo tháng 12.pdf',
    );
    expect(filenameOf('attachment; filename="chu-ky.p7s"')).toBe('chu-ky.p7s');
    expect(filenameOf('attachment; filename=noi-dung.json')).toBe('noi-dung.json');
    expect(filenameOf('attachment')).toBeNull();
    expect(filenameOf(null)).toBeNull();
  });
});
