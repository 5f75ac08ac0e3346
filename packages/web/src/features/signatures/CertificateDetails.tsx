import { Descriptions, Typography } from 'antd';
import type { CertificateDetails as Details } from '@baocao/core';
import { formatSerial, formatValidity, parseDn } from './format.ts';

/** A DN as one attribute a line ("Tên (CN): …"), so a long subject stays readable. */
export function DistinguishedName({ dn }: { dn: string }) {
  const parts = parseDn(dn);
  if (parts.length === 0) return <>—</>;
  return (
    <div className="sig-dn">
      {parts.map((p, i) => (
        <div key={`${p.key}-${i}`}>
          <Typography.Text type="secondary">{p.label}:</Typography.Text> {p.value}
        </div>
      ))}
    </div>
  );
}

/**
 * What anyone may read of a certificate: subject, issuer, serial, validity and, in full, the
 * fingerprint. `compact` shows the subject and issuer by their names only (inside a signature card).
 */
export function CertificateDetails({ certificate: c, compact }: { certificate: Details; compact?: boolean }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 190 } }}
      items={[
        { key: 'subject', label: 'Chủ thể', children: compact ? c.subject : <DistinguishedName dn={c.subject} /> },
        { key: 'issuer', label: 'Tổ chức cấp', children: compact ? c.issuer : <DistinguishedName dn={c.issuer} /> },
        {
          key: 'serial',
          label: 'Số hiệu',
          children: (
            <Typography.Text code copyable={{ text: c.serialNumber, tooltips: ['Sao chép', 'Đã sao chép'] }}>
              {formatSerial(c.serialNumber)}
            </Typography.Text>
          ),
        },
        { key: 'validity', label: 'Thời hạn hiệu lực', children: formatValidity(c.notBefore, c.notAfter) },
        ...(compact
          ? []
          : [
              {
                key: 'fingerprint',
                label: 'Dấu vân tay (SHA-256)',
                children: (
                  <Typography.Text
                    code
                    className="sig-hash"
                    copyable={{ text: c.fingerprintSha256, tooltips: ['Sao chép', 'Đã sao chép'] }}
                  >
                    {c.fingerprintSha256}
                  </Typography.Text>
                ),
              },
            ]),
      ]}
    />
  );
}
