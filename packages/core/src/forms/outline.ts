import { z } from 'zod';
import { optionalText, text, uuid } from '../api/common.ts';
import { DEFAULT_STT_STYLES, formCode, sttStyle, type FormRow } from './model.ts';
import { numberRows } from './numbering.ts';
import type { FormProblem } from './validate.ts';

/**
 * An outline (đề cương báo cáo, báo cáo thuyết minh): the narrative part of a report, as numbered
 * sections (I. Tình hình thực hiện; 1. Kết quả đạt được; …) each with guidance for the writer. A
 * section may quote figures of a table form of the same regime ("Thu ngân sách đạt {{thu_ns}} tỷ
 * đồng"): the quote is declared once, with the form code and cell, and used in the guidance text.
 */

export const figureQuote = z.object({
  /** Name used in the guidance as {{key}}. */
  key: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/u, 'Tên trích dẫn chỉ gồm chữ không dấu, số và "_", bắt đầu bằng chữ (tối đa 40 ký tự).'),
  /** Ký hiệu of the table form the figure comes from, e.g. "01/BC-UBND". */
  formCode: z.string().trim().min(1, 'Không được để trống.').max(50, 'Tối đa 50 ký tự.'),
  row: formCode,
  col: formCode,
});
export type FigureQuote = z.infer<typeof figureQuote>;

export const outlineSection = z.object({
  /** Stable identity for the designer and for the report's text of this section. */
  id: z.string().min(1).max(64),
  title: text(500),
  /** What to write here (hướng dẫn), shown to the writer; may use {{key}} quotes. */
  guidance: optionalText(5000),
  /** The writer must fill this section before the report can be submitted. */
  required: z.boolean().default(false),
  /** Longest text accepted, in characters. */
  maxLength: z.number().int().min(1).max(200000).optional(),
  get children() {
    return z.array(outlineSection).default([]);
  },
});
export type OutlineSection = z.infer<typeof outlineSection>;

export const outlineDefinition = z.object({
  name: text(500),
  /** Ký hiệu đề cương, e.g. "ĐC-01/UBND". */
  code: z.string().trim().min(1, 'Không được để trống.').max(50, 'Tối đa 50 ký tự.'),
  fieldGroup: optionalText(200),
  ownerUnitId: uuid.optional(),
  legalBasis: optionalText(1000),
  note: optionalText(2000),
  /** Numbering per section level (I / 1 / a / - by default), as for the rows of a table form. */
  sttStyles: z
    .array(sttStyle)
    .min(1)
    .default([...DEFAULT_STT_STYLES]),
  sections: z.array(outlineSection).min(1, 'Đề cương phải có ít nhất một mục.'),
  figures: z.array(figureQuote).default([]),
});
export type Outline = z.infer<typeof outlineDefinition>;
export type OutlineInput = z.input<typeof outlineDefinition>;

export function defineOutline(input: OutlineInput): Outline {
  return outlineDefinition.parse(input);
}

/** Sections in reading order with their path in the definition and their level (0 = top). */
export function flattenSections(
  outline: Pick<Outline, 'sections'>,
): { section: OutlineSection; level: number; path: (string | number)[] }[] {
  const out: { section: OutlineSection; level: number; path: (string | number)[] }[] = [];
  const visit = (sections: OutlineSection[], level: number, path: (string | number)[]) =>
    sections.forEach((section, i) => {
      out.push({ section, level, path: [...path, i] });
      visit(section.children, level + 1, [...path, i, 'children']);
    });
  visit(outline.sections, 0, ['sections']);
  return out;
}

/** The number of every section ("I", "1", "a", "-"), by section id, with the table forms' rules. */
export function numberSections(outline: Pick<Outline, 'sections' | 'sttStyles'>): Map<string, string> {
  const asRows = (sections: OutlineSection[]): FormRow[] =>
    sections.map((s) => ({ id: s.id, code: s.id, name: s.title, kind: 'header', checks: [], children: asRows(s.children) }));
  return numberRows({ rows: asRows(outline.sections), sttStyles: outline.sttStyles });
}

const QUOTE = /\{\{\s*([^}]*?)\s*\}\}/gu;

/** Keys quoted as {{key}} in a text. */
export function quotedKeys(text: string): string[] {
  return [...text.matchAll(QUOTE)].map((m) => m[1]!);
}

/**
 * Checks a (schema-valid) outline as a whole: unique section ids, unique quote names, and every
 * {{key}} in a guidance text declared. Whether the quoted form and cell exist is known only with
 * the regime's forms, so it is checked there. Returns [] when the outline can be published.
 */
export function validateOutline(outline: Outline): FormProblem[] {
  const problems: FormProblem[] = [];
  const error = (path: (string | number)[], message: string) => problems.push({ path, message, severity: 'error' });
  const ids = new Set<string>();
  const keys = new Set<string>();
  outline.figures.forEach((f, i) => {
    if (keys.has(f.key)) error(['figures', i, 'key'], `Tên trích dẫn "${f.key}" bị trùng.`);
    keys.add(f.key);
  });
  const used = new Set<string>();
  for (const { section, path } of flattenSections(outline)) {
    if (ids.has(section.id)) error([...path, 'id'], `Mã định danh mục "${section.id}" bị trùng.`);
    ids.add(section.id);
    for (const key of quotedKeys(section.guidance ?? '')) {
      used.add(key);
      if (!keys.has(key)) error([...path, 'guidance'], `Mục "${section.title}" trích dẫn {{${key}}} nhưng chưa khai báo trích dẫn này.`);
    }
  }
  outline.figures.forEach((f, i) => {
    if (!used.has(f.key))
      problems.push({ path: ['figures', i], message: `Trích dẫn "${f.key}" chưa được dùng trong mục nào.`, severity: 'warning' });
  });
  return problems;
}
