import { useMemo, useState } from 'react';
import { Button, Checkbox, Empty, Flex, Input, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  checkConstraints,
  createEvaluator,
  FormDecimal,
  isFormulaError,
  LIST_RECORD_ROW,
  listAsTableForm,
  listLeafColumns,
  type FormColumn,
  type InputValue,
  type ListColumn,
  type ListForm,
  type Result,
} from '@baocao/core';
import { formatCell, formatDecimal, parseCell } from '../grid/cellFormat.ts';
import { NUMERIC_TYPES } from './columns.ts';

interface SampleRecord {
  id: number;
  raw: Record<string, string>;
}

interface Evaluated {
  values: Map<string, Result>;
  problems: string[];
}

const keyOf = (code: string) => `${LIST_RECORD_ROW}:${code}`;
const asTableColumn = (c: ListColumn) => ({ ...c, type: c.type === 'catalog' ? 'text' : c.type }) as FormColumn;

/** Sample records entered by the designer: computed columns, checks per record, and the "Tổng cộng" line. */
export function ListPreview({ list }: { list: ListForm | undefined }) {
  const [records, setRecords] = useState<SampleRecord[]>([]);
  const [nextId, setNextId] = useState(1);
  const leaves = useMemo(() => (list ? listLeafColumns(list).map((l) => l.column) : []), [list]);
  const engine = useMemo(() => {
    if (!list) return null;
    try {
      const table = listAsTableForm(list);
      return { table, evaluator: createEvaluator(table) };
    } catch {
      return null;
    }
  }, [list]);

  const evaluated = useMemo<Evaluated[]>(() => {
    if (!engine) return [];
    const out = records.map((r) => {
      const problems: string[] = [];
      const inputs = new Map<string, InputValue>();
      for (const c of leaves) {
        if (c.kind !== 'input') continue;
        const parsed = parseCell(r.raw[c.code] ?? '', asTableColumn(c));
        if (parsed.ok) inputs.set(keyOf(c.code), parsed.value);
        else problems.push(`${c.name || c.code}: ${parsed.message}`);
      }
      const result = engine.evaluator.evaluateAll(inputs);
      const values = new Map<string, Result>(result.values);
      for (const [k, e] of result.errors) {
        values.set(k, e);
        problems.push(e.message);
      }
      for (const v of checkConstraints(engine.table, result.values)) problems.push(v.message);
      return { values, problems };
    });
    // "Không trùng" is across records.
    for (const c of leaves.filter((l) => l.checks.includes('unique'))) {
      const seen = new Map<string, number>();
      out.forEach((e, i) => {
        const v = e.values.get(keyOf(c.code));
        if (v === null || v === undefined || isFormulaError(v)) return;
        const text = String(v);
        const first = seen.get(text);
        if (first === undefined) seen.set(text, i);
        else e.problems.push(`Cột "${c.name}" trùng giá trị với bản ghi ${first + 1}.`);
      });
    }
    return out;
  }, [engine, records, leaves]);

  if (!list || !engine)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Sửa các lỗi của thiết kế để xem trước báo cáo danh sách." />;

  const totals = new Map<string, InstanceType<typeof FormDecimal>>();
  for (const code of list.totalColumns) {
    let sum = new FormDecimal(0);
    for (const e of evaluated) {
      const v = e.values.get(keyOf(code));
      if (v && typeof v === 'object' && 'plus' in v) sum = sum.plus(v);
    }
    totals.set(code, sum);
  }
  const setRaw = (id: number, code: string, value: string) =>
    setRecords((rs) => rs.map((r) => (r.id === id ? { ...r, raw: { ...r.raw, [code]: value } } : r)));
  const tooMany = list.maxRecords !== undefined && records.length > list.maxRecords;

  return (
    <div data-testid="list-preview">
      <Table<SampleRecord>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={records}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Chưa có bản ghi mẫu. Bấm “Thêm bản ghi” để nhập thử.' }}
        columns={[
          { title: 'STT', key: 'stt', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          ...leaves.map((c) => ({
            key: c.code,
            title: (
              <div className="list-preview-head">
                <div>{c.name || c.code}</div>
                <div className="list-preview-sub">
                  ({c.code}){c.unit ? ` – ${c.unit}` : ''}
                </div>
              </div>
            ),
            width: c.type === 'text' ? 200 : 120,
            align: NUMERIC_TYPES.includes(c.type) ? ('right' as const) : undefined,
            render: (_: unknown, r: SampleRecord, i: number) => {
              const n = i + 1;
              if (c.kind === 'computed') {
                const v = evaluated[i]?.values.get(keyOf(c.code));
                return (
                  <span className="list-preview-computed" data-testid={`cell-${n}-${c.code}`}>
                    {formatCell(v, asTableColumn(c))}
                  </span>
                );
              }
              if (c.type === 'boolean')
                return (
                  <Checkbox
                    aria-label={`${c.code} bản ghi ${n}`}
                    checked={r.raw[c.code] === 'có'}
                    onChange={(e) => setRaw(r.id, c.code, e.target.checked ? 'có' : 'không')}
                  />
                );
              return (
                <Input
                  size="small"
                  aria-label={`${c.code} bản ghi ${n}`}
                  value={r.raw[c.code] ?? ''}
                  placeholder={c.type === 'date' ? 'dd/mm/yyyy' : c.type === 'catalog' ? 'Mã mục danh mục' : undefined}
                  style={{ textAlign: NUMERIC_TYPES.includes(c.type) ? 'right' : undefined }}
                  onChange={(e) => setRaw(r.id, c.code, e.target.value)}
                />
              );
            },
          })),
          {
            title: 'Kiểm tra',
            key: 'problems',
            width: 200,
            render: (_, __, i) => {
              const ps = evaluated[i]?.problems ?? [];
              return ps.length ? (
                <ul className="list-preview-problems" data-testid={`record-problems-${i + 1}`}>
                  {ps.map((p, k) => (
                    <li key={k}>{p}</li>
                  ))}
                </ul>
              ) : (
                <Typography.Text type="success">Hợp lệ</Typography.Text>
              );
            },
          },
          {
            title: '',
            key: 'x',
            width: 48,
            render: (_, r, i) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`Xóa bản ghi ${i + 1}`}
                onClick={() => setRecords((rs) => rs.filter((x) => x.id !== r.id))}
              />
            ),
          },
        ]}
        summary={() =>
          list.totalColumns.length > 0 && records.length > 0 ? (
            <Table.Summary.Row className="list-preview-total" data-testid="list-total-row">
              <Table.Summary.Cell index={0} />
              {leaves.map((c, i) => (
                <Table.Summary.Cell key={c.code} index={i + 1} align={totals.has(c.code) ? 'right' : undefined}>
                  {i === 0 && !totals.has(c.code) ? (
                    <b>Tổng cộng</b>
                  ) : totals.has(c.code) ? (
                    <b data-testid={`total-${c.code}`}>{formatDecimal(totals.get(c.code)!, c.decimals)}</b>
                  ) : null}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={leaves.length + 1} colSpan={2} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <Flex gap={12} align="center" style={{ marginTop: 8 }}>
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => {
            setRecords((rs) => [...rs, { id: nextId, raw: {} }]);
            setNextId(nextId + 1);
          }}
        >
          Thêm bản ghi
        </Button>
        <Typography.Text type={tooMany ? 'danger' : 'secondary'}>
          {records.length} bản ghi mẫu
          {list.maxRecords !== undefined ? ` (tối đa ${list.maxRecords})` : ''}
          {tooMany ? ' — vượt quá số bản ghi tối đa' : ''}. Bản ghi mẫu chỉ để thử, không được lưu.
        </Typography.Text>
      </Flex>
    </div>
  );
}
