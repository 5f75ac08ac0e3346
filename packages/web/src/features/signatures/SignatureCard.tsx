import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, HistoryOutlined, MinusCircleFilled } from '@ant-design/icons';
import type { SignatureCheck } from '@baocao/core';
import { CertificateDetails } from './CertificateDetails.tsx';
import {
  formatSigningTime,
  signatureLabel,
  signatureTone,
  SUPERSEDED_LABEL,
  TONE_COLORS,
  type OverallSignatureStatus,
  type Tone,
} from './format.ts';
import './signatures.css';

const TONE_ICON: Record<Tone, ReactNode> = {
  success: <CheckCircleFilled aria-hidden className="sig-icon sig-icon-success" />,
  warning: <ExclamationCircleFilled aria-hidden className="sig-icon sig-icon-warning" />,
  error: <CloseCircleFilled aria-hidden className="sig-icon sig-icon-error" />,
  default: <MinusCircleFilled aria-hidden className="sig-icon sig-icon-default" />,
};

/** A status as a tag with its icon: green check, orange or red cross, grey for unsigned. */
export function SignatureStatusTag({ status, testId }: { status: OverallSignatureStatus; testId?: string }) {
  const tone = signatureTone(status);
  return (
    <Tag color={TONE_COLORS[tone]} icon={TONE_ICON[tone]} data-testid={testId} className="sig-status-tag">
      {signatureLabel(status)}
    </Tag>
  );
}

/**
 * One signature as its verification found it: status, the sentence saying why, who signed and when,
 * the certificate. A superseded one (the report was returned and edited after it) is dimmed.
 */
export function SignatureCard({
  check,
  title,
  superseded,
  actions,
}: {
  check: SignatureCheck;
  title: ReactNode;
  superseded?: boolean;
  actions?: ReactNode;
}) {
  return (
    <Card
      size="small"
      className={superseded ? 'sig-card sig-card-superseded' : 'sig-card'}
      data-testid="signature-card"
      title={
        <Flex gap={8} align="center" wrap>
          {TONE_ICON[signatureTone(check.status)]}
          <span>{title}</span>
        </Flex>
      }
      extra={<SignatureStatusTag status={check.status} testId="signature-status" />}
    >
      {superseded && (
        <Tag icon={<HistoryOutlined aria-hidden />} className="sig-superseded-tag" data-testid="signature-superseded">
          {SUPERSEDED_LABEL}
        </Tag>
      )}
      {check.message && (
        <Typography.Paragraph className="sig-message" data-testid="signature-message">
          {check.message}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'signer', label: 'Người ký', children: check.signerName ?? '—' },
          { key: 'at', label: 'Thời điểm ký', children: formatSigningTime(check.signedAt) },
        ]}
      />
      {check.certificate ? (
        <CertificateDetails certificate={check.certificate} compact />
      ) : (
        <Typography.Text type="secondary">Không đọc được chứng thư số trong chữ ký.</Typography.Text>
      )}
      {actions && (
        <Flex gap={8} wrap className="sig-actions">
          {actions}
        </Flex>
      )}
    </Card>
  );
}
