import {
  buildCellSpace,
  evaluateReportForm,
  foldDiacritics,
  formColumnLabels,
  formRowLabels,
  inputToCellValue,
  isEditable,
  sameCellValue,
  validateFormValues,
  type CellChange,
  type ExcelPreviewResponse,
  type Form,
  type FormPeriodValues,
  type ReportCellValue,
  type ReportState,
} from '@baocao/core';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthedContext } from '../access/index.ts';
import { exportWorkbook, sheetName } from '../forms/excel-export.ts';
import { loadReport } from './access.ts';
import { loadTableForm, type TableFormVersion } from './consolidation.ts';
import * as q from './data-queries.ts';
import { periodValuesFor } from './period-values.ts';
import { locateGrid, numberText, readCell, writeValues } from './excel-values.ts';

/**
 * Excel round trip of a report's table form: download the form's layout (the forms module's export)
 * with the current values, fill it in Excel, upload it back for a preview of what would change and
 * what was refused. Nothing is saved here: the user confirms and the client sends the preview's
 * patch through the report's ordinary save (PATCH /reports/:id/data), with its checks.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type FormValues = Record<string, ReportCellValue>;

function valuesOf(data: unknown, formVersionId: string): FormValues {
  const forms = (data as { forms?: Record<string, { values?: FormValues }> } | null)?.forms ?? {};
  return (Object.hasOwn(forms, formVersionId) ? forms[formVersionId]?.values : undefined) ?? {};
}

/** Input values and computed results of the form, as stored values. */
function evaluatedValues(form: Form, values: FormValues, periodValues?: FormPeriodValues): Map<string, ReportCellValue> {
  const evaluated = evaluateReportForm(form, { values }, periodValues);
  const out = new Map<string, ReportCellValue>();
  for (const [key, result] of evaluated.values) out.set(key, inputToCellValue(result));
  return out;
}

/** A name safe on every file system, Vietnamese kept: "01-KHĐT_M2026-01_UBND xã An Lạc". */
const safeName = (text: string) =>
  text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();

/** The PREV / SAMEPERIOD_LASTYEAR / YTD values the form's formulas read, from the unit's accepted reports. */
async function periodValuesOf(
  db: Db,
  unitId: string,
  context: q.ReportContextRow,
  target: TableFormVersion,
): Promise<FormPeriodValues | undefined> {
  const { row } = target;
  const values = await periodValuesFor(db, {
    unitId,
    regimeId: context.regimeId,
    period: { code: context.periodCode, type: context.periodType, windowStart: context.windowStart },
    forms: [
      {
        formId: row.formId,
        versionId: row.versionId,
        code: row.code,
        name: row.name,
        kind: 'table',
        definition: row.definition as Record<string, unknown>,
      },
    ],
  });
  return values[row.formId];
}

async function loadCurrent(db: Db, reportId: string, versionNo: number) {
  const version = await q.findVersion(db, reportId, versionNo);
  if (!version) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản báo cáo.');
  return version;
}

/** The table form of the report with its current values and computed figures, as .xlsx. */
export async function exportReportXlsx(db: Db, ctx: AuthedContext, reportId: string, formVersionId: string) {
  const { row } = await loadReport(db, ctx.actor, reportId);
  const context = await q.reportContext(db, row.id);
  if (!context) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');
  const target = await loadTableForm(db, context.formVersionIds, formVersionId);
  const { row: formRow, form } = target;
  const version = await loadCurrent(db, row.id, row.currentVersionNo);
  const periodValues = await periodValuesOf(db, row.unitId, context, target);

  const empty = await exportWorkbook('table', form, {
    formId: formRow.formId,
    versionId: formRow.versionId,
    versionNo: formRow.versionNo,
    status: formRow.status,
    contentHash: formRow.contentHash,
    ownerUnitName: formRow.ownerUnitName,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(empty as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName(form.code));
  if (!ws) throw new AppError('INTERNAL', undefined, 'Không tạo được tệp Excel của biểu mẫu.');
  const heading = (r: number, prefix: string, text: string) => {
    const cell = ws.getCell(r, 1);
    if (typeof cell.value === 'string' && cell.value.startsWith(prefix)) cell.value = `${prefix} ${text}`;
  };
  heading(4, 'Kỳ báo cáo:', context.periodLabel);
  heading(5, 'Đơn vị báo cáo:', context.unitName);
  writeValues(ws, form, evaluatedValues(form, valuesOf(version.data, formRow.versionId), periodValues));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  const base = safeName(`${form.code}_${context.periodCode}_${context.unitName}`);
  return { buffer, filename: `${base}.xlsx`, asciiFilename: `${foldDiacritics(base).replace(/[^A-Za-z0-9._-]+/gu, '-')}.xlsx` };
}

// ---------- Preview ----------

interface FileMeta {
  formId?: string;
  versionId?: string;
  versionNo?: number;
  contentHash?: string;
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new AppError(
      'EXCEL_INVALID',
      undefined,
      'Tệp là định dạng Excel cũ (.xls). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi tải lên lại.',
    );
  }
  const refuse = () =>
    new AppError(
      'EXCEL_INVALID',
      undefined,
      'Không đọc được tệp Excel: tệp không phải .xlsx hoặc đã bị hỏng. Hãy mở và lưu lại bằng Excel rồi tải lên lại.',
    );
  if (!buffer.subarray(0, 2).equals(Buffer.from('PK'))) throw refuse();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw refuse();
  }
  if (wb.worksheets.length === 0) throw refuse();
  return wb;
}

