import { createRequire } from 'node:module';
import type { CmsSigner } from '../signatures/signer.ts';
import type { SignatureBoxPlacement } from './pdf.ts';

/**
 * PAdES signing of a PDF with @signpdf: a signature dictionary and its widget are appended as an
 * incremental update, and the CMS made by our `CmsSigner` over the byte ranges goes into the
 * placeholder. SubFilter adbe.pkcs7.detached (PAdES Part 2, ETSI TS 102 778-2): our CMS carries the
 * signing-time attribute, which ETSI.CAdES.detached (PAdES-BES, EN 319 142) forbids, and no
 * ESS signing-certificate-v2, which it requires.
 *
 * @signpdf's plain placeholder puts the widget on the first page; the signer's block is on the
 * page where the text ends, so this module repeats its few steps with the page chosen, calling
 * the library's own helpers for everything that reads and writes PDF structure.
 */

// The helpers are CommonJS files without an ESM entry: loaded through require, the same way in
// Node, tsx, Vitest and the esbuild bundle.
const requireCjs = createRequire(import.meta.url);

interface PdfInfo {
  xref: { maxIndex: number; offsets: Map<number, number> };
  rootRef: string;
  root: Buffer | string;
}
interface RefMock {
  index: number;
  toString(): string;
}
interface SignPdfUtils {
  Signer: new () => { sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> };
  PDFObject: { convert(input: unknown): string };
  PDFKitReferenceMock: new (index: number, additional?: unknown) => RefMock & { data?: unknown };
  removeTrailingNewLine(pdf: Buffer): Buffer;
  SUBFILTER_ADOBE_PKCS7_DETACHED: string;
}

const utils = requireCjs('@signpdf/utils') as SignPdfUtils;
const { SignPdf } = requireCjs('@signpdf/signpdf') as {
  SignPdf: new () => { sign(pdf: Buffer, signer: InstanceType<SignPdfUtils['Signer']>, signingTime?: Date): Promise<Buffer> };
};
const { pdfkitAddPlaceholder } = requireCjs('@signpdf/placeholder-pdfkit010') as {
  pdfkitAddPlaceholder(input: Record<string, unknown>): { form: RefMock; widget: RefMock };
};
const plain = <T>(file: string): T => (requireCjs(`@signpdf/placeholder-plain/dist/${file}.js`) as { default: T }).default;
const readPdf = plain<(pdf: Buffer) => PdfInfo>('readPdf');
const findObject = plain<(pdf: Buffer, xref: PdfInfo['xref'], ref: string) => Buffer>('findObject');
const getIndexFromRef = plain<(xref: PdfInfo['xref'], ref: string) => number>('getIndexFromRef');
const getPagesDictionaryRef = plain<(info: PdfInfo) => string>('getPagesDictionaryRef');
const createBufferRootWithAcroform = plain<(pdf: Buffer, info: PdfInfo, form: RefMock) => Buffer>('createBufferRootWithAcroform');
const createBufferPageWithAnnotation =
  plain<(pdf: Buffer, info: PdfInfo, pageRef: string, widget: RefMock) => Buffer>('createBufferPageWithAnnotation');
const createBufferTrailer = plain<(pdf: Buffer, info: PdfInfo, added: Map<number, number>) => Buffer>('createBufferTrailer');

/** Room for the CMS (bytes): a signature, the signer's certificate and a chain of two, with margin. */
const SIGNATURE_LENGTH = 16384;
export const PDF_SUBFILTER = utils.SUBFILTER_ADOBE_PKCS7_DETACHED;

/** The reference ("12 0 R") of the page at `pageIndex`, from the page tree's /Kids (flat, as pdfkit writes it). */
function pageRefAt(pdf: Buffer, info: PdfInfo, pageIndex: number): string {
  const pages = findObject(pdf, info.xref, getPagesDictionaryRef(info)).toString();
  const kids = /\/Kids\s*\[([^\]]*)\]/u.exec(pages)?.[1] ?? '';
  const refs = [...kids.matchAll(/(\d+)\s+(\d+)\s+R/gu)].map((m) => `${m[1]} ${m[2]} R`);
  const ref = refs[pageIndex];
  if (!ref) throw new Error(`Trang ${pageIndex + 1} không có trong tệp PDF (${refs.length} trang).`);
  if (!/\/Type\s*\/Page\b/u.test(findObject(pdf, info.xref, ref).toString())) {
    throw new Error('Cây trang của tệp PDF lồng nhau; không đặt được ô chữ ký.');
  }
  return ref;
}

