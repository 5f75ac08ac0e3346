import {
  flattenSections,
  leafColumns,
  numberSections,
  parseDefinition,
  type DefinitionByKind,
  type Form,
  type FormColumn,
  type FormKind,
  type InputValue,
  type PeriodResolver,
  type PeriodValues,
  type ReportCellValue,
  type ReportFormRef,
  periodResolver,
  cellValueToInput,
  inputToCellValue,
} from '@baocao/core';

/**
 * The bridge between a report's stored data (decimal text by cell key) and the entry grid (the
 * engine's values), and the definitions of the report's forms, parsed once per definition.
 */

const parsed = new WeakMap<object, { kind: FormKind; definition: unknown }>();

/** The form's definition parsed with defaults filled in, or null when it is broken (cached per definition object). */
export function definitionOf<K extends FormKind>(ref: { kind: string; definition: unknown }, kind: K): DefinitionByKind[K] | null {
  if (ref.kind !== kind || typeof ref.definition !== 'object' || ref.definition === null) return null;
  const hit = parsed.get(ref.definition);
  if (hit && hit.kind === kind) return hit.definition as DefinitionByKind[K] | null;
  const result = parseDefinition(kind, ref.definition);
  const definition = result.ok ? result.definition : null;
  parsed.set(ref.definition, { kind, definition });
  return definition;
}

export const tableFormOf = (ref: ReportFormRef): Form | null => definitionOf(ref, 'table');

function columnsOf(form: Form): Map<string, FormColumn> {
  return new Map(leafColumns(form).map((c) => [c.column.code, c.column]));
}

const colOfKey = (key: string) => key.slice(key.indexOf(':') + 1);

/** Stored values as the grid's initial values, each read by its column's type; keys of unknown columns are left out. */
export function inputsOf(form: Form, values: Readonly<Record<string, ReportCellValue>>): Map<string, InputValue> {
  const columns = columnsOf(form);
  const out = new Map<string, InputValue>();
  for (const [key, v] of Object.entries(values)) {
    const column = key.includes(':') ? columns.get(colOfKey(key)) : undefined;
    if (!column) continue;
    const input = cellValueToInput(column, v);
    if (input !== null) out.set(key, input);
  }
  return out;
}

/** Stored values (a consolidation's figures, an Excel import) as writes the grid applies as one undoable step. */
export function writesOf(form: Form, values: Readonly<Record<string, ReportCellValue>>): { key: string; value: InputValue }[] {
  const columns = columnsOf(form);
  const out: { key: string; value: InputValue }[] = [];
  for (const [key, v] of Object.entries(values)) {
    const column = key.includes(':') ? columns.get(colOfKey(key)) : undefined;
    if (column) out.push({ key, value: cellValueToInput(column, v) });
  }
  return out;
}

/** The grid's changed cells as stored values (decimals as plain decimal text, null for an emptied cell). */
export function storedOf(changes: readonly { key: string; value: InputValue }[]): Record<string, ReportCellValue> {
  const out: Record<string, ReportCellValue> = {};
  for (const c of changes) out[c.key] = inputToCellValue(c.value);
  return out;
}

/** The PREV / SAMEPERIOD_LASTYEAR / YTD values of one form (keyed by form id, or by version id). */
export function resolverFor(ref: ReportFormRef, periodValues: PeriodValues): PeriodResolver | undefined {
  return periodResolver(periodValues[ref.formId] ?? periodValues[ref.versionId]);
}

/** An outline's sections in reading order with their number and title: "I. Tình hình chung". */
export function outlineSections(ref: ReportFormRef): { id: string; title: string; level: number }[] {
  const outline = definitionOf(ref, 'outline');
  if (!outline) return [];
  const numbers = numberSections(outline);
  return flattenSections(outline).map(({ section, level }) => {
    const n = numbers.get(section.id);
    const title = !n
      ? section.title
      : n === '-'
        ? `- ${section.title}`
        : /^[a-zđ]+$/u.test(n)
          ? `${n}) ${section.title}`
          : `${n}. ${section.title}`;
    return { id: section.id, title, level };
  });
}