/** The metadata sheet the export writes (very hidden "ThongTin": form id, version id and number, content hash). */
function readMeta(wb: ExcelJS.Workbook): FileMeta | null {
  const ws = wb.worksheets.find((s) => s.name === 'ThongTin' && s.state !== 'visible');
  if (!ws) return null;
  const meta: Record<string, unknown> = {};
  ws.eachRow((row) => {
    const key = row.getCell(1).value;
    if (typeof key === 'string') meta[key] = row.getCell(2).value;
  });
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    formId: str(meta.formId),
    versionId: str(meta.versionId),
    versionNo: typeof meta.versionNo === 'number' ? meta.versionNo : undefined,
    contentHash: str(meta.contentHash),
  };
}

/** "Biểu số: 01/KHĐT" in the heading of a visible sheet, for files without the metadata sheet. */
function headingCode(wb: ExcelJS.Workbook): string | null {
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const text = ws.getCell(1, 1).value;
    const m = typeof text === 'string' ? /^\s*Biểu\s+số\s*:\s*(.+?)\s*$/iu.exec(text.normalize('NFC')) : null;
    if (m) return m[1]!;
  }
  return null;
}

const formName = (f: Pick<q.FormVersionRow, 'code' | 'name'>) => `"${f.code} – ${f.name}"`;

/**
 * Which of the report's table forms the file is: by the export's metadata (the very version, or
 * another version with the same content), else by the form number in its heading. A file of another
 * form, or of another version of this one, is refused naming both.
 */
async function identifyForm(
  db: Db,
  wb: ExcelJS.Workbook,
  listed: q.FormVersionRow[],
  requested: string | undefined,
): Promise<q.FormVersionRow> {
  const tables = listed.filter((f) => f.kind === 'table');
  const candidates = requested ? tables.filter((f) => f.versionId === requested) : tables;
  if (requested && candidates.length === 0) throw new AppError('NOT_FOUND', undefined, 'Biểu mẫu này không thuộc báo cáo.');
  const ours = candidates.map(formName).join(', ') || '(không có biểu số liệu dạng bảng)';
  const meta = readMeta(wb);
  if (meta?.versionId) {
    const exact = candidates.find((f) => f.versionId === meta.versionId);
    if (exact) return exact;
    const sameForm = candidates.find((f) => f.formId === meta.formId);
    if (sameForm && meta.contentHash === sameForm.contentHash) return sameForm;
    if (sameForm) {
      throw new AppError(
        'EXCEL_WRONG_FORM',
        { fileVersionNo: meta.versionNo ?? null, reportVersionNo: sameForm.versionNo },
        `Tệp Excel là phiên bản ${meta.versionNo ?? '?'} của biểu ${formName(sameForm)}, còn báo cáo dùng phiên bản ${sameForm.versionNo}. Hãy tải biểu của báo cáo này về, điền số liệu rồi tải lên lại.`,
      );
    }
    const another = tables.find((f) => f.versionId === meta.versionId);
    if (another) {
      throw new AppError(
        'EXCEL_WRONG_FORM',
        undefined,
        `Tệp Excel là của biểu ${formName(another)}, không phải biểu đang chọn (${ours}). Hãy chọn đúng biểu rồi tải lên lại.`,
      );
    }
    const [theirs] = await q.formVersionsByIds(db, [meta.versionId]);
    const what = theirs ? `biểu ${formName(theirs)} (phiên bản ${theirs.versionNo})` : 'một biểu mẫu khác';
    throw new AppError('EXCEL_WRONG_FORM', undefined, `Tệp Excel là của ${what}, không phải biểu của báo cáo này (${ours}).`);
  }
  const code = headingCode(wb);
  if (code) {
    const byCode = candidates.filter((f) => f.code.normalize('NFC') === code);
    if (byCode.length === 1) return byCode[0]!;
    if (byCode.length === 0) {
      throw new AppError('EXCEL_WRONG_FORM', undefined, `Tệp Excel là của biểu số "${code}", không phải biểu của báo cáo này (${ours}).`);
    }
  }
  if (candidates.length === 1) return candidates[0]!;
  throw new AppError(
    'EXCEL_WRONG_FORM',
    undefined,
    `Không xác định được tệp Excel là biểu nào của báo cáo (${ours}); hãy chọn biểu rồi tải lên lại.`,
  );
}

