import { Button, Empty, Flex, Input, Tooltip } from 'antd';
import { DeleteOutlined, EnterOutlined, PlusOutlined } from '@ant-design/icons';
import type { FigureQuote, Outline } from '@baocao/core';
import type { DesignerProblem } from '../designer/problems.ts';

/** The figure quotes {{key}} of an outline: which form cell each one quotes; insert one into the guidance. */
export function FiguresEditor({
  def,
  onChange,
  problems,
  readOnly,
  onInsert,
  canInsert,
}: {
  def: Outline;
  onChange: (fn: (d: Outline) => Outline) => void;
  problems: DesignerProblem[];
  readOnly: boolean;
  onInsert: (key: string) => void;
  canInsert: boolean;
}) {
  const set = (i: number, patch: Partial<FigureQuote>) =>
    onChange((d) => ({ ...d, figures: d.figures.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
  const add = () =>
    onChange((d) => {
      const keys = new Set(d.figures.map((f) => f.key));
      let n = d.figures.length + 1;
      while (keys.has(`so_lieu_${n}`)) n++;
      return { ...d, figures: [...d.figures, { key: `so_lieu_${n}`, formCode: '', row: '', col: '' }] };
    });
  return (
    <div data-testid="figures-editor">
      {def.figures.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có trích dẫn số liệu. Trích dẫn lấy một ô của biểu mẫu số liệu." />
      )}
      {def.figures.map((f, i) => {
        const n = i + 1;
        const mine = problems.filter((p) => p.path[0] === 'figures' && p.path[1] === i);
        const bad = (field: string) => (mine.some((p) => p.path[2] === field && p.severity === 'error') ? 'error' : undefined);
        return (
          <div key={i} className="list-col-block">
            <Flex gap={8} wrap align="center">
              <code className="outline-figure-key">{`{{${f.key || '…'}}}`}</code>
              <Input
                aria-label={`Tên trích dẫn ${n}`}
                placeholder="Tên, VD: thu_ns"
                value={f.key}
                disabled={readOnly}
                status={bad('key')}
                style={{ width: 150 }}
                onChange={(e) => set(i, { key: e.target.value })}
              />
              <Input
                aria-label={`Ký hiệu biểu trích dẫn ${n}`}
                placeholder="Ký hiệu biểu, VD: 01/BC-TC"
                value={f.formCode}
                disabled={readOnly}
                status={bad('formCode')}
                style={{ width: 170 }}
                onChange={(e) => set(i, { formCode: e.target.value })}
              />
              <Input
                aria-label={`Mã dòng trích dẫn ${n}`}
                placeholder="Mã dòng"
                value={f.row}
                disabled={readOnly}
                status={bad('row')}
                style={{ width: 100 }}
                onChange={(e) => set(i, { row: e.target.value })}
              />
              <Input
                aria-label={`Mã cột trích dẫn ${n}`}
                placeholder="Mã cột"
                value={f.col}
                disabled={readOnly}
                status={bad('col')}
                style={{ width: 100 }}
                onChange={(e) => set(i, { col: e.target.value })}
              />
              {!readOnly && (
                <Flex gap={4} style={{ marginLeft: 'auto' }}>
                  <Tooltip title={canInsert ? 'Chèn vào hướng dẫn của mục đang chọn, tại vị trí con trỏ' : 'Chọn một mục trước'}>
                    <Button
                      size="small"
                      icon={<EnterOutlined aria-hidden />}
                      disabled={!canInsert || !f.key}
                      onClick={() => onInsert(f.key)}
                    >
                      Chèn {`{{${f.key}}}`}
                    </Button>
                  </Tooltip>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`Xóa trích dẫn ${n}`}
                    onClick={() => onChange((d) => ({ ...d, figures: d.figures.filter((_, j) => j !== i) }))}
                  />
                </Flex>
              )}
            </Flex>
            {mine.map((p, k) => (
              <div key={k} className={`fx-msg fx-msg-${p.severity}`}>
                {p.message}
              </div>
            ))}
          </div>
        );
      })}
      {!readOnly && (
        <Button icon={<PlusOutlined aria-hidden />} onClick={add} style={{ marginTop: 8 }}>
          Thêm trích dẫn số liệu
        </Button>
      )}
    </div>
  );
}
