import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Drawer, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined, LoadingOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { SIGNATURE_ROLE_LABELS, type ReportSignatureItem, type VersionSignatures } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { downloadReportDocument, downloadSignatureCms, downloadSignedContent, useVersionSignatures } from '../../api/signatures.ts';
import { formatHash, signatureLabel, signatureTone, TONE_COLORS } from './format.ts';
import { SignatureCard, SignatureStatusTag } from './SignatureCard.tsx';
import { useDownload } from './useDownload.ts';
import './signatures.css';

/**
 * The signature state of one report version as a tag ("Chữ ký hợp lệ" green, a problem red or
 * orange, "Chưa ký số" grey); a click opens every signature with its certificate and files.
 */
export function SignatureBadge({ reportId, versionNo }: { reportId: string; versionNo: number }) {
  const { data, error, isLoading } = useVersionSignatures(reportId, versionNo);
  const [open, setOpen] = useState(false);

  if (isLoading) {
    return (
      <Tag icon={<LoadingOutlined aria-hidden />} className="sig-badge" data-testid="signature-badge">
        Đang kiểm tra chữ ký số…
      </Tag>
    );
  }
  if (error || !data) {
    return (
      <Tooltip title={errorMessage(error)}>
        <Tag className="sig-badge" data-testid="signature-badge">
          Không kiểm tra được chữ ký số
        </Tag>
      </Tooltip>
    );
  }
  const tone = signatureTone(data.overall);
  const inForce = data.signatures.filter((s) => !s.superseded).length;
  const label = signatureLabel(data.overall);
  return (
    <>
      <Tooltip title="Xem chi tiết chữ ký số">
        <Tag
          color={TONE_COLORS[tone]}
          icon={<SafetyCertificateOutlined aria-hidden />}
          className="sig-badge"
          data-testid="signature-badge"
          data-status={data.overall}
          role="button"
          tabIndex={0}
          aria-haspopup="dialog"
          aria-label={`${label}: xem chi tiết chữ ký số của phiên bản ${versionNo}`}
          onClick={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              setOpen(true);
            }
          }}
        >
          {label}
          {inForce > 1 ? ` (${inForce} chữ ký)` : ''}
        </Tag>
      </Tooltip>
      {open && <SignaturesDrawer data={data} onClose={() => setOpen(false)} />}
    </>
  );
}

function SignaturesDrawer({ data, onClose }: { data: VersionSignatures; onClose: () => void }) {
  const { busy, run } = useDownload();
  // Those in force first (leader, then unit), then the superseded ones, latest first.
  const ordered = [...data.signatures].sort(
    (a, b) =>
      Number(a.superseded) - Number(b.superseded) ||
      (a.superseded ? (b.signedAt ?? '').localeCompare(a.signedAt ?? '') : (a.signedAt ?? '').localeCompare(b.signedAt ?? '')),
  );
  const signedPdf = data.signatures.some((s) => !s.superseded && s.hasSignedPdf);
  return (
    <Drawer
      open
      onClose={onClose}
      size={680}
      title={`Chữ ký số – phiên bản ${data.versionNo}`}
      data-testid="signature-drawer"
      extra={<SignatureStatusTag status={data.overall} />}
    >
      <Typography.Paragraph type="secondary">
        Chữ ký được kiểm tra lại mỗi lần mở: nội dung phiên bản hiện có trong hệ thống được so với nội dung đã ký, chứng thư số được đối
        chiếu với chứng thư gốc được tin cậy và danh sách thu hồi.
      </Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text type="secondary">Mã băm nội dung hiện tại (SHA-256):</Typography.Text>
        <Typography.Text
          code
          className="sig-hash sig-hash-line"
          copyable={{ text: data.contentHash, tooltips: ['Sao chép', 'Đã sao chép'] }}
        >
          {formatHash(data.contentHash)}
        </Typography.Text>
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={busy === 'content'}
          onClick={() => void run('content', () => downloadSignedContent(data.reportId, data.versionNo))}
        >
          Tải nội dung được ký (.json)
        </Button>
        {signedPdf && (
          <Button
            icon={<FilePdfOutlined aria-hidden />}
            loading={busy === 'pdf'}
            onClick={() => void run('pdf', () => downloadReportDocument(data.reportId, data.versionNo, 'pdf'))}
          >
            Tải văn bản ký số (.pdf)
          </Button>
        )}
      </Flex>
      {data.overall === 'unsigned' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Phiên bản này chưa có chữ ký số còn hiệu lực."
          description="Báo cáo được ký số khi lãnh đạo duyệt (chữ ký của người có thẩm quyền) và khi gửi (chữ ký của cơ quan, tổ chức)."
        />
      )}
      {ordered.length === 0 ? (
        <Empty description="Chưa có chữ ký số nào." />
      ) : (
        ordered.map((s) => <ReportSignatureCard key={s.id} signature={s} busy={busy} run={run} reportId={data.reportId} />)
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        Có thể tự kiểm tra bằng công cụ khác: tải chữ ký (.p7s), nội dung được ký (.json) và chứng thư gốc ở trang{' '}
        <Link to="/chung-thu-so">Chứng thư số</Link>, rồi chạy{' '}
        <Typography.Text code>
          openssl cms -verify -binary -inform DER -in chu-ky.p7s -content noi-dung.json -CAfile chung-thu-goc.crt -purpose any
        </Typography.Text>
        , hoặc mở văn bản PDF đã ký bằng phần mềm đọc PDF.
      </Typography.Paragraph>
    </Drawer>
  );
}

function ReportSignatureCard({
  signature: s,
  reportId,
  busy,
  run,
}: {
  signature: ReportSignatureItem;
  reportId: string;
  busy: string | null;
  run: (key: string, download: () => Promise<void>) => Promise<void>;
}) {
  return (
    <SignatureCard
      check={s}
      title={SIGNATURE_ROLE_LABELS[s.role]}
      superseded={s.superseded}
      actions={
        <Button
          size="small"
          icon={<DownloadOutlined aria-hidden />}
          loading={busy === s.id}
          onClick={() => void run(s.id, () => downloadSignatureCms(reportId, s.id))}
        >
          Tải chữ ký (.p7s)
        </Button>
      }
    />
  );
}
