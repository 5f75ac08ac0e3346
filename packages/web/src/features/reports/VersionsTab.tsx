import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import type { ReportDetail } from '@baocao/core';
import { useReportVersion, type ReportVersionSummary } from '../../api/reports.ts';
import { DiffView } from './DiffView.tsx';
import { formatAt } from './format.ts';
import { ReportContentModal } from './ReportContent.tsx';
import { DocumentDownloads } from '../signatures/DocumentDownloads.tsx';
import { SignatureBadge } from '../signatures/SignatureBadge.tsx';

/** Every version of the report, each readable with its signatures and documents; two picked → what changed between them. */
export function VersionsTab({ detail }: { detail: ReportDetail }) {
  const versions = [...detail.versions].sort((a, b) => a.versionNo - b.versionNo);
  const latest = versions.at(-1)?.versionNo ?? detail.version.versionNo;
  const [from, setFrom] = useState<number | null>(versions.length > 1 ? latest - 1 : null);
  const [to, setTo] = useState<number | null>(versions.length > 1 ? latest : null);
  const [viewing, setViewing] = useState<number | null>(null);
  const version = useReportVersion(detail.id, viewing);
  const options = versions.map((v) => ({ value: v.versionNo, label: `Phiên bản ${v.versionNo}` }));

  return (
    <div data-testid="report-versions">
      <Table<ReportVersionSummary>
        size="small"
        rowKey="versionNo"
        dataSource={versions}
        pagination={false}
        scroll={{ x: 1050 }}
        columns={[
          {
            title: 'Phiên bản',
            key: 'no',
            width: 170,
            render: (_, v) => (
              <Flex gap={6} align="center">
                <strong>Phiên bản {v.versionNo}</strong>
                {v.locked && <LockOutlined aria-label="Đã khóa" title="Đã tiếp nhận, không sửa được" />}
                {v.versionNo === detail.version.versionNo && <Tag color="blue">Hiện tại</Tag>}
              </Flex>
            ),
          },
          { title: 'Lý do mở phiên bản', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
          { title: 'Tạo lúc', dataIndex: 'createdAt', width: 135, render: formatAt },
          { title: 'Gửi lúc', dataIndex: 'sentAt', width: 135, render: formatAt },
          { title: 'Tiếp nhận lúc', dataIndex: 'acceptedAt', width: 135, render: formatAt },
          {
            title: 'Chữ ký số · Văn bản',
            key: 'signatures',
            width: 190,
            render: (_, v) => (
              <Flex vertical gap={6} align="flex-start">
                <SignatureBadge reportId={detail.id} versionNo={v.versionNo} />
                <DocumentDownloads reportId={detail.id} versionNo={v.versionNo} size="small" />
              </Flex>
            ),
          },
          {
            title: '',
            key: 'view',
            width: 130,
            render: (_, v) => (
              <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setViewing(v.versionNo)}>
                Xem nội dung
              </Button>
            ),
          },
        ]}
      />
      <Card size="small" title="So sánh hai phiên bản" style={{ marginTop: 16 }}>
        {versions.length < 2 ? (
          <Typography.Text type="secondary">Báo cáo mới có một phiên bản; khi đính chính sẽ có phiên bản mới để so sánh.</Typography.Text>
        ) : (
          <>
            <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
              <span>Từ</span>
              <Select<number>
                aria-label="So sánh từ phiên bản"
                value={from ?? undefined}
                onChange={setFrom}
                options={options}
                style={{ width: 160 }}
              />
              <span>đến</span>
              <Select<number>
                aria-label="So sánh đến phiên bản"
                value={to ?? undefined}
                onChange={setTo}
                options={options}
                style={{ width: 160 }}
              />
            </Flex>
            {from !== null && to !== null && from !== to ? (
              <DiffView reportId={detail.id} from={from} to={to} forms={detail.forms} />
            ) : (
              <Typography.Text type="secondary">Chọn hai phiên bản khác nhau.</Typography.Text>
            )}
          </>
        )}
      </Card>
      {viewing !== null && (
        <ReportContentModal
          title={`Nội dung phiên bản ${viewing}`}
          reportId={detail.id}
          versionNo={viewing}
          forms={detail.forms}
          periodValues={detail.periodValues}
          data={version.data?.data}
          loading={version.isLoading}
          error={version.error}
          onClose={() => setViewing(null)}
        />
      )}
    </div>
  );
}
