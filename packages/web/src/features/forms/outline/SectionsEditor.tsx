import type { RefObject } from 'react';
import { Button, Checkbox, Empty, Flex, Input, Space, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import type { Outline, OutlineSection } from '@baocao/core';
import type { DesignerProblem } from '../designer/problems.ts';
import {
  addChild,
  addSibling,
  flatten,
  moveSection,
  newSection,
  removeSection,
  sectionAt,
  sectionPathOf,
  siblingCount,
  updateSection,
  type SectionPath,
} from './sections.ts';

const same = (a: SectionPath | null, b: SectionPath) => !!a && a.length === b.length && a.every((v, i) => v === b[i]);

/** The section tree (left) and the selected section's heading and guidance (right). */
export function SectionsEditor({
  def,
  onChange,
  numbers,
  selected,
  onSelect,
  problems,
  readOnly,
  guidanceRef,
  onCaret,
}: {
  def: Outline;
  onChange: (fn: (d: Outline) => Outline) => void;
  numbers: Map<string, string>;
  selected: SectionPath | null;
  onSelect: (p: SectionPath | null) => void;
  problems: DesignerProblem[];
  readOnly: boolean;
  guidanceRef: RefObject<TextAreaRef | null>;
  onCaret: (pos: number) => void;
}) {
  const current = selected ? sectionAt(def.sections, selected) : undefined;
  const edit = (fn: (s: OutlineSection[]) => [OutlineSection[], SectionPath | null]) => {
    const [sections, path] = fn(def.sections);
    onChange((d) => ({ ...d, sections }));
    onSelect(path);
  };
  const set = (patch: Partial<OutlineSection>) =>
    selected && onChange((d) => ({ ...d, sections: updateSection(d.sections, selected, patch) }));
  const caret = () => onCaret(guidanceRef.current?.resizableTextArea?.textArea.selectionStart ?? current?.guidance?.length ?? 0);
  const mine = problems.filter((p) => selected && same(sectionPathOf(p.path), selected));
  const label = (s: OutlineSection) => `${numbers.get(s.id) ?? ''}. ${s.title || '(chưa có tiêu đề)'}`;

  return (
    <Flex gap={16} wrap data-testid="sections-editor">
      <div style={{ flex: '1 1 300px', minWidth: 280 }}>
        {!readOnly && (
          <Space wrap size={4} style={{ marginBottom: 8 }}>
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => edit((s) => addSibling(s, selected, newSection()))}>
              Thêm mục
            </Button>
            <Button
              size="small"
              icon={<SubnodeOutlined aria-hidden />}
              disabled={!current}
              onClick={() => edit((s) => (selected ? addChild(s, selected, newSection()) : [s, selected]))}
            >
              Thêm mục con
            </Button>
            <Tooltip title="Chuyển lên">
              <Button
                size="small"
                aria-label="Chuyển mục lên"
                icon={<ArrowUpOutlined />}
                disabled={!selected || selected[selected.length - 1] === 0}
                onClick={() => edit((s) => (selected ? moveSection(s, selected, -1) : [s, selected]))}
              />
            </Tooltip>
            <Tooltip title="Chuyển xuống">
              <Button
                size="small"
                aria-label="Chuyển mục xuống"
                icon={<ArrowDownOutlined />}
                disabled={!selected || selected[selected.length - 1]! >= siblingCount(def.sections, selected) - 1}
                onClick={() => edit((s) => (selected ? moveSection(s, selected, 1) : [s, selected]))}
              />
            </Tooltip>
            <Tooltip title="Xóa mục (cả các mục con)">
              <Button
                size="small"
                danger
                aria-label="Xóa mục"
                icon={<DeleteOutlined />}
                disabled={!current}
                onClick={() => edit((s) => (selected ? [removeSection(s, selected), null] : [s, null]))}
              />
            </Tooltip>
          </Space>
        )}
        <ul className="outline-tree" aria-label="Cây mục của đề cương">
          {flatten(def.sections).map(({ section, path }) => (
            <li key={section.id}>
              <button
                type="button"
                className={`outline-tree-item${same(selected, path) ? ' is-selected' : ''}`}
                style={{ paddingLeft: 8 + (path.length - 1) * 20 }}
                onClick={() => onSelect(path)}
              >
                {label(section)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div style={{ flex: '2 1 420px' }}>
        {!current ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chọn một mục bên trái để sửa tiêu đề và hướng dẫn." />
        ) : (
          <Flex vertical gap={8} data-testid="section-editor">
            <Typography.Text strong>Mục {numbers.get(current.id)}</Typography.Text>
            <label>
              <span className="tree-sub-label">Tiêu đề mục</span>
              <Input
                aria-label="Tiêu đề mục"
                value={current.title}
                disabled={readOnly}
                status={current.title.trim() ? undefined : 'error'}
                placeholder="VD: Tình hình thực hiện nhiệm vụ"
                onChange={(e) => set({ title: e.target.value })}
              />
            </label>
            <label>
              <span className="tree-sub-label">Hướng dẫn viết (trích số liệu bằng {'{{tên}}'})</span>
              <Input.TextArea
                ref={guidanceRef}
                aria-label="Hướng dẫn viết"
                value={current.guidance ?? ''}
                disabled={readOnly}
                autoSize={{ minRows: 4, maxRows: 12 }}
                placeholder="VD: Nêu kết quả thu ngân sách; thu đạt {{thu_ns}} triệu đồng…"
                onChange={(e) => {
                  set({ guidance: e.target.value || undefined });
                  onCaret(e.target.selectionStart);
                }}
                onSelect={caret}
                onKeyUp={caret}
                onClick={caret}
              />
            </label>
            <Checkbox checked={current.required} disabled={readOnly} onChange={(e) => set({ required: e.target.checked })}>
              Bắt buộc viết mục này trước khi nộp báo cáo
            </Checkbox>
            {mine.map((p, k) => (
              <div key={k} className={`fx-msg fx-msg-${p.severity}`}>
                {p.message}
              </div>
            ))}
          </Flex>
        )}
      </div>
    </Flex>
  );
}
