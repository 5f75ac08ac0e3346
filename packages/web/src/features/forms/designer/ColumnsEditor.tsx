import { useLayoutEffect, useMemo, useState } from 'react';
import { Checkbox, Empty, Flex, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { BUILTIN_CHECKS, type BuiltinCheck, type ColumnNode, type Form, type FormColumn } from '@baocao/core';
import { FormulaInput, type CodeOption } from './FormulaInput.tsx';
import { CHECK_LABELS, COLUMN_TYPE_LABELS, columnTree, isGroup, newColumn } from './model.ts';
import { problemTarget, samePath, type DesignerProblem } from './problems.ts';
import { ICONS, TreeToolbar } from './TreeToolbar.tsx';
import { flatten, indent, insertAt, moveSibling, nodeAt, outdent, removeAt, updateNode, type Path } from './tree.ts';

interface Props {
  def: Form;
  onChange: (fn: (def: Form) => Form) => void;
  selected: Path | null;
  onSelect: (p: Path | null) => void;
  problems: DesignerProblem[];
  codes: CodeOption[];
  readOnly: boolean;
}

/** Columns and merged header groups, e.g. "Thực hiện" over "Kỳ này" and "Lũy kế". */
export function ColumnsEditor({ def, onChange, selected, onSelect, problems, codes, readOnly }: Props) {
  const flat = useMemo(() => flatten(def.columns, columnTree), [def.columns]);
  const [focusId, setFocusId] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (!focusId) return;
    (document.getElementById(focusId) as HTMLInputElement | null)?.focus();
    setFocusId(null);
  }, [focusId]);
  const apply = (fn: (cols: ColumnNode[]) => { roots: ColumnNode[]; path: Path }) => {
    if (readOnly) return;
    const res = fn(def.columns);
    onChange((d) => ({ ...d, columns: res.roots }));
    onSelect(res.path);
    setFocusId(`col-${res.path.join('-')}-name`);
  };
  const sel = selected ? nodeAt(def.columns, selected, columnTree) : undefined;

  const add = (what: 'column' | 'group', inside: boolean) =>
    apply((cols) => {
      const node: ColumnNode =
        what === 'group'
          ? { kind: 'group', name: 'Nhóm cột mới', children: [newColumn({ ...def, columns: cols })] }
          : newColumn({ ...def, columns: cols });
      if (inside && selected && sel && isGroup(sel)) {
        return { roots: insertAt(cols, selected, sel.children.length, node, columnTree), path: [...selected, sel.children.length] };
      }
      if (!selected) return { roots: [...cols, node], path: [cols.length] };
      const parent = selected.slice(0, -1);
      const at = selected[selected.length - 1]! + 1;
      return { roots: insertAt(cols, parent, at, node, columnTree), path: [...parent, at] };
    });

  const update = (path: Path, patch: Partial<FormColumn> | { name: string }) =>
    !readOnly && onChange((d) => ({ ...d, columns: updateNode(d.columns, path, columnTree, (n) => ({ ...n, ...patch }) as ColumnNode) }));

  const byCol = useMemo(() => {
    const m = new Map<string, DesignerProblem[]>();
    for (const p of problems) {
      const t = problemTarget(p.path);
      if (t.kind === 'column') m.set(t.path.join('.'), [...(m.get(t.path.join('.')) ?? []), p]);
    }
    return m;
  }, [problems]);

  const prevIsGroup = (() => {
    if (!selected || selected[selected.length - 1] === 0) return false;
    const prev = nodeAt(def.columns, [...selected.slice(0, -1), selected[selected.length - 1]! - 1], columnTree);
    return !!prev && isGroup(prev);
  })();

  const actions = [
    { key: 'add', label: 'Thêm cột', icon: ICONS.add, onClick: () => add('column', false), primary: true },
    { key: 'group', label: 'Thêm nhóm cột', icon: ICONS.add, onClick: () => add('group', false) },
    { key: 'child', label: 'Thêm cột vào nhóm', icon: ICONS.child, onClick: () => add('column', true), disabled: !sel || !isGroup(sel) },
    {
      key: 'indent',
      label: 'Đưa vào nhóm trên',
      icon: ICONS.indent,
      onClick: () => selected && apply((c) => indent(c, selected, columnTree)),
      disabled: !prevIsGroup,
    },
    {
      key: 'outdent',
      label: 'Đưa ra khỏi nhóm',
      icon: ICONS.outdent,
      onClick: () => selected && apply((c) => outdent(c, selected, columnTree)),
      disabled: !selected || selected.length < 2,
    },
    {
      key: 'up',
      label: 'Sang trái',
      icon: ICONS.up,
      onClick: () => selected && apply((c) => moveSibling(c, selected, -1, columnTree)),
      disabled: !sel,
    },
    {
      key: 'down',
      label: 'Sang phải',
      icon: ICONS.down,
      onClick: () => selected && apply((c) => moveSibling(c, selected, 1, columnTree)),
      disabled: !sel,
    },
    {
      key: 'remove',
      label: 'Xóa',
      icon: ICONS.remove,
      danger: true,
      disabled: !sel,
      onClick: () => {
        if (!selected) return;
        const roots = removeAt(def.columns, selected, columnTree);
        onChange((d) => ({ ...d, columns: roots }));
        onSelect(null);
      },
    },
  ];

  return (
    <div data-testid="columns-editor">
      {!readOnly && <TreeToolbar actions={actions} label="Thao tác với cột" />}
      {flat.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có cột số liệu nào. Bấm “Thêm cột”." />
      ) : (
        <div className="tree-lines" role="tree" aria-label="Các cột">
          <div className="tree-head cols-grid" aria-hidden>
            <span>Mã cột</span>
            <span>Tên cột</span>
            <span>Kiểu dữ liệu</span>
            <span>Số chữ số thập phân</span>
            <span>Loại cột</span>
          </div>
          {flat.map(({ node, path, level }) => {
            const key = path.join('.');
            const isSel = !!selected && samePath(selected, path);
            const ps = byCol.get(key) ?? [];
            const fieldPs = (f: string) => ps.filter((p) => (problemTarget(p.path) as { field?: string }).field === f);
            const idBase = `col-${path.join('-')}`;
            return (
              <div
                key={key}
                role="treeitem"
                aria-level={level + 1}
                aria-selected={isSel}
                className={`tree-line${isSel ? ' tree-line-selected' : ''}${ps.some((p) => p.severity === 'error') ? ' tree-line-error' : ''}`}
                onFocus={() => !isSel && onSelect(path)}
                onClick={() => !isSel && onSelect(path)}
                id={idBase}
              >
                {isGroup(node) ? (
                  <div className="cols-grid">
                    <span style={{ paddingLeft: level * 18 }}>
                      <Tag color="blue">Nhóm cột</Tag>
                    </span>
                    <Input
                      size="small"
                      id={`${idBase}-name`}
                      aria-label="Tên nhóm cột"
                      value={node.name}
                      onChange={(e) => update(path, { name: e.target.value })}
                      readOnly={readOnly}
                    />
                    <Typography.Text type="secondary" className="cols-group-note">
                      gồm {node.children.length} cột/nhóm con
                    </Typography.Text>
                  </div>
                ) : (
                  <>
                    <div className="cols-grid">
                      <span style={{ paddingLeft: level * 18 }}>
                        <Input
                          size="small"
                          id={`${idBase}-code`}
                          aria-label={`Mã cột ${node.name}`}
                          value={node.code}
                          status={fieldPs('code').length ? 'error' : undefined}
                          onChange={(e) => update(path, { code: e.target.value })}
                          readOnly={readOnly}
                        />
                      </span>
                      <Input
                        size="small"
                        id={`${idBase}-name`}
                        aria-label={`Tên cột ${node.code}`}
                        placeholder="VD: Thực hiện kỳ này"
                        value={node.name}
                        status={fieldPs('name').length ? 'error' : undefined}
                        onChange={(e) => update(path, { name: e.target.value })}
                        readOnly={readOnly}
                      />
                      <Select
                        size="small"
                        aria-label={`Kiểu dữ liệu cột ${node.code}`}
                        value={node.type}
                        disabled={readOnly}
                        onChange={(type) => update(path, { type })}
                        options={Object.entries(COLUMN_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
                      />
                      <InputNumber
                        size="small"
                        aria-label={`Số chữ số thập phân cột ${node.code}`}
                        min={0}
                        max={10}
                        value={node.decimals ?? null}
                        placeholder="Tự động"
                        disabled={readOnly || !['number', 'percent', 'integer'].includes(node.type)}
                        onChange={(v) => update(path, { decimals: v ?? undefined })}
                        style={{ width: '100%' }}
                      />
                      <Select
                        size="small"
                        id={`${idBase}-kind`}
                        aria-label={`Loại cột ${node.code}`}
                        value={node.kind}
                        disabled={readOnly}
                        onChange={(kind) => update(path, { kind, formula: kind === 'computed' ? (node.formula ?? '') : undefined })}
                        options={[
                          { value: 'input', label: 'Nhập liệu' },
                          { value: 'computed', label: 'Tính toán' },
                        ]}
                      />
                    </div>
                    {node.kind === 'computed' && (
                      <Flex className="tree-sub" gap={8} align="flex-start" style={{ paddingLeft: level * 18 }}>
                        <span className="tree-sub-label">Công thức</span>
                        <div style={{ flex: 1 }}>
                          <FormulaInput
                            id={`${idBase}-formula`}
                            aria-label={`Công thức cột ${node.code}`}
                            value={node.formula ?? ''}
                            onChange={(formula) => update(path, { formula })}
                            codes={codes}
                            problems={fieldPs('formula')}
                            placeholder="VD: PERCENT(C2, C1)"
                            disabled={readOnly}
                          />
                        </div>
                      </Flex>
                    )}
                    {isSel && (
                      <Flex className="tree-detail" gap={12} wrap align="center">
                        <span className="tree-sub-label">Kiểm tra</span>
                        <Checkbox.Group<BuiltinCheck>
                          value={node.checks}
                          disabled={readOnly}
                          onChange={(checks) => update(path, { checks })}
                          options={BUILTIN_CHECKS.filter((c) => c !== 'parent_ge_children' && c !== 'equals_children').map((c) => ({
                            value: c,
                            label: CHECK_LABELS[c],
                          }))}
                        />
                      </Flex>
                    )}
                  </>
                )}
                {ps
                  .filter((p) => !['code', 'name', 'formula'].includes((problemTarget(p.path) as { field?: string }).field ?? ''))
                  .map((p, i) => (
                    <div key={i} className={`fx-msg fx-msg-${p.severity}`}>
                      {p.message}
                    </div>
                  ))}
              </div>
            );
          })}
        </div>
      )}
      <Typography.Paragraph type="secondary" className="designer-hint" style={{ marginTop: 8 }}>
        Công thức cột được tính ở mọi dòng, kể cả dòng tổng — ví dụ cột “So sánh (%)” = PERCENT(C2, C1).
      </Typography.Paragraph>
    </div>
  );
}
