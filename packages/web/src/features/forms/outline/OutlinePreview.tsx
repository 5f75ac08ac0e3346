import { Fragment } from 'react';
import { Tooltip } from 'antd';
import { quotedKeys, type Outline, type OutlineSection } from '@baocao/core';

const QUOTE = /(\{\{\s*[^}]*?\s*\}\})/u;

/** Guidance text with each {{key}} as a highlighted chip (red when the quote is not declared). */
function Guidance({ text, outline }: { text: string; outline: Outline }) {
  return (
    <>
      {text.split(QUOTE).map((part, i) => {
        const key = i % 2 === 1 ? quotedKeys(part)[0] : undefined;
        if (key === undefined) return <Fragment key={i}>{part}</Fragment>;
        const f = outline.figures.find((x) => x.key === key);
        return (
          <Tooltip key={i} title={f ? `Số liệu từ biểu ${f.formCode}, dòng ${f.row}, cột ${f.col}` : 'Chưa khai báo trích dẫn này'}>
            <span className={`outline-chip${f ? '' : ' is-missing'}`} data-testid={`chip-${key}`}>
              {f ? `[${key}]` : `{{${key}}}`}
            </span>
          </Tooltip>
        );
      })}
    </>
  );
}

/** The outline as the skeleton of a Vietnamese report: numbered headings, guidance in grey italics. */
export function OutlinePreview({ outline, numbers }: { outline: Outline; numbers: Map<string, string> }) {
  const render = (sections: OutlineSection[], level: number) =>
    sections.map((s) => (
      <section key={s.id} className={`outline-doc-section level-${Math.min(level, 3)}`}>
        <div className="outline-doc-heading">
          {numbers.get(s.id)}. {s.title || '(chưa có tiêu đề)'}
          {s.required && <span className="outline-doc-required"> *</span>}
        </div>
        {s.guidance && (
          <p className="outline-doc-guidance">
            <Guidance text={s.guidance} outline={outline} />
          </p>
        )}
        {render(s.children, level + 1)}
      </section>
    ));
  return (
    <div className="outline-doc" data-testid="outline-preview">
      <div className="outline-doc-title">{(outline.name || 'ĐỀ CƯƠNG BÁO CÁO').toLocaleUpperCase('vi')}</div>
      {outline.code && <div className="outline-doc-code">({outline.code})</div>}
      {outline.legalBasis && <p className="outline-doc-legal">Căn cứ: {outline.legalBasis}</p>}
      {render(outline.sections, 0)}
      <p className="outline-doc-note">(*) Mục bắt buộc. Các ô [tên] là số liệu được trích tự động từ biểu mẫu số liệu khi lập báo cáo.</p>
    </div>
  );
}
