import { createHash } from 'node:crypto';
import { foldDiacritics } from '@baocao/core';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../jobs/clock.ts';
import type { AuthedContext } from '../access/index.ts';
import { loadReport } from '../reports/index.ts';
import type { CmsSigner } from '../signatures/signer.ts';
import { buildReportDocument } from './build.ts';
import { DOCX_MIME, renderDocx } from './docx.ts';
import type { ReportDocumentModel } from './model.ts';
import { renderPdfWithLayout } from './pdf.ts';
import { leaderSignedPdf } from './queries.ts';
import { signPdf } from './sign.ts';

/** The use cases of report documents: download as DOCX or PDF, and the leader's signed PDF at approval. */

export interface DocumentFile {
  content: Buffer;
  contentType: string;
  filename: string;
  asciiFilename: string;
}

/** A name safe on every file system, Vietnamese kept: "Báo cáo Tình hình … tháng 11-2026 - Ủy ban nhân dân xã An Lạc". */
function fileNames(model: ReportDocumentModel, versionNo: number, extension: string, suffix = '') {
  const base = `Báo cáo ${model.summary} - ${model.organisation}${versionNo > 1 ? ` (phiên bản ${versionNo})` : ''}${suffix}`
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  const ascii = foldDiacritics(base)
    .replace(/[^A-Za-z0-9._-]+/gu, '-')
    .replace(/-+/gu, '-');
  return { filename: `${base}.${extension}`, asciiFilename: `${ascii}.${extension}` };
}

/** The report version as DOCX, for anyone who may read the report. */
export async function reportDocx(
  deps: { db: Db; clock: Clock },
  ctx: AuthedContext,
  reportId: string,
  versionNo: number,
): Promise<DocumentFile> {
  await loadReport(deps.db, ctx.actor, reportId);
  const model = await buildReportDocument(deps.db, reportId, versionNo, { now: deps.clock.now() });
  return { content: await renderDocx(model), contentType: DOCX_MIME, ...fileNames(model, versionNo, 'docx') };
}

/**
 * The report version as PDF, for anyone who may read the report: the leader's PAdES-signed PDF when
 * the version's approval made one (and no return superseded it), byte for byte as signed; otherwise
 * the document rendered now, unsigned.
 */
export async function reportPdf(
  deps: { db: Db; clock: Clock },
  ctx: AuthedContext,
  reportId: string,
  versionNo: number,
): Promise<DocumentFile> {
  await loadReport(deps.db, ctx.actor, reportId);
  const model = await buildReportDocument(deps.db, reportId, versionNo, { now: deps.clock.now() });
  const signed = await leaderSignedPdf(deps.db, reportId, versionNo);
  if (signed) return { content: signed, contentType: 'application/pdf', ...fileNames(model, versionNo, 'pdf', ' - đã ký số') };
  const { pdf } = await renderPdfWithLayout(model);
  return { content: pdf, contentType: 'application/pdf', ...fileNames(model, versionNo, 'pdf') };
}

export interface SignedReportPdfInput {
  reportId: string;
  versionNo: number;
  /** The approving leader's signer (their certificate and key behind the CmsSigner interface). */
  signer: CmsSigner;
  signerName: string;
  /**
   * The leader's position (chức vụ), e.g. "Chủ tịch", "Phó Giám đốc"; undefined: the name and
   * position of the account that approved (the approve event, written in the same transaction).
   */
  position?: string | null | undefined;
  /** The approval's instant: the document's date and number, the signature's time. */
  signingTime: Date;
}

/**
 * The leader's signed PDF of a version, made at approval: numbered and dated as approved at
 * `signingTime`, the signature box (signer, organisation, ISO 8601 time in +07:00) in the signer's
 * space, signed PAdES over the whole file with a widget on that box. Writes nothing: storing the
 * bytes (and naming them in the signature row) is the caller's.
 */
export async function signedReportPdf(db: Db, input: SignedReportPdfInput): Promise<{ pdf: Buffer; sha256: string }> {
  const model = await buildReportDocument(db, input.reportId, input.versionNo, {
    signer: input.position === undefined ? undefined : { name: input.signerName, position: input.position },
    approval: { at: input.signingTime },
  });
  const appearance = { signerName: input.signerName, organisation: model.organisation, signingTime: input.signingTime };
  const rendered = await renderPdfWithLayout(model, { signature: appearance });
  const pdf = await signPdf(rendered.pdf, input.signer, {
    name: input.signerName,
    reason: `Phê duyệt báo cáo: ${model.summary}`,
    location: model.place,
    contactInfo: model.organisation,
    signingTime: input.signingTime,
    widget: rendered.signatureBox,
  });
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
