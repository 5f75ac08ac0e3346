import { foldDiacritics, parseDefinition, type FormKind } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type AuthedContext, authorize } from '../access/index.ts';
import { exportWorkbook, sheetName } from './excel-export.ts';
import { importWorkbook, type ImportPreview } from './excel-import.ts';
import { loadReadable, loadVersion } from './support.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The empty form of one version as .xlsx, with a file name users recognise ("01-BC-UBND-v2.xlsx"). */
export async function exportVersionXlsx(db: Db, ctx: AuthedContext, id: string, versionId: string) {
  const form = await loadReadable(db, ctx, id);
  const version = await loadVersion(db, form, versionId);
  const kind = form.form.kind as FormKind;
  const parsed = parseDefinition(kind, version.definition);
  if (!parsed.ok) throw new AppError('INTERNAL', undefined, 'Nội dung phiên bản biểu mẫu không đọc được.');
  const buffer = await exportWorkbook(kind, parsed.definition, {
    formId: id,
    versionId: version.id,
    versionNo: version.versionNo,
    status: version.status,
    contentHash: version.contentHash,
    ownerUnitName: form.ownerUnitName,
  });
  const base = `${sheetName(parsed.definition.code)}-v${version.versionNo}${version.status === 'draft' ? '-nhap' : ''}`;
  return { buffer, filename: `${base}.xlsx`, asciiFilename: `${foldDiacritics(base).replace(/[^A-Za-z0-9._-]+/gu, '-')}.xlsx` };
}

/**
 * Reads a form layout from an uploaded .xlsx for the designer to review: nothing is saved. Only
 * designers may import, and the upload is read only after that is checked.
 */
export async function previewImport(db: Db, ctx: AuthedContext, readFile: () => Promise<Buffer | undefined>): Promise<ImportPreview> {
  await authorize(db, ctx.actor, 'form.design', []);
  const buffer = await readFile();
  if (!buffer || buffer.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      { problems: [{ path: 'file', message: 'Chưa có tệp.', severity: 'error' }] },
      'Chưa chọn tệp Excel để nhập.',
    );
  }
  return importWorkbook(buffer);
}