/**
 * Reads a filled .xlsx of one of the report's table forms and lists what would change against the
 * current version, what was refused and why, and the patch to save. Nothing is written.
 */
export async function previewReportXlsx(
  db: Db,
  ctx: AuthedContext,
  reportId: string,
  formVersionId: string | undefined,
  readFile: () => Promise<Buffer | undefined>,
): Promise<ExcelPreviewResponse> {
  const { row, caps } = await loadReport(db, ctx.actor, reportId);
  if (!caps.sender.permissions.includes('report.enter')) {
    throw new AppError('FORBIDDEN', undefined, 'Bạn không có quyền nhập số liệu cho báo cáo này.');
  }
  const version = await loadCurrent(db, row.id, row.currentVersionNo);
  if (version.lockedAt) throw new AppError('REPORT_VERSION_LOCKED');
  if (!isEditable(row.state as ReportState)) throw new AppError('REPORT_NOT_EDITABLE');
  const context = await q.reportContext(db, row.id);
  if (!context) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');

  const buffer = await readFile();
  if (!buffer || buffer.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { problems: [{ path: 'file', message: 'Chưa có tệp.', severity: 'error' }] },
      'Chưa chọn tệp Excel để nhập số liệu.',
    );
  }
  const wb = await loadWorkbook(buffer);
  const ids = Array.isArray(context.formVersionIds) ? (context.formVersionIds as string[]) : [];
  const chosen = await identifyForm(db, wb, await q.formVersionsByIds(db, ids), formVersionId);
  const target = await loadTableForm(db, ids, chosen.versionId);
  const periodValues = await periodValuesOf(db, row.unitId, context, target);
  return previewValues(wb, target, valuesOf(version.data, target.row.versionId), periodValues);
}

type Rejected = ExcelPreviewResponse['rejected'][number];

/** A computed figure as it reads back from the exported file: a spreadsheet number keeps 15 significant digits. */
function asExported(value: ReportCellValue): ReportCellValue {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/u.test(value) ? numberText(Number(value)) : value;
}

