import { useMemo, useRef, useState } from 'react';
import { Card, Col, Row } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { numberSections, type FormSummary, type FormVersionDetail } from '@baocao/core';
import { DraftHeader } from '../common/DraftHeader.tsx';
import { GeneralFields } from '../common/GeneralFields.tsx';
import { useDraft } from '../common/useDraft.ts';
import { ProblemsList } from '../designer/ProblemsList.tsx';
import type { DesignerProblem } from '../designer/problems.ts';
import { FiguresEditor } from './FiguresEditor.tsx';
import { OutlinePreview } from './OutlinePreview.tsx';
import { sectionAt, sectionPathOf, updateSection, type SectionPath } from './sections.ts';
import { SectionsEditor } from './SectionsEditor.tsx';
import '../designer/designer.css';
import '../list/list.css';
import './outline.css';

/** Designer of an outline (đề cương báo cáo): sections with guidance, figure quotes, and the report skeleton. */
export function OutlineDesigner({ form, version }: { form: FormSummary; version: FormVersionDetail }) {
  const draft = useDraft('outline', form, version);
  const { def, change, editable, problems } = draft;
  const [chosen, setSelected] = useState<SectionPath | null>(null);
  // Until the designer picks a section (or when the chosen one is gone), the first one is open.
  const selected: SectionPath | null = chosen && sectionAt(def.sections, chosen) ? chosen : def.sections.length ? [0] : null;
  const guidanceRef = useRef<TextAreaRef>(null);
  const caret = useRef(0);
  const numbers = useMemo(() => {
    try {
      return numberSections(def);
    } catch {
      return new Map<string, string>();
    }
  }, [def]);

  const select = (p: SectionPath | null) => {
    setSelected(p);
    caret.current = (p && sectionAt(def.sections, p)?.guidance?.length) || 0;
  };

  const insert = (key: string) => {
    if (!selected) return;
    const section = sectionAt(def.sections, selected);
    if (!section) return;
    const text = section.guidance ?? '';
    const pos = Math.min(caret.current, text.length);
    const quote = `{{${key}}}`;
    change((d) => ({ ...d, sections: updateSection(d.sections, selected, { guidance: text.slice(0, pos) + quote + text.slice(pos) }) }));
    const to = pos + quote.length;
    caret.current = to;
    setTimeout(() => {
      const el = guidanceRef.current?.resizableTextArea?.textArea;
      el?.focus();
      el?.setSelectionRange(to, to);
    }, 0);
  };

  const jump = (p: DesignerProblem) => {
    const path = sectionPathOf(p.path);
    if (path) select(path);
    const target = path ? 'sections-editor' : p.path[0] === 'figures' ? 'figures-editor' : null;
    const el = target ? document.querySelector(`[data-testid="${target}"]`) : document.getElementById(`form-${String(p.path[0])}`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <>
      <DraftHeader form={form} version={version} draft={draft} name={def.name} code={def.code} />
      <Row gutter={16}>
        <Col xs={24} xl={17} xxl={18}>
          <Card title="Thông tin chung" size="small">
            <GeneralFields def={def} onChange={change} readOnly={!editable} codeLabel="Ký hiệu đề cương" />
          </Card>
          <Card title="Các mục của đề cương" size="small" style={{ marginTop: 16 }}>
            <SectionsEditor
              def={def}
              onChange={change}
              numbers={numbers}
              selected={selected}
              onSelect={select}
              problems={problems}
              readOnly={!editable}
              guidanceRef={guidanceRef}
              onCaret={(pos) => (caret.current = pos)}
            />
          </Card>
          <Card title="Trích dẫn số liệu" size="small" style={{ marginTop: 16 }}>
            <FiguresEditor
              def={def}
              onChange={change}
              problems={problems}
              readOnly={!editable}
              onInsert={insert}
              canInsert={!!selected && !!sectionAt(def.sections, selected)}
            />
          </Card>
          <Card title="Xem trước đề cương" size="small" style={{ marginTop: 16 }}>
            <OutlinePreview outline={def} numbers={numbers} />
          </Card>
        </Col>
        <Col xs={24} xl={7} xxl={6}>
          <div className="designer-side">
            <ProblemsList problems={problems} onJump={jump} />
          </div>
        </Col>
      </Row>
    </>
  );
}