const acroFormRef = (text: string) => /\/AcroForm\s+(\d+\s\d+\sR)/u.exec(text)?.[1];

interface PlaceholderInput {
  pageIndex: number;
  rect: [number, number, number, number];
  reason: string;
  contactInfo: string;
  name: string;
  location: string;
  signingTime: Date;
}

/** @signpdf's plainAddPlaceholder with the widget on a chosen page. */
function addPlaceholder(pdfBuffer: Buffer, input: PlaceholderInput): Buffer {
  let pdf = utils.removeTrailingNewLine(pdfBuffer);
  const info = readPdf(pdf);
  const pageRef = pageRefAt(pdf, info, input.pageIndex);
  const pageObject = getIndexFromRef(info.xref, pageRef);
  const added = new Map<number, number>();
  const mock = {
    ref: (data: unknown, knownIndex?: number) => {
      info.xref.maxIndex += 1;
      const index = knownIndex ?? info.xref.maxIndex;
      added.set(index, pdf.length + 1);
      // PDFObject.convert gives a binary string (UTF-16BE text strings, one byte per character): written
      // as latin1, not as UTF-8 like @signpdf's own placeholder does, which garbles Vietnamese names.
      const object = Buffer.from(utils.PDFObject.convert(data), 'latin1');
      pdf = Buffer.concat([pdf, Buffer.from(`\n${index} 0 obj\n`), object, Buffer.from('\nendobj\n')]);
      return new utils.PDFKitReferenceMock(info.xref.maxIndex);
    },
    page: { dictionary: new utils.PDFKitReferenceMock(pageObject, { data: { Annots: [] } }) },
    _root: { data: {} as Record<string, unknown> },
  };
  const existingForm = acroFormRef(info.root.toString());
  if (existingForm) mock._root.data.AcroForm = existingForm;
  const { form, widget } = pdfkitAddPlaceholder({
    pdf: mock,
    pdfBuffer,
    reason: input.reason,
    contactInfo: input.contactInfo,
    name: input.name,
    location: input.location,
    signingTime: input.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: PDF_SUBFILTER,
    widgetRect: input.rect,
    // A PDF name: ASCII without spaces.
    appName: 'HeThongThongTinBaoCao',
  });
  if (!acroFormRef(pdf.toString('latin1'))) {
    const rootIndex = getIndexFromRef(info.xref, info.rootRef);
    added.set(rootIndex, pdf.length + 1);
    pdf = Buffer.concat([pdf, Buffer.from('\n'), createBufferRootWithAcroform(pdf, info, form)]);
  }
  added.set(pageObject, pdf.length + 1);
  pdf = Buffer.concat([pdf, Buffer.from('\n'), createBufferPageWithAnnotation(pdf, info, pageRef, widget)]);
  return Buffer.concat([pdf, Buffer.from('\n'), createBufferTrailer(pdf, info, added)]);
}

/** @signpdf's Signer over our CmsSigner: the CMS of the bytes outside the placeholder. */
class CmsPdfSigner extends utils.Signer {
  constructor(
    private readonly cms: CmsSigner,
    private readonly signingTime: Date,
  ) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    return Buffer.from(await this.cms.signDetached(new Uint8Array(pdf), signingTime ?? this.signingTime));
  }
}

export interface PdfSignatureOptions {
  /** The signer's name (the signature dictionary's /Name). */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
  contactInfo?: string | undefined;
  /** Where the visible signature is; without it the signature has an invisible widget on page 1. */
  widget?: SignatureBoxPlacement | null | undefined;
}

/** Signs a PDF (PAdES, adbe.pkcs7.detached) with `signer`; `widget` makes the signature box clickable in viewers. */
export async function signPdf(pdf: Buffer, signer: CmsSigner, opts: PdfSignatureOptions): Promise<Buffer> {
  const withPlaceholder = addPlaceholder(pdf, {
    pageIndex: opts.widget?.pageIndex ?? 0,
    rect: opts.widget?.rect ?? [0, 0, 0, 0],
    reason: opts.reason,
    contactInfo: opts.contactInfo ?? '',
    name: opts.name,
    location: opts.location,
    signingTime: opts.signingTime,
  });
  return new SignPdf().sign(withPlaceholder, new CmsPdfSigner(signer, opts.signingTime), opts.signingTime);
}
