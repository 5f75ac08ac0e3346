import { Empty, List, Tag, Typography } from 'antd';

/**
 * Renders the server's version diff defensively: core's `formDiff` schema is not published yet, so
 * any object of arrays (rows/columns/constraints × added/removed/changed, or a flat list of changes)
 * is shown as labelled lists.
 */
const SECTION_LABELS: Record<string, string> = {
  rows: 'Dòng chỉ tiêu',
  columns: 'Cột',
  constraints: 'Ràng buộc',
  disabledCells: 'Ô gạch chéo',
  cellFormulas: 'Công thức riêng của ô',
  cells: 'Ô gạch chéo, công thức riêng của ô',
  sections: 'Mục của đề cương',
  general: 'Thông tin chung',
  info: 'Thông tin chung',
  changes: 'Thay đổi',
};
const KIND_LABELS: Record<string, { label: string; color: string }> = {
  added: { label: 'Thêm mới', color: 'green' },
  removed: { label: 'Đã xóa', color: 'red' },
  changed: { label: 'Thay đổi', color: 'orange' },
  modified: { label: 'Thay đổi', color: 'orange' },
  moved: { label: 'Di chuyển', color: 'blue' },
};

function describe(item: unknown): string {
  if (item === null || item === undefined) return '';
  if (typeof item !== 'object') return String(item);
  const o = item as Record<string, unknown>;
  const head = [o.key ?? o.code, o.name ?? o.message ?? o.label ?? o.id].filter((x) => typeof x === 'string' && x).join(' – ');
  if (Array.isArray(o.changes) && o.changes.length) {
    return `${head}: ${(o.changes as Record<string, unknown>[]).map((c) => `${String(c.label ?? c.field)}: ${short(c.before)} → ${short(c.after)}`).join('; ')}`;
  }
  const fields = Array.isArray(o.fields) ? ` (${(o.fields as unknown[]).map(String).join(', ')})` : '';
  const ba = 'before' in o || 'after' in o || 'from' in o || 'to' in o ? `: ${short(o.before ?? o.from)} → ${short(o.after ?? o.to)}` : '';
  return (head || short(o)) + fields + ba;
}

function short(v: unknown): string {
  if (v === null || v === undefined) return '(trống)';
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

export function DiffView({ diff }: { diff: unknown }) {
  if (!diff || typeof diff !== 'object') return <Empty description="Không có khác biệt." />;
  const sections = Object.entries(diff as Record<string, unknown>).filter(
    ([k, v]) => v && typeof v === 'object' && k !== 'from' && k !== 'to',
  );
  const blocks: { section: string; kind: string; items: unknown[] }[] = [];
  for (const [section, value] of sections) {
    if (Array.isArray(value)) {
      if (value.length) blocks.push({ section, kind: 'changed', items: value });
      continue;
    }
    for (const [kind, items] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(items) && items.length) blocks.push({ section, kind, items });
      else if (items && typeof items === 'object' && !Array.isArray(items))
        blocks.push({ section, kind: 'changed', items: [{ name: kind, ...(items as object) }] });
    }
  }
  if (blocks.length === 0) return <Empty description="Hai phiên bản giống nhau." />;
  return (
    <div data-testid="form-diff">
      {blocks.map((b, i) => (
        <div key={i} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{SECTION_LABELS[b.section] ?? b.section}</Typography.Text>{' '}
          <Tag color={KIND_LABELS[b.kind]?.color}>{KIND_LABELS[b.kind]?.label ?? b.kind}</Tag>
          <List size="small" dataSource={b.items} renderItem={(it) => <List.Item>{describe(it)}</List.Item>} />
        </div>
      ))}
    </div>
  );
}