/** The comparison itself, on a loaded workbook and the current values. */
export function previewValues(
  wb: ExcelJS.Workbook,
  target: TableFormVersion,
  current: FormValues,
  periodValues?: FormPeriodValues,
): ExcelPreviewResponse {
  const { form, row: formRow } = target;
  const space = buildCellSpace(form);
  const nc = space.columns.length;
  const visible = wb.worksheets.filter((s) => s.state === 'visible');
  const preferred = visible.find((s) => s.name === sheetName(form.code));
  const ws = [...(preferred ? [preferred] : []), ...visible].find((s) => locateGrid(s, space));
  const grid = ws ? locateGrid(ws, space) : null;
  if (!ws || !grid) {
    throw new AppError(
      'EXCEL_WRONG_FORM',
      undefined,
      `Không tìm thấy trong tệp hàng mã cột và cột "Mã số" của biểu ${formName(formRow)}; hãy dùng tệp tải từ báo cáo này.`,
    );
  }
  const computedNow = evaluatedValues(form, current, periodValues);
  const rejected: Rejected[] = [];
  const reject = (cell: string, row: string | null, col: string | null, reason: string) =>
    rejected.push({ sheet: ws.name, cell, row, col, reason: reason.endsWith('.') ? reason : `${reason}.` });
  const read = new Map<string, ReportCellValue>();
  const seenRows = new Set<string>();

  for (let r = grid.codesRow + 1; r <= ws.rowCount; r++) {
    const codeCell = ws.getCell(r, grid.codeColumn);
    const code = readCell(codeCell, { type: 'text' });
    const rowCode = code.ok && typeof code.value === 'string' ? code.value : '';
    // Rows without a code are not data (the footer, notes, blank lines).
    if (!rowCode) continue;
    const rIndex = space.rowIndex.get(rowCode);
    const hasValue = (c: number) => {
      const v = readCell(ws.getCell(r, c), { type: 'text' });
      return !v.ok || v.value !== null;
    };
    const dataColumns = [...grid.columns.values(), ...grid.unknownColumns.keys()];
    if (rIndex === undefined) {
      if (dataColumns.some(hasValue)) reject(codeCell.address, rowCode, null, `Mã dòng "${rowCode}" không có trong biểu mẫu`);
      continue;
    }
    if (seenRows.has(rowCode)) {
      if (dataColumns.some(hasValue)) reject(codeCell.address, rowCode, null, `Dòng mã "${rowCode}" có hai lần trong tệp; chỉ lấy lần đầu`);
      continue;
    }
    seenRows.add(rowCode);
    const formRowDef = space.rows[rIndex]!.row;
    for (const [c, written] of grid.unknownColumns) {
      if (hasValue(c)) {
        const where = written
          ? `Mã cột "${written}" không có trong biểu mẫu`
          : 'Cột không có mã cột (hàng mã cột) nên không biết là cột nào của biểu';
        reject(ws.getCell(r, c).address, rowCode, written, where);
      }
    }
    for (const [colCode, c] of grid.columns) {
      const cIndex = space.colIndex.get(colCode)!;
      const column = space.columns[cIndex]!.column;
      const cell = ws.getCell(r, c);
      const key = space.keys[rIndex * nc + cIndex]!;
      const value = readCell(cell, column);
      const i = rIndex * nc + cIndex;
      if (!space.valued[i]) {
        if (!value.ok || value.value !== null) {
          reject(
            cell.address,
            rowCode,
            colCode,
            formRowDef.kind === 'header' ? 'Dòng tiêu đề, không nhận số liệu' : 'Ô gạch chéo, không nhận số liệu',
          );
        }
        continue;
      }
      if (space.formulas[i]) {
        // The export fills computed cells with their figures: those coming back unchanged are not an entry.
        if (!value.ok || (value.value !== null && !sameCellValue(value.value, asExported(computedNow.get(key) ?? null)))) {
          reject(cell.address, rowCode, colCode, 'Ô tự tính, không nhận số liệu (hệ thống tự tính lại từ các ô nhập)');
        }
        continue;
      }
      if (!value.ok) {
        reject(cell.address, rowCode, colCode, value.reason);
        continue;
      }
      const [problem] = value.value === null ? [] : validateFormValues(form, { [key]: value.value });
      if (problem) {
        reject(cell.address, rowCode, colCode, problem.message);
        continue;
      }
      read.set(key, value.value);
    }
  }

  const rowsLabel = formRowLabels(form);
  const colsLabel = formColumnLabels(form.columns);
  const changes: CellChange[] = [];
  const patchValues: FormValues = {};
  let unchanged = 0;
  for (const key of space.keys) {
    if (!read.has(key)) continue;
    const after = read.get(key)!;
    const before = Object.hasOwn(current, key) ? current[key]! : null;
    if (sameCellValue(before, after)) {
      if (after !== null) unchanged++;
      continue;
    }
    const at = key.indexOf(':');
    const [rowCode, colCode] = [key.slice(0, at), key.slice(at + 1)];
    changes.push({
      formVersionId: formRow.versionId,
      formCode: formRow.code,
      row: rowCode,
      col: colCode,
      rowLabel: rowsLabel.get(rowCode) ?? rowCode,
      colLabel: colsLabel.get(colCode) ?? colCode,
      before: before === '' ? null : before,
      after,
    });
    patchValues[key] = after;
  }
  return {
    changes,
    rejected,
    unchanged,
    patch: changes.length > 0 ? { forms: { [formRow.versionId]: { values: patchValues } } } : {},
  };
}
