/**
 * What other modules may use of documents: the report's document model, its DOCX and PDF, PAdES
 * signing of a PDF, and the leader's signed PDF made at approval (the caller stores it).
 */
export { buildReportDocument, type BuildOptions } from './build.ts';
export { DOCX_MIME, renderDocx } from './docx.ts';
export type { ReportDocumentModel, SignatureAppearance } from './model.ts';
export { renderPdf, renderPdfWithLayout, type SignatureBoxPlacement } from './pdf.ts';
export { PDF_SUBFILTER, signPdf, type PdfSignatureOptions } from './sign.ts';
export { signedReportPdf, type SignedReportPdfInput } from './service.ts';
export { documentRoutes } from './routes.ts';
