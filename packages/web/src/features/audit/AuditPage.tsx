import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS, formatDateTime, type AuditAction, type AuditEntry } from '@baocao/core';
import { errorMessage } from '../../api/client.ts';
import { useAuditList, useAuditVerify, type AuditFilters } from '../../api/audit.ts';
import { useCurrentUser } from '../../api/session.ts';
import { DATE_FORMAT, toIsoDate } from '../../shared/dates.ts';
import { PageTitle } from '../../shared/Page.tsx';
import { useDebounced } from '../../shared/useDebounced.ts';
import { AuditSummary } from './AuditSummary.tsx';

const TARGET_LABELS: Record<string, string> = { unit: 'Đơn vị', user: 'Tài khoản', system: 'Hệ thống', session: 'Phiên làm việc' };

function actionColor(action: string): string {
  if (action.endsWith('failed') || action.endsWith('lockout') || action.endsWith('disabled') || action.endsWith('deleted')) return 'red';
  if (action.startsWith('auth.')) return 'default';
  if (action.startsWith('unit.')) return 'blue';
  if (action.startsWith('user.')) return 'purple';
  return 'default';
}

type Verify = ReturnType<typeof useAuditVerify>;

function VerifyResult({ verify }: { verify: Verify }) {
  if (verify.error) {
    return (
      <Alert type="error" showIcon title={errorMessage(verify.error)} data-testid="audit-verify-result" style={{ marginBottom: 16 }} />
    );
  }
  if (!verify.data) return null;
  const { ok, checked, firstBrokenSeq, reason } = verify.data;
  return (
    <Alert
      data-testid="audit-verify-result"
      type={ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose: () => verify.reset() }}
      style={{ marginBottom: 16 }}
      title={
        ok
          ? `Nhật ký toàn vẹn: đã kiểm tra ${checked} bản ghi, không phát hiện sai lệch.`
          : `Phát hiện sai lệch tại bản ghi số ${firstBrokenSeq ?? '?'} (đã kiểm tra ${checked} bản ghi).`
      }
      description={!ok && reason ? reason : undefined}
    />
  );
}

export function AuditPage() {
  const me = useCurrentUser();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 50 });
  const [searchText, setSearchText] = useState('');
  const q = useDebounced(searchText.trim());
  useEffect(() => {
    setFilters((f) => (f.q === (q || undefined) ? f : { ...f, q: q || undefined, page: 1 }));
  }, [q]);
  const { data, isFetching, error } = useAuditList(filters);
  const update = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const verify = useAuditVerify();

  return (
    <>
      <PageTitle
        title="Nhật ký hệ thống"
        subtitle="Ghi lại mọi thao tác đăng nhập, quản trị tài khoản và đơn vị"
        extra={
          me.isSystemAdmin && (
            <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending}>
              Kiểm tra toàn vẹn
            </Button>
          )
        }
      />
      <VerifyResult verify={verify} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label="Lọc nhật ký">
          <div data-testid="audit-search" style={{ flex: '1 1 260px' }}>
            <Input
              allowClear
              prefix={<SearchOutlined aria-hidden />}
              placeholder="Tìm theo người thực hiện, đối tượng, nội dung"
              aria-label="Tìm trong nhật ký"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
              style={{ width: '100%' }}
            />
          </div>
          <Select<AuditAction>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Hành động"
            aria-label="Hành động"
            value={filters.action}
            onChange={(action) => update({ action })}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))}
            style={{ flex: '1 1 220px' }}
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            placeholder={['Từ ngày', 'Đến ngày']}
            aria-label="Khoảng thời gian"
            onChange={(range: [Dayjs | null, Dayjs | null] | null) => update({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]) })}
          />
        </Flex>
        {error && (
          <Typography.Paragraph type="danger" role="alert">
            {errorMessage(error)}
          </Typography.Paragraph>
        )}
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="seq"
          size="small"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: 'Không có bản ghi nhật ký phù hợp.' }}
          expandable={{ expandedRowRender: (e) => <AuditSummary summary={e.summary} /> }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `Tổng số ${total} bản ghi`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            { title: 'Thời gian', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
            {
              title: 'Người thực hiện',
              dataIndex: 'actorName',
              render: (v: string | null) => v ?? <Typography.Text type="secondary">Hệ thống</Typography.Text>,
            },
            {
              title: 'Hành động',
              dataIndex: 'action',
              render: (a: string) => <Tag color={actionColor(a)}>{AUDIT_ACTION_LABELS[a as AuditAction] ?? a}</Tag>,
            },
            {
              title: 'Đối tượng',
              key: 'target',
              render: (_, e) =>
                e.targetType ? (
                  <Tooltip title={e.targetId}>
                    {TARGET_LABELS[e.targetType] ?? e.targetType}
                    {e.targetId ? <span className="unit-code"> {e.targetId.slice(0, 8)}</span> : null}
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            { title: 'Đơn vị', dataIndex: 'unitName', ellipsis: true, render: (v: string | null) => v ?? '—' },
            {
              title: 'Địa chỉ IP',
              dataIndex: 'ip',
              width: 140,
              render: (v: string | null, e) => <Tooltip title={e.userAgent}>{v ?? '—'}</Tooltip>,
            },
          ]}
        />
      </Card>
    </>
  );
}
