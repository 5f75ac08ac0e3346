import { Fragment, useEffect, useMemo, useState } from 'react';
import { Alert, Card, Empty, Tag, Tooltip, Typography } from 'antd';
import {
  flattenSections,
  numberSections,
  parseDefinition,
  type NarrativeSection,
  type Outline,
  type ReportData,
  type ReportFormRef,
} from '@baocao/core';
import { createFigureStore, type FigureStore } from './narrative/figureStore.ts';
import { SectionEditor } from './narrative/SectionEditor.tsx';
import { figureResolver, guidanceParts, sectionHeading } from './narrative/text.ts';
import './data.css';

export type FormValueReader = (formCode: string, row: string, col: string) => string | null;

export interface NarrativeTabProps {
  forms: ReportFormRef[];
  narrative: ReportData['narrative'];
  editable: boolean;
  /** The current value of a table form's cell (plain decimal text or text), or null. */
  formValues: FormValueReader;
  onChange: (outlineVersionId: string, sectionId: string, section: NarrativeSection | null) => void;
}

/**
 * The narrative (báo cáo thuyết minh): for each outline of the report, its numbered sections with
 * guidance and a rich-text editor; quoted figures show the forms' live values.
 */
export function NarrativeTab({ forms, narrative, editable, formValues, onChange }: NarrativeTabProps) {
  const outlines = forms.filter((f) => f.kind === 'outline');
  if (outlines.length === 0) {
    return <Empty description="Báo cáo này không có đề cương thuyết minh." />;
  }
  return (
    <div className="nf-tab" data-testid="narrative-tab">
      {outlines.map((ref) => (
        <OutlineEditor
          key={ref.versionId}
          form={ref}
          sections={narrative[ref.versionId] ?? {}}
          editable={editable}
          formValues={formValues}
          onChange={(sectionId, section) => onChange(ref.versionId, sectionId, section)}
          titled={outlines.length > 1}
        />
      ))}
    </div>
  );
}

function OutlineEditor({
  form,
  sections,
  editable,
  formValues,
  onChange,
  titled,
}: {
  form: ReportFormRef;
  sections: Record<string, NarrativeSection>;
  editable: boolean;
  formValues: FormValueReader;
  onChange: (sectionId: string, section: NarrativeSection | null) => void;
  titled: boolean;
}) {
  const parsed = useMemo(() => parseDefinition('outline', form.definition), [form.definition]);
  const outline = parsed.ok ? parsed.definition : null;
  const [store] = useState(createFigureStore);

  // Every render may bring new form values: read them now (the guidance below shows them), then let
  // the editors' chips re-read them (each chip only touches the DOM when its text changed).
  if (outline) {
    const byKey = new Map(outline.figures.map((f) => [f.key, f]));
    store.set(figureResolver(outline.figures, formValues), (key) => {
      const f = byKey.get(key);
      return f ? `Số liệu từ biểu ${f.formCode}, dòng ${f.row}, cột ${f.col}` : null;
    });
  }
  useEffect(() => store.notify());

  if (!outline) {
    return <Alert type="error" showIcon title={`Không đọc được đề cương ${form.code}: định nghĩa không hợp lệ.`} />;
  }
  const body = <SectionsList outline={outline} sections={sections} editable={editable} store={store} onChange={onChange} />;
  return titled ? (
    <Card size="small" title={`${form.code} – ${form.name}`} className="nf-outline-card">
      {body}
    </Card>
  ) : (
    body
  );
}

function SectionsList({
  outline,
  sections,
  editable,
  store,
  onChange,
}: {
  outline: Outline;
  sections: Record<string, NarrativeSection>;
  editable: boolean;
  store: FigureStore;
  onChange: (sectionId: string, section: NarrativeSection | null) => void;
}) {
  const flat = useMemo(() => flattenSections(outline), [outline]);
  const numbers = useMemo(() => numberSections(outline), [outline]);
  return (
    <div className="nf-sections">
      {flat.map(({ section, level }) => {
        const heading = sectionHeading(numbers.get(section.id), section.title);
        return (
          <section key={section.id} className={`nf-section nf-level-${Math.min(level, 3)}`} aria-label={heading}>
            <div className="nf-heading">
              <span>{heading}</span>
              {section.required && (
                <Tag color="red" className="nf-required">
                  Bắt buộc
                </Tag>
              )}
            </div>
            {section.guidance && (
              <Typography.Paragraph type="secondary" className="nf-guidance">
                <Guidance text={section.guidance} store={store} />
              </Typography.Paragraph>
            )}
            <SectionEditor
              sectionId={section.id}
              heading={heading}
              placeholder={`Nhập nội dung mục ${heading}`}
              initial={sections[section.id]}
              editable={editable}
              store={store}
              figures={outline.figures}
              maxLength={section.maxLength}
              onChange={(value) => onChange(section.id, value)}
            />
          </section>
        );
      })}
    </div>
  );
}

/** Guidance with each {{key}} shown as the live figure it quotes. */
function Guidance({ text, store }: { text: string; store: FigureStore }) {
  return (
    <>
      {guidanceParts(text).map((part, i) => {
        if (part.kind === 'text') return <Fragment key={i}>{part.text}</Fragment>;
        const shown = store.get(part.key);
        return (
          <Tooltip key={i} title={shown.title}>
            <span className={`nf-chip${shown.missing ? ' nf-chip-missing' : ''}`} data-testid={`guidance-figure-${part.key}`}>
              {shown.text}
            </span>
          </Tooltip>
        );
      })}
    </>
  );
}
