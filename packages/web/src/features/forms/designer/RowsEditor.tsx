import { useLayoutEffect, useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { Checkbox, Empty, Flex, Input, Select, Typography } from 'antd';
import { HolderOutlined } from '@ant-design/icons';
import { BUILTIN_CHECKS, numberRows, type BuiltinCheck, type Form, type FormRow } from '@baocao/core';
import { FormulaInput, type CodeOption } from './FormulaInput.tsx';
import { DisaggregationPicker } from './DisaggregationPicker.tsx';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { CHECK_LABELS, ROW_KIND_LABELS, newRow, rowTree } from './model.ts';
import { problemTarget, samePath, type DesignerProblem } from './problems.ts';
import { ICONS, TreeToolbar } from './TreeToolbar.tsx';
import { flatten, indent, insertAt, moveSibling, moveTo, nodeAt, outdent, removeAt, updateNode, type Path } from './tree.ts';

interface Props {
  def: Form;
  onChange: (fn: (def: Form) => Form) => void;
  selected: Path | null;
  onSelect: (p: Path | null) => void;
  problems: DesignerProblem[];
  codes: CodeOption[];
  readOnly: boolean;
}

/**
 * The row tree (chỉ tiêu) editor. Keys in a row's name: Enter adds a row below, Tab / Shift+Tab
 * indent / outdent (as in a Word list), Alt+↑/↓ move the row. Rows can also be dragged by the handle:
 * dropped on the top or bottom third of a row it goes before or after it, in the middle it becomes a child.
 */
export function RowsEditor({ def, onChange, selected, onSelect, problems, codes, readOnly }: Props) {
  const flat = useMemo(() => flatten(def.rows, rowTree), [def.rows]);
  // Focus moves in the same commit as the edit, so that fast typing lands in the new row.
  const [focusId, setFocusId] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(focusId) as HTMLInputElement | null;
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
    setFocusId(null);
  }, [focusId]);
  const stt = useMemo(() => numberRows(def), [def]);
  const [drag, setDrag] = useState<Path | null>(null);
  const [over, setOver] = useState<{ path: Path; where: 'before' | 'after' | 'inside' } | null>(null);

  const byRow = useMemo(() => {
    const m = new Map<string, DesignerProblem[]>();
    for (const p of problems) {
      const t = problemTarget(p.path);
      if (t.kind === 'row') m.set(t.path.join('.'), [...(m.get(t.path.join('.')) ?? []), p]);
    }
    return m;
  }, [problems]);

  const apply = (fn: (rows: FormRow[]) => { roots: FormRow[]; path: Path } | null, focusField = 'name') => {
    if (readOnly) return;
    const res = fn(def.rows);
    if (!res) return;
    onChange((d) => ({ ...d, rows: res.roots }));
    onSelect(res.path);
    const node = nodeAt(res.roots, res.path, rowTree);
    if (node) setFocusId(`row-${node.id}-${focusField}`);
  };

  const add = (where: 'after' | 'child' | 'end') =>
    apply((rows) => {
      const row = newRow({ ...def, rows });
      if (where === 'end' || !selected) return { roots: [...rows, row], path: [rows.length] };
      if (where === 'child') {
        const parent = nodeAt(rows, selected, rowTree);
        const n = parent?.children.length ?? 0;
        return { roots: insertAt(rows, selected, n, row, rowTree), path: [...selected, n] };
      }
      const parent = selected.slice(0, -1);
      const at = selected[selected.length - 1]! + 1;
      return { roots: insertAt(rows, parent, at, row, rowTree), path: [...parent, at] };
    });

  const update = (path: Path, patch: Partial<FormRow>) =>
    !readOnly && onChange((d) => ({ ...d, rows: updateNode(d.rows, path, rowTree, (r) => ({ ...r, ...patch })) }));

  const remove = (path: Path) =>
    apply((rows) => {
      const roots = removeAt(rows, path, rowTree);
      const flatNext = flatten(roots, rowTree);
      if (flatNext.length === 0) return { roots, path: [] };
      const idx = Math.min(
        flat.findIndex((f) => samePath(f.path, path)),
        flatNext.length - 1,
      );
      return { roots, path: flatNext[Math.max(0, idx - 1)]!.path };
    });

  const onNameKey = (e: KeyboardEvent<HTMLInputElement>, path: Path) => {
    if (readOnly) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      add('after');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      apply((rows) => (e.shiftKey ? outdent(rows, path, rowTree) : indent(rows, path, rowTree)));
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      apply((rows) => moveSibling(rows, path, e.key === 'ArrowUp' ? -1 : 1, rowTree));
    }
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>, path: Path) => {
    if (!drag) return;
    e.preventDefault();
    const box = e.currentTarget.getBoundingClientRect();
    const y = (e.clientY - box.top) / box.height;
    setOver({ path, where: y < 0.3 ? 'before' : y > 0.7 ? 'after' : 'inside' });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    if (drag && over) {
      const from = drag;
      const to = over;
      apply((rows) => moveTo(rows, from, to.path, to.where, rowTree));
    }
    setDrag(null);
    setOver(null);
  };

  const sel = selected ? nodeAt(def.rows, selected, rowTree) : undefined;
  const actions = [
    {
      key: 'add',
      label: 'Thêm dòng',
      icon: ICONS.add,
      onClick: () => add(selected ? 'after' : 'end'),
      hint: 'Enter trong ô tên',
      primary: true,
    },
    { key: 'child', label: 'Thêm dòng con', icon: ICONS.child, onClick: () => add('child'), disabled: !sel },
    {
      key: 'indent',
      label: 'Lùi vào',
      icon: ICONS.indent,
      onClick: () => selected && apply((r) => indent(r, selected, rowTree)),
      disabled: !sel || selected![selected!.length - 1] === 0,
      hint: 'Tab trong ô tên',
    },
    {
      key: 'outdent',
      label: 'Lùi ra',
      icon: ICONS.outdent,
      onClick: () => selected && apply((r) => outdent(r, selected, rowTree)),
      disabled: !sel || selected!.length < 2,
      hint: 'Shift+Tab trong ô tên',
    },
    {
      key: 'up',
      label: 'Lên',
      icon: ICONS.up,
      onClick: () => selected && apply((r) => moveSibling(r, selected, -1, rowTree)),
      disabled: !sel,
      hint: 'Alt+↑',
    },
    {
      key: 'down',
      label: 'Xuống',
      icon: ICONS.down,
      onClick: () => selected && apply((r) => moveSibling(r, selected, 1, rowTree)),
      disabled: !sel,
      hint: 'Alt+↓',
    },
    { key: 'remove', label: 'Xóa dòng', icon: ICONS.remove, onClick: () => selected && remove(selected), disabled: !sel, danger: true },
  ];

  return (
    <div data-testid="rows-editor">
      {!readOnly && <TreeToolbar actions={actions} label="Thao tác với dòng" />}
      <Typography.Paragraph type="secondary" className="designer-hint">
        Trong ô tên chỉ tiêu: <kbd>Enter</kbd> thêm dòng ngay dưới, <kbd>Tab</kbd> lùi vào thành dòng con, <kbd>Shift</kbd>+<kbd>Tab</kbd>{' '}
        lùi ra, <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> đổi chỗ. Có thể kéo thả dòng bằng biểu tượng <HolderOutlined aria-hidden />.
      </Typography.Paragraph>
      {flat.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có dòng chỉ tiêu nào. Bấm “Thêm dòng” để bắt đầu." />
      ) : (
        <div className="tree-lines" role="tree" aria-label="Các dòng chỉ tiêu">
          <div className="tree-head rows-grid" aria-hidden>
            <span />
            <span>STT</span>
            <span>Mã dòng</span>
            <span>Tên chỉ tiêu</span>
            <span>Đơn vị tính</span>
            <span>Loại dòng</span>
          </div>
          {flat.map(({ node: row, path, level }) => {
            const key = path.join('.');
            const isSel = !!selected && samePath(selected, path);
            const rowProblems = byRow.get(key) ?? [];
            const fieldProblems = (f: string) =>
              rowProblems.filter((p) => problemTarget(p.path).kind === 'row' && (problemTarget(p.path) as { field?: string }).field === f);
            const overCls = over && samePath(over.path, path) ? ` drop-${over.where}` : '';
            return (
              <div
                key={row.id}
                id={`row-${row.id}`}
                role="treeitem"
                aria-level={level + 1}
                aria-selected={isSel}
                className={`tree-line${isSel ? ' tree-line-selected' : ''}${rowProblems.some((p) => p.severity === 'error') ? ' tree-line-error' : ''}${overCls}`}
                onFocus={() => !isSel && onSelect(path)}
                onClick={() => !isSel && onSelect(path)}
                onDragOver={(e) => onDragOver(e, path)}
                onDragLeave={() => setOver(null)}
                onDrop={onDrop}
              >
                <div className="rows-grid">
                  <span
                    className="drag-handle"
                    draggable={!readOnly}
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', key);
                      setDrag(path);
                    }}
                    onDragEnd={() => {
                      setDrag(null);
                      setOver(null);
                    }}
                    title="Kéo để di chuyển dòng"
                  >
                    <HolderOutlined aria-hidden />
                  </span>
                  <span className="tree-stt" style={{ paddingLeft: level * 18 }}>
                    {stt.get(row.code) ?? ''}
                  </span>
                  <Input
                    size="small"
                    id={`row-${row.id}-code`}
                    aria-label={`Mã dòng ${stt.get(row.code) ?? ''}`}
                    value={row.code}
                    status={fieldProblems('code').length ? 'error' : undefined}
                    onChange={(e) => update(path, { code: e.target.value })}
                    readOnly={readOnly}
                  />
                  <Input
                    size="small"
                    id={`row-${row.id}-name`}
                    aria-label={`Tên chỉ tiêu dòng ${row.code}`}
                    placeholder="Tên chỉ tiêu"
                    value={row.name}
                    status={fieldProblems('name').length ? 'error' : undefined}
                    style={{ marginLeft: 0 }}
                    onChange={(e) => update(path, { name: e.target.value })}
                    onKeyDown={(e) => onNameKey(e, path)}
                    readOnly={readOnly}
                  />
                  <Input
                    size="small"
                    id={`row-${row.id}-unit`}
                    aria-label={`Đơn vị tính dòng ${row.code}`}
                    placeholder="VD: Tỷ đồng"
                    value={row.unit ?? ''}
                    onChange={(e) => update(path, { unit: e.target.value })}
                    readOnly={readOnly}
                  />
                  <Select
                    size="small"
                    id={`row-${row.id}-kind`}
                    aria-label={`Loại dòng ${row.code}`}
                    value={row.kind}
                    disabled={readOnly}
                    onChange={(kind) =>
                      update(path, {
                        kind,
                        formula: kind === 'computed' ? (row.formula ?? (row.children.length ? 'SUM(CHILDREN)' : '')) : undefined,
                      })
                    }
                    options={Object.entries(ROW_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                  />
                </div>
                {row.kind === 'computed' && (
                  <Flex className="tree-sub" gap={8} align="flex-start" style={{ paddingLeft: 110 + level * 18 }}>
                    <span className="tree-sub-label">Công thức</span>
                    <div style={{ flex: 1 }}>
                      <FormulaInput
                        id={`row-${row.id}-formula`}
                        aria-label={`Công thức dòng ${row.code}`}
                        value={row.formula ?? ''}
                        onChange={(formula) => update(path, { formula })}
                        codes={codes}
                        problems={fieldProblems('formula')}
                        placeholder="VD: SUM(CHILDREN) hoặc R01 - R02"
                        disabled={readOnly}
                      />
                    </div>
                  </Flex>
                )}
                {rowProblems
                  .filter((p) => !['code', 'name', 'formula'].includes((problemTarget(p.path) as { field?: string }).field ?? ''))
                  .map((p, i) => (
                    <div key={i} className={`fx-msg fx-msg-${p.severity}`} style={{ paddingLeft: 110 + level * 18 }}>
                      {p.message}
                    </div>
                  ))}
                {isSel && row.kind !== 'header' && (
                  <div className="tree-detail" style={{ paddingLeft: 110 + level * 18 }}>
                    <Flex gap={12} wrap align="center">
                      <span className="tree-sub-label">Chỉ tiêu liên kết</span>
                      <div style={{ flex: '1 1 320px', maxWidth: 520 }}>
                        <IndicatorSelect
                          id={`row-${row.id}-indicator`}
                          value={row.indicatorCode}
                          onChange={(indicatorCode) => update(path, { indicatorCode, disaggregation: undefined })}
                        />
                      </div>
                    </Flex>
                    {row.indicatorCode && (
                      <DisaggregationPicker
                        indicatorCode={row.indicatorCode}
                        value={row.disaggregation}
                        onChange={(disaggregation) => update(path, { disaggregation })}
                        disabled={readOnly}
                      />
                    )}
                    <Flex gap={12} wrap align="center" style={{ marginTop: 6 }}>
                      <span className="tree-sub-label">Kiểm tra</span>
                      <Checkbox.Group<BuiltinCheck>
                        value={row.checks}
                        disabled={readOnly}
                        onChange={(checks) => update(path, { checks })}
                        options={BUILTIN_CHECKS.map((c) => ({ value: c, label: CHECK_LABELS[c] }))}
                      />
                    </Flex>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
