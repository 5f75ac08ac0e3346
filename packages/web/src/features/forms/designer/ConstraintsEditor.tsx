import { Button, Empty, Flex, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Form, FormConstraint } from '@baocao/core';
import { FormulaInput, type CodeOption } from './FormulaInput.tsx';
import { newId } from './model.ts';
import { problemTarget, type DesignerProblem } from './problems.ts';

const SCOPE_LABELS = { row: 'Từng cột số của một dòng', column: 'Từng dòng của một cột', cell: 'Một ô', form: 'Toàn biểu' } as const;

/** Ràng buộc: a condition that must hold, its Vietnamese message, error or warning, and where it is checked. */
export function ConstraintsEditor({
  def,
  onChange,
  problems,
  codes,
  readOnly,
}: {
  def: Form;
  onChange: (fn: (def: Form) => Form) => void;
  problems: DesignerProblem[];
  codes: CodeOption[];
  readOnly: boolean;
}) {
  const rows = codes.filter((c) => c.kind === 'row').map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }));
  const cols = codes.filter((c) => c.kind === 'column').map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }));
  const set = (i: number, patch: Partial<FormConstraint>) =>
    onChange((d) => ({ ...d, constraints: d.constraints.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const ps = (i: number, field?: string) =>
    problems.filter((p) => {
      const t = problemTarget(p.path);
      return t.kind === 'constraint' && t.index === i && (field === undefined ? t.field !== 'expression' : t.field === field);
    });

  return (
    <div data-testid="constraints-editor">
      {def.constraints.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có ràng buộc nào." />}
      {def.constraints.map((c, i) => (
        <div key={c.id} className="constraint-card" id={`constraint-${i}`}>
          <Flex gap={8} wrap align="flex-start">
            <div style={{ flex: '2 1 320px' }}>
              <label className="tree-sub-label" htmlFor={`constraint-${i}-expression`}>
                Điều kiện phải đúng
              </label>
              <FormulaInput
                id={`constraint-${i}-expression`}
                aria-label={`Điều kiện ràng buộc ${i + 1}`}
                value={c.expression}
                onChange={(expression) => set(i, { expression })}
                codes={codes}
                problems={ps(i, 'expression')}
                placeholder="VD: C2 <= C1 hoặc [R01:C1] >= [R02:C1]"
                disabled={readOnly}
              />
            </div>
            <div style={{ flex: '2 1 280px' }}>
              <label className="tree-sub-label" htmlFor={`constraint-${i}-message`}>
                Thông báo khi sai
              </label>
              <Input
                id={`constraint-${i}-message`}
                aria-label={`Thông báo ràng buộc ${i + 1}`}
                value={c.message}
                onChange={(e) => set(i, { message: e.target.value })}
                placeholder="VD: Lũy kế không được nhỏ hơn kỳ này."
                readOnly={readOnly}
              />
            </div>
            <div style={{ flex: '0 0 130px' }}>
              <span className="tree-sub-label">Mức độ</span>
              <Select
                aria-label={`Mức độ ràng buộc ${i + 1}`}
                value={c.severity}
                disabled={readOnly}
                onChange={(severity) => set(i, { severity })}
                options={[
                  { value: 'error', label: 'Lỗi' },
                  { value: 'warning', label: 'Cảnh báo' },
                ]}
                style={{ width: '100%' }}
              />
            </div>
            <div style={{ flex: '1 1 300px' }}>
              <span className="tree-sub-label">Phạm vi kiểm tra</span>
              <Flex gap={6}>
                <Select
                  aria-label={`Phạm vi ràng buộc ${i + 1}`}
                  value={c.scope.kind}
                  disabled={readOnly}
                  style={{ width: 190 }}
                  onChange={(kind) =>
                    set(i, {
                      scope:
                        kind === 'form'
                          ? { kind }
                          : kind === 'row'
                            ? { kind, row: rows[0]?.value ?? '' }
                            : kind === 'column'
                              ? { kind, col: cols[0]?.value ?? '' }
                              : { kind, row: rows[0]?.value ?? '', col: cols[0]?.value ?? '' },
                    })
                  }
                  options={Object.entries(SCOPE_LABELS).map(([value, label]) => ({ value, label }))}
                />
                {(c.scope.kind === 'row' || c.scope.kind === 'cell') && (
                  <Select
                    aria-label={`Dòng của ràng buộc ${i + 1}`}
                    showSearch
                    value={c.scope.row}
                    disabled={readOnly}
                    style={{ flex: 1, minWidth: 110 }}
                    popupMatchSelectWidth={false}
                    onChange={(row) => set(i, { scope: { ...(c.scope as { kind: 'row' }), row } as FormConstraint['scope'] })}
                    options={rows}
                  />
                )}
                {(c.scope.kind === 'column' || c.scope.kind === 'cell') && (
                  <Select
                    aria-label={`Cột của ràng buộc ${i + 1}`}
                    showSearch
                    value={c.scope.col}
                    disabled={readOnly}
                    style={{ flex: 1, minWidth: 110 }}
                    popupMatchSelectWidth={false}
                    onChange={(col) => set(i, { scope: { ...(c.scope as { kind: 'column' }), col } as FormConstraint['scope'] })}
                    options={cols}
                  />
                )}
              </Flex>
            </div>
            {!readOnly && (
              <Button
                aria-label={`Xóa ràng buộc ${i + 1}`}
                icon={<DeleteOutlined aria-hidden />}
                danger
                type="text"
                style={{ marginTop: 22 }}
                onClick={() => onChange((d) => ({ ...d, constraints: d.constraints.filter((_, j) => j !== i) }))}
              />
            )}
          </Flex>
          {ps(i).map((p, k) => (
            <div key={k} className={`fx-msg fx-msg-${p.severity}`}>
              {p.message}
            </div>
          ))}
        </div>
      ))}
      {!readOnly && (
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() =>
            onChange((d) => ({
              ...d,
              constraints: [
                ...d.constraints,
                { id: newId('k'), expression: '', message: '', severity: 'error', scope: { kind: 'column', col: cols[0]?.value ?? '' } },
              ],
            }))
          }
        >
          Thêm ràng buộc
        </Button>
      )}
    </div>
  );
}
