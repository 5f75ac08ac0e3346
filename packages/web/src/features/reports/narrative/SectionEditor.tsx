import { useEffect, useRef, useState } from 'react';
import { Typography } from 'antd';
import { EditorContent, getSchema, useEditor, type Extensions, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Placeholder from '@tiptap/extension-placeholder';
import { formatNumber, type FigureQuote, type NarrativeSection } from '@baocao/core';
import { EditorToolbar } from './EditorToolbar.tsx';
import { FigureNode } from './figureNode.ts';
import type { FigureStore } from './figureStore.ts';
import { countChars, isEmptyNarrative, narrativePlainText, type DocNode } from './text.ts';

/** How long typing must pause before the section is handed to the page (which autosaves it). */
export const NARRATIVE_DEBOUNCE_MS = 500;

function extensionsFor(placeholder: string, store: FigureStore): Extensions {
  return [
    // Headings, code, quotes, rules and links are not part of a Vietnamese administrative report's body text.
    StarterKit.configure({
      heading: false,
      code: false,
      codeBlock: false,
      blockquote: false,
      horizontalRule: false,
      link: false,
      strike: false,
      underline: false,
    }),
    Placeholder.configure({ placeholder }),
    FigureNode.configure({ store }),
  ];
}

/**
 * The stored document if this editor's schema can read it; otherwise (a document written by a
 * richer editor, or damaged) its plain text as paragraphs, so the writer never loses the words.
 */
function initialContent(extensions: Extensions, section: NarrativeSection | undefined): JSONContent | string {
  if (!section) return '';
  try {
    getSchema(extensions).nodeFromJSON(section.doc).check();
    return section.doc as JSONContent;
  } catch {
    return {
      type: 'doc',
      content: section.text.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
    };
  }
}

export interface SectionEditorProps {
  sectionId: string;
  /** "I. Tình hình chung": for accessible names. */
  heading: string;
  placeholder: string;
  initial: NarrativeSection | undefined;
  editable: boolean;
  store: FigureStore;
  figures: readonly FigureQuote[];
  maxLength?: number;
  onChange: (section: NarrativeSection | null) => void;
}

/**
 * One outline section's rich-text editor. Changes go out debounced (and at once when the editor
 * loses focus or is closed), as {doc, text} with figures written as their current values, or null
 * when the section was emptied.
 */
export function SectionEditor({
  sectionId,
  heading,
  placeholder,
  initial,
  editable,
  store,
  figures,
  maxLength,
  onChange,
}: SectionEditorProps) {
  const [extensions] = useState(() => extensionsFor(placeholder, store));
  const [count, setCount] = useState(() => countChars(narrativePlainText(initial?.doc as DocNode | undefined, store.value)));
  const pending = useRef<JSONContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const doc = pending.current;
    if (!doc) return;
    pending.current = null;
    const text = narrativePlainText(doc as DocNode, store.value);
    onChangeRef.current(isEmptyNarrative(doc as DocNode) ? null : { doc: doc as Record<string, unknown>, text });
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const editor = useEditor({
    extensions,
    content: initialContent(extensions, initial),
    editable,
    editorProps: {
      attributes: {
        'data-testid': `narrative-${sectionId}`,
        'aria-label': `Nội dung mục ${heading}`,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'nf-content',
      },
    },
    onUpdate: ({ editor: e }) => {
      const doc = e.getJSON();
      pending.current = doc;
      setCount(countChars(narrativePlainText(doc as DocNode, store.value)));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => flushRef.current(), NARRATIVE_DEBOUNCE_MS);
    },
    onBlur: () => flushRef.current(),
  });

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // Nothing typed is lost when the tab changes or the page closes the section.
  useEffect(() => () => flushRef.current(), []);

  const over = maxLength !== undefined && count > maxLength;
  if (!editor) return null;
  const empty = !editable && isEmptyNarrative(editor.getJSON() as DocNode);
  return (
    <div className={`nf-editor${editable ? '' : ' nf-readonly'}${over ? ' nf-over' : ''}`}>
      {editable && <EditorToolbar editor={editor} figures={figures} store={store} label={heading} />}
      {empty ? (
        <Typography.Text type="secondary" className="nf-empty" data-testid={`narrative-${sectionId}`}>
          Chưa có nội dung.
        </Typography.Text>
      ) : (
        <EditorContent editor={editor} />
      )}
      {editable && (
        <div className="nf-count" aria-live="polite">
          {maxLength !== undefined ? (
            <Typography.Text type={over ? 'danger' : 'secondary'}>
              {formatNumber(count)}/{formatNumber(maxLength)} ký tự
              {over && ` – vượt ${formatNumber(count - maxLength)} ký tự so với giới hạn`}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{formatNumber(count)} ký tự</Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
