import { Table, Typography } from 'antd';

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: Json): string {
  if (value === undefined) return '—';
  if (value === null) return '(trống)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Field names as users read them; unknown fields are shown as they are. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  shortName: 'Tên viết tắt',
  kind: 'Loại',
  agencyCode: 'Mã định danh điện tử',
  adminCode: 'Mã đơn vị hành chính',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  active: 'Đang hoạt động',
  parentId: 'Đơn vị cấp trên',
  sortOrder: 'Thứ tự',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  phone: 'Số điện thoại',
  position: 'Chức vụ',
  unitId: 'Đơn vị',
  status: 'Trạng thái',
  role: 'Vai trò',
  includeSubtree: 'Gồm đơn vị trực thuộc',
  version: 'Phiên bản',
};

interface Row {
  key: string;
  field: string;
  before: string;
  after: string;
}

/** The before/after of an audit entry as a table of changed fields, then the full JSON. */
export function AuditSummary({ summary }: { summary: Json }) {
  const before = isRecord(summary) && isRecord(summary.before) ? summary.before : null;
  const after = isRecord(summary) && isRecord(summary.after) ? summary.after : null;
  const rows: Row[] = [];
  if (before || after) {
    const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    for (const key of keys) {
      const b = before?.[key];
      const a = after?.[key];
      if (JSON.stringify(b) === JSON.stringify(a)) continue;
      rows.push({ key, field: FIELD_LABELS[key] ?? key, before: show(b), after: show(a) });
    }
  }
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {rows.length > 0 && (
        <Table<Row>
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: 'Trường', dataIndex: 'field', width: 200 },
            { title: 'Trước', dataIndex: 'before', render: (v: string) => <Typography.Text delete={v !== '—'}>{v}</Typography.Text> },
            { title: 'Sau', dataIndex: 'after', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          ]}
        />
      )}
      {summary === null || summary === undefined ? (
        <Typography.Text type="secondary">Không có thông tin chi tiết.</Typography.Text>
      ) : (
        <pre className="audit-json" aria-label="Chi tiết (JSON)">
          {JSON.stringify(summary, null, 2)}
        </pre>
      )}
    </div>
  );
}
