import { useMemo } from 'react';
import { Button, Checkbox, Empty, Flex, Input, InputNumber, Select, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  LIST_COLUMN_TYPE_LABELS,
  listLeafColumns,
  type ListCheck,
  type ListColumn,
  type ListColumnType,
  type ListForm,
} from '@baocao/core';
import { useCatalogList } from '../../../api/catalogs.ts';
import { FormulaInput, type CodeOption } from '../designer/FormulaInput.tsx';
import type { DesignerProblem } from '../designer/problems.ts';
import { addColumn, canMove, moveColumn, NUMERIC_TYPES, removeColumn, updateColumn } from './columns.ts';

const CHECK_OPTIONS: { value: ListCheck; label: string; numeric?: boolean }[] = [
  { value: 'required', label: 'Bắt buộc' },
  { value: 'non_negative', label: 'Không âm', numeric: true },
  { value: 'unique', label: 'Không trùng' },
];

const under = (p: DesignerProblem, path: (string | number)[]) => path.every((v, i) => p.path[i] === v);

/** The columns of a list form, one block per column, left to right. */
export function ListColumnsEditor({
  def,
  onChange,
  problems,
  readOnly,
}: {
  def: ListForm;
  onChange: (fn: (d: ListForm) => ListForm) => void;
  problems: DesignerProblem[];
  readOnly: boolean;
}) {
  const catalogs = useCatalogList({ page: 1, pageSize: 200 });
  const leaves = listLeafColumns(def);
  const codes = useMemo<CodeOption[]>(() => leaves.map((l) => ({ code: l.column.code, name: l.column.name, kind: 'column' })), [leaves]);
  const catalogOptions = (catalogs.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }));

  return (
    <div data-testid="list-columns-editor">
      {leaves.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có cột nào." />}
      {leaves.map(({ column: c, path }, i) => {
        const n = i + 1;
        const set = (patch: Partial<ListColumn>) => onChange((d) => updateColumn(d, path, patch));
        const mine = problems.filter((p) => under(p, path));
        const formulaProblems = mine.filter((p) => p.path[path.length] === 'formula');
        const other = mine.filter((p) => p.path[path.length] !== 'formula');
        const numeric = NUMERIC_TYPES.includes(c.type);
        const inTotal = def.totalColumns.includes(c.code);
        return (
          <div key={path.join('.')} className="list-col-block" data-testid={`list-column-${n}`}>
            <Flex gap={8} wrap align="center">
              <span className="list-col-no">{n}</span>
              <Input
                aria-label={`Mã cột ${n}`}
                value={c.code}
                disabled={readOnly}
                style={{ width: 96 }}
                status={other.some((p) => p.path[path.length] === 'code') ? 'error' : undefined}
                onChange={(e) => set({ code: e.target.value })}
              />
              <Input
                aria-label={`Tên cột ${n}`}
                placeholder="Tên cột, VD: Tên dự án"
                value={c.name}
                disabled={readOnly}
                style={{ flex: '1 1 220px' }}
                status={c.name.trim() ? undefined : 'error'}
                onChange={(e) => set({ name: e.target.value })}
              />
              <Select<ListColumnType>
                aria-label={`Kiểu dữ liệu cột ${n}`}
                value={c.type}
                disabled={readOnly}
                style={{ width: 160 }}
                options={Object.entries(LIST_COLUMN_TYPE_LABELS).map(([value, label]) => ({ value: value as ListColumnType, label }))}
                onChange={(type) => {
                  const checks = NUMERIC_TYPES.includes(type) ? c.checks : c.checks.filter((k) => k !== 'non_negative' && k !== 'integer');
                  set({ type, checks, catalogCode: type === 'catalog' ? c.catalogCode : undefined });
                  if (!NUMERIC_TYPES.includes(type) && inTotal)
                    onChange((d) => ({ ...d, totalColumns: d.totalColumns.filter((x) => x !== c.code) }));
                }}
              />
              {c.type === 'catalog' && (
                <Select<string>
                  aria-label={`Danh mục cột ${n}`}
                  placeholder="Chọn danh mục"
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={catalogs.isFetching}
                  value={c.catalogCode}
                  disabled={readOnly}
                  style={{ width: 240 }}
                  status={c.catalogCode ? undefined : 'error'}
                  options={catalogOptions}
                  onChange={(catalogCode) => set({ catalogCode })}
                />
              )}
              <Select<ListColumn['kind']>
                aria-label={`Loại cột ${n}`}
                value={c.kind}
                disabled={readOnly}
                style={{ width: 130 }}
                options={[
                  { value: 'input', label: 'Nhập liệu' },
                  { value: 'computed', label: 'Tính toán' },
                ]}
                onChange={(kind) => set({ kind, formula: kind === 'computed' ? (c.formula ?? '') : undefined })}
              />
              {numeric && (
                <Input
                  aria-label={`Đơn vị tính cột ${n}`}
                  placeholder="Đơn vị tính"
                  value={c.unit ?? ''}
                  disabled={readOnly}
                  style={{ width: 130 }}
                  onChange={(e) => set({ unit: e.target.value || undefined })}
                />
              )}
              {numeric && (
                <InputNumber<number>
                  aria-label={`Số chữ số thập phân cột ${n}`}
                  placeholder="Số lẻ"
                  min={0}
                  max={10}
                  value={c.decimals ?? null}
                  disabled={readOnly}
                  style={{ width: 84 }}
                  onChange={(v) => set({ decimals: v ?? undefined })}
                />
              )}
              <Checkbox.Group<ListCheck>
                disabled={readOnly}
                value={c.checks}
                options={CHECK_OPTIONS.filter((o) => !o.numeric || numeric).map((o) => ({
                  value: o.value,
                  label: o.label,
                  'aria-label': `${o.label} cột ${n}`,
                }))}
                onChange={(checks) => set({ checks })}
              />
              {numeric && (
                <Checkbox
                  aria-label={`Cộng tổng cột ${n}`}
                  checked={inTotal}
                  disabled={readOnly}
                  onChange={(e) =>
                    onChange((d) => ({
                      ...d,
                      totalColumns: e.target.checked ? [...d.totalColumns, c.code] : d.totalColumns.filter((x) => x !== c.code),
                    }))
                  }
                >
                  Cộng tổng
                </Checkbox>
              )}
              {!readOnly && (
                <Flex gap={2} style={{ marginLeft: 'auto' }}>
                  <Tooltip title="Chuyển sang trái">
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      aria-label={`Chuyển cột ${n} lên trước`}
                      disabled={!canMove(def, path, -1)}
                      onClick={() => onChange((d) => moveColumn(d, path, -1))}
                    />
                  </Tooltip>
                  <Tooltip title="Chuyển sang phải">
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      aria-label={`Chuyển cột ${n} ra sau`}
                      disabled={!canMove(def, path, 1)}
                      onClick={() => onChange((d) => moveColumn(d, path, 1))}
                    />
                  </Tooltip>
                  <Tooltip title="Xóa cột">
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`Xóa cột ${n}`}
                      onClick={() => onChange((d) => removeColumn(d, path))}
                    />
                  </Tooltip>
                </Flex>
              )}
            </Flex>
            {c.kind === 'computed' && (
              <div className="list-col-formula">
                <span className="tree-sub-label">Công thức (tính trên từng bản ghi, dùng mã cột)</span>
                <FormulaInput
                  aria-label={`Công thức cột ${n}`}
                  value={c.formula ?? ''}
                  onChange={(formula) => set({ formula })}
                  codes={codes.filter((o) => o.code !== c.code)}
                  problems={formulaProblems}
                  placeholder="VD: C3 + C4"
                  disabled={readOnly}
                />
              </div>
            )}
            {other.map((p, k) => (
              <div key={k} className={`fx-msg fx-msg-${p.severity}`}>
                {p.message}
              </div>
            ))}
          </div>
        );
      })}
      {!readOnly && (
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => onChange(addColumn)} style={{ marginTop: 8 }}>
          Thêm cột
        </Button>
      )}
    </div>
  );
}
