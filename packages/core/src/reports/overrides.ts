import type { ReportCellValue, ReportFormData } from '../api/reports.ts';
import { DECIMAL_TEXT, sameCellValue } from './data.ts';
import { cellPlace } from './labels.ts';

/**
 * A consolidating unit's report is pre-filled from its subunits' accepted reports; the unit may
 * then change a figure, but must say why (a note on the cell). These functions find the cells it
 * changed (overrides) and those it has not explained yet, for the browser (a list to jump to) and
 * the server (a submission is refused while one is left).
 */

/** What the comparison needs of a consolidated cell (consolidationResponse.cells[key]). */
export interface ConsolidatedFigure {
  /** Decimal text, or null when no subunit had a number. */
  value: string | null;
  rule?: string;
}

/** A cell whose value differs from the figure consolidated from the subunits. */
export interface ConsolidationOverride {
  /** Cell key "ROW:COL". */
  key: string;
  /** The consolidated figure (decimal text). */
  consolidated: string;
  /** The unit's own value (null: it emptied the cell). */
  value: ReportCellValue;
  /** The unit's note on the cell (giving the reason), or null when it has none. */
  note: string | null;
}

const noteOf = (notes: Readonly<Record<string, string>> | undefined, key: string): string | null => {
  const note = notes?.[key];
  return note !== undefined && note.trim() !== '' ? note : null;
};

/**
 * Every cell whose value differs from its consolidated figure, in the order of the consolidated
 * cells (the form's order). Compared as exact decimals: "1234.50" and "1234.5" are the same figure.
 * Only cells the consolidation gave a figure count: where no subunit had a number (or the indicator
 * is not consolidated, rule 'none') the figure is the unit's own, and there is nothing to override.
 * Emptying a consolidated cell is an override.
 */
export function consolidationOverrides(
  consolidated: Readonly<Record<string, ConsolidatedFigure>>,
  data: Pick<ReportFormData, 'values'> & Partial<Pick<ReportFormData, 'notes'>>,
): ConsolidationOverride[] {
  const out: ConsolidationOverride[] = [];
  for (const [key, cell] of Object.entries(consolidated)) {
    if (cell.rule === 'none' || cell.value === null || !DECIMAL_TEXT.test(cell.value)) continue;
    const value = data.values[key] ?? null;
    if (sameCellValue(cell.value, value)) continue;
    out.push({ key, consolidated: cell.value, value: value === '' ? null : value, note: noteOf(data.notes, key) });
  }
  return out;
}

/** The overrides with no note (a blank note does not count): what stops the report from being submitted. */
export function unexplainedOverrides(
  consolidated: Readonly<Record<string, ConsolidatedFigure>>,
  data: Pick<ReportFormData, 'values'> & Partial<Pick<ReportFormData, 'notes'>>,
): ConsolidationOverride[] {
  return consolidationOverrides(consolidated, data).filter((o) => o.note === null);
}

/**
 * A stored decimal the Vietnamese way, exactly as stored (no rounding): "1234.5" → "1.234,5",
 * "-0.25" → "-0,25". Anything else is returned as it is; an empty cell as "(trống)".
 */
export function formatStoredDecimal(value: ReportCellValue): string {
  if (value === null || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (!DECIMAL_TEXT.test(value)) return value;
  const negative = value.startsWith('-');
  const [whole = '0', fraction] = (negative ? value.slice(1) : value).split('.');
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/**
 * What a reader is told about an override without a note, naming the cell as the other problems do:
 * `Dòng "1 – Dân số", cột "Kỳ này": số tổng hợp từ đơn vị cấp dưới là 30, số của đơn vị là 35 nhưng chưa ghi chú lý do điều chỉnh.`
 */
export function unexplainedOverrideMessage(
  rowLabel: string,
  colLabel: string,
  o: Pick<ConsolidationOverride, 'consolidated' | 'value'>,
): string {
  return `${cellPlace(rowLabel, colLabel)}: số tổng hợp từ đơn vị cấp dưới là ${formatStoredDecimal(o.consolidated)}, số của đơn vị là ${formatStoredDecimal(o.value)} nhưng chưa ghi chú lý do điều chỉnh.`;
}
