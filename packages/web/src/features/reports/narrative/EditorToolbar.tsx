import type { ReactNode } from 'react';
import { Button, Dropdown, Tooltip } from 'antd';
import {
  BoldOutlined,
  ItalicOutlined,
  NumberOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useEditorState, type Editor } from '@tiptap/react';
import type { FigureQuote } from '@baocao/core';
import type { FigureStore } from './figureStore.ts';
import { FIGURE_NODE } from './text.ts';

/** Bold, italic, lists, undo/redo and "Chèn số liệu" (the outline's declared figures). */
export function EditorToolbar({
  editor,
  figures,
  store,
  label,
}: {
  editor: Editor;
  figures: readonly FigureQuote[];
  store: FigureStore;
  /** The section, for the toolbar's accessible name. */
  label: string;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const toggle = (title: string, icon: ReactNode, active: boolean, run: () => void) => (
    <Tooltip title={title}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={title}
        aria-pressed={active}
        onMouseDown={(e) => e.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
  return (
    <div className="nf-toolbar" role="toolbar" aria-label={`Định dạng: ${label}`}>
      {toggle('Chữ đậm (Ctrl+B)', <BoldOutlined aria-hidden />, state.bold, () => chain().toggleBold().run())}
      {toggle('Chữ nghiêng (Ctrl+I)', <ItalicOutlined aria-hidden />, state.italic, () => chain().toggleItalic().run())}
      {toggle('Danh sách gạch đầu dòng', <UnorderedListOutlined aria-hidden />, state.bulletList, () => chain().toggleBulletList().run())}
      {toggle('Danh sách đánh số', <OrderedListOutlined aria-hidden />, state.orderedList, () => chain().toggleOrderedList().run())}
      <span className="nf-toolbar-sep" aria-hidden />
      <Tooltip title="Hoàn tác (Ctrl+Z)">
        <Button
          size="small"
          type="text"
          icon={<UndoOutlined aria-hidden />}
          aria-label="Hoàn tác"
          disabled={!state.canUndo}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => chain().undo().run()}
        />
      </Tooltip>
      <Tooltip title="Làm lại (Ctrl+Y)">
        <Button
          size="small"
          type="text"
          icon={<RedoOutlined aria-hidden />}
          aria-label="Làm lại"
          disabled={!state.canRedo}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => chain().redo().run()}
        />
      </Tooltip>
      {figures.length > 0 && (
        <>
          <span className="nf-toolbar-sep" aria-hidden />
          <Dropdown
            trigger={['click']}
            menu={{
              items: figures.map((f) => {
                const shown = store.get(f.key);
                return {
                  key: f.key,
                  label: (
                    <span className="nf-figure-item">
                      <strong>{f.key}</strong>: {shown.missing ? 'chưa có số liệu' : shown.text}
                      <span className="nf-figure-where">
                        Biểu {f.formCode}, dòng {f.row}, cột {f.col}
                      </span>
                    </span>
                  ),
                };
              }),
              onClick: ({ key }) => {
                chain()
                  .insertContent([
                    { type: FIGURE_NODE, attrs: { key } },
                    { type: 'text', text: ' ' },
                  ])
                  .run();
              },
            }}
          >
            <Button size="small" icon={<NumberOutlined aria-hidden />} onMouseDown={(e) => e.preventDefault()}>
              Chèn số liệu
            </Button>
          </Dropdown>
        </>
      )}
    </div>
  );
}
