import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontDirectory, fontFile } from './fonts.ts';
import {
  FIRST_LINE_INDENT,
  HEADER_LEFT_WIDTH,
  HEADER_RIGHT_WIDTH,
  LINE_SPACING,
  MARGIN,
  MOTTO,
  NATIONAL_TITLE,
  PAGE,
  PARAGRAPH_AFTER,
  ruleLength,
  SIGNATURE_BOX,
  SIGNATURE_COLOUR,
  SIGNATURE_SPACE,
  SIZE,
  tableWidths,
  TEXT_WIDTH,
} from './layout.ts';
import {
  appendixNote,
  appearanceLines,
  numberLine,
  placeDateLine,
  recipientLines,
  type DocBlock,
  type DocRun,
  type DocTable,
  type ReportDocumentModel,
  type SignatureAppearance,
} from './model.ts';

/**
 * The PDF of a report document, laid out on the server by pdfmake (pdfkit underneath) with Liberation
 * Serif embedded (subset): the ND 30 header block, title and summary, the body, the recipients and
 * the signer, then each table form as an appendix whose header repeats on every page.
 */

const FONT = 'LiberationSerif';
let configured = false;

function configure(): void {
  if (configured) return;
  const dir = fontDirectory();
  pdfmake.setFonts({
    [FONT]: { normal: fontFile('Regular'), bold: fontFile('Bold'), italics: fontFile('Italic'), bolditalics: fontFile('BoldItalic') },
  });
  // Documents embed only our fonts: no remote resource, no other local file.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => file.startsWith(dir));
  configured = true;
}

/** Where the signature box landed: page index (0-based) and rectangle in PDF user space [x1, y1, x2, y2]. */
export interface SignatureBoxPlacement {
  pageIndex: number;
  rect: [number, number, number, number];
}

const SIGNATURE_BOX_ID = 'signature-box';
/**
 * The recipients and signer block stays on one page. Not with pdfmake's `unbreakable` (it lays the
 * block out apart and leaves the positions inside it relative), but by breaking the page before it
 * when it would straddle two; then the signature box's position is the page's.
 */
const SIGNER_BLOCK_ID = 'signer-block';
const BOX_PADDING = 5;
const BOX_LINE = 0.8;

// Only marks that are set: an explicit `bold: false` would undo a heading's bold.
/** pdfmake passes a node's `id` to `pageBreakBefore` for any node; its typings list it on a few. */
const withId = <T extends Content>(id: string, node: T): T => Object.assign(node, { id });

const runs = (list: readonly DocRun[]) =>
  list.length === 0
    ? [{ text: '' }]
    : list.map((r) => ({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }));

const rule = (length: number, margin: [number, number, number, number]): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.75 }],
  alignment: 'center',
  margin,
});

function headerBlock(model: ReportDocumentModel): Content {
  const lastUnitLine = model.issuer.unit[model.issuer.unit.length - 1] ?? '';
  const left: Content[] = [
    ...model.issuer.parent.map((text) => ({ text, fontSize: SIZE.issuer })),
    ...model.issuer.unit.map((text) => ({ text, fontSize: SIZE.issuer, bold: true })),
    rule(ruleLength(lastUnitLine, SIZE.issuer, true, 0.4, HEADER_LEFT_WIDTH), [0, 4, 0, 0]),
  ];
  const right: Content[] = [
    { text: NATIONAL_TITLE, fontSize: SIZE.nationalTitle, bold: true },
    { text: MOTTO, fontSize: SIZE.motto, bold: true },
    rule(ruleLength(MOTTO, SIZE.motto, true, 1, HEADER_RIGHT_WIDTH), [0, 4, 0, 0]),
  ];
  return {
    table: {
      widths: [HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH],
      body: [
        [
          { stack: left, alignment: 'center' },
          { stack: right, alignment: 'center' },
        ],
        [
          { text: numberLine(model), fontSize: SIZE.number, alignment: 'center', margin: [0, 6, 0, 0] },
          { text: placeDateLine(model), fontSize: SIZE.placeDate, italics: true, alignment: 'center', margin: [0, 6, 0, 0] },
        ],
      ],
    },
    layout: {
      defaultBorder: false,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
  };
}

function titleBlock(model: ReportDocumentModel): Content[] {
  return [
    { text: model.title, fontSize: SIZE.title, bold: true, alignment: 'center', margin: [0, 22, 0, 0] },
    { text: model.summary, fontSize: SIZE.summary, bold: true, alignment: 'center' },
    rule(ruleLength(model.summary, SIZE.summary, true, 0.4, TEXT_WIDTH), [0, 5, 0, 14]),
  ];
}

function bodyBlock(block: DocBlock): Content {
  const common = { lineHeight: LINE_SPACING, margin: [0, 0, 0, PARAGRAPH_AFTER] as [number, number, number, number] };
  switch (block.kind) {
    case 'heading':
      return {
        headlineLevel: block.level + 1,
        text: runs(block.runs),
        bold: true,
        italics: block.level >= 2,
        alignment: 'justify',
        leadingIndent: FIRST_LINE_INDENT,
        ...common,
      };
    case 'item':
      return {
        text: [{ text: `${block.marker} ` }, ...runs(block.runs)],
        alignment: 'justify',
        leadingIndent: FIRST_LINE_INDENT + block.depth * 14,
        ...common,
      };
    default:
      return { text: runs(block.runs), alignment: 'justify', leadingIndent: FIRST_LINE_INDENT, ...common };
  }
}

function signatureBox(appearance: SignatureAppearance | undefined): Content {
  const inner = SIGNATURE_BOX.width - 2 * BOX_PADDING - 2 * BOX_LINE;
  const margin: [number, number, number, number] = [
    (HEADER_RIGHT_WIDTH - SIGNATURE_BOX.width) / 2,
    (SIGNATURE_SPACE - SIGNATURE_BOX.height) / 2,
    0,
    (SIGNATURE_SPACE - SIGNATURE_BOX.height) / 2,
  ];
  if (!appearance) return { text: '', margin: [0, SIGNATURE_SPACE, 0, 0] };
  return withId(SIGNATURE_BOX_ID, {
    table: {
      widths: [inner],
      heights: [SIGNATURE_BOX.height - 2 * BOX_PADDING - 2 * BOX_LINE],
      body: [
        [
          {
            stack: appearanceLines(appearance).map((text) => ({ text })),
            fontSize: SIZE.signatureBox,
            color: SIGNATURE_COLOUR,
            alignment: 'left',
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => BOX_LINE,
      vLineWidth: () => BOX_LINE,
      hLineColor: () => SIGNATURE_COLOUR,
      vLineColor: () => SIGNATURE_COLOUR,
      paddingLeft: () => BOX_PADDING,
      paddingRight: () => BOX_PADDING,
      paddingTop: () => BOX_PADDING,
      paddingBottom: () => BOX_PADDING,
    },
    margin,
  });
}

function signerBlock(model: ReportDocumentModel, appearance: SignatureAppearance | undefined): Content {
  const [label, ...lines] = ['Nơi nhận:', ...recipientLines(model)];
  return withId(SIGNER_BLOCK_ID, {
    margin: [0, 10, 0, 0],
    columns: [
      {
        width: HEADER_LEFT_WIDTH,
        stack: [
          { text: label!, fontSize: SIZE.recipientsLabel, bold: true, italics: true },
          ...lines.map((text) => ({ text, fontSize: SIZE.recipients })),
        ],
      },
      {
        width: HEADER_RIGHT_WIDTH,
        stack: [
          ...model.signer.authority.map((text) => ({ text, fontSize: SIZE.signer, bold: true, alignment: 'center' as const })),
          signatureBox(appearance),
          { text: model.signer.name || ' ', fontSize: SIZE.signer, bold: true, alignment: 'center' },
        ],
      },
    ],
  });
}

/** A table's cells as pdfmake wants them: every grid position present, spanned ones as empty objects. */
function tableBody(table: DocTable, fontSize: number): TableCell[][] {
  const width = 3 + table.columns.length;
  const grid: TableCell[][] = table.header.map(() => Array.from({ length: width }, () => ({}) as TableCell));
  const taken = table.header.map(() => Array.from({ length: width }, () => false));
  table.header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && taken[r]![c]) c++;
      if (c >= width) break;
      grid[r]![c] = {
        text: cell.text,
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        bold: r < table.header.length - 1,
        italics: r === table.header.length - 1,
        alignment: 'center',
        fontSize,
      };
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) if (taken[r + dr]) taken[r + dr]![c + dc] = true;
      c += cell.colSpan;
    }
  });
  const body = table.rows.map((row) =>
    row.cells.map((text, c): TableCell => {
      const base = { text, bold: row.bold, fontSize };
      if (c === 0) return { ...base, alignment: 'center' };
      if (c === 1) return { ...base, margin: [row.level * 6, 0, 0, 0] };
      if (c === 2) return { ...base, alignment: 'center' };
      return { ...base, alignment: text === 'x' ? 'center' : table.columns[c - 3]!.numeric ? 'right' : 'left', noWrap: false };
    }),
  );
  return [...grid, ...body];
}

function appendix(model: ReportDocumentModel, table: DocTable): Content[] {
  const { widths, fontSize } = tableWidths(table, TEXT_WIDTH - (3 + table.columns.length) * 6.5 - 1);
  return [
    { text: table.caption, fontSize: 12, bold: true, alignment: 'right', pageBreak: 'before' },
    { text: table.title.toLocaleUpperCase('vi'), fontSize: SIZE.tableCaption, bold: true, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: appendixNote(model), fontSize: SIZE.tableCaption, italics: true, alignment: 'center', margin: [0, 0, 0, 10] },
    {
      table: { headerRows: table.header.length, dontBreakRows: true, widths, body: tableBody(table, fontSize) },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        paddingLeft: () => 3,
        paddingRight: () => 3,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
    },
  ];
}

export interface RenderedPdf {
  pdf: Buffer;
  /** Set when a signature appearance was drawn: where the signature's widget goes. */
  signatureBox: SignatureBoxPlacement | null;
}

/** Renders the PDF and tells where the signature box is (for the signature's widget). */
export async function renderPdfWithLayout(
  model: ReportDocumentModel,
  opts: { signature?: SignatureAppearance | undefined } = {},
): Promise<RenderedPdf> {
  configure();
  let boxStart: { pageNumber: number; left: number; top: number } | null = null;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    version: '1.7',
    language: 'vi-VN',
    info: {
      title: `${model.title} ${model.summary}`,
      author: model.organisation,
      subject: model.summary,
      creator: 'Hệ thống thông tin báo cáo',
    },
    defaultStyle: { font: FONT, fontSize: SIZE.body },
    // Page numbers centred in the top margin, from page 2 on (ND 30).
    header: (page) =>
      page === 1
        ? null
        : {
            text: String(page),
            fontSize: SIZE.pageNumber,
            alignment: 'center',
            margin: [MARGIN.left, MARGIN.top / 2 - 6, MARGIN.right, 0],
          },
    content: [
      headerBlock(model),
      ...titleBlock(model),
      ...model.body.map(bodyBlock),
      signerBlock(model, opts.signature),
      ...model.tables.flatMap((t) => appendix(model, t)),
    ],
    pageBreakBefore: (node, following) => {
      if (node.id === SIGNER_BLOCK_ID) return node.pageNumbers.length > 1;
      if (node.id === SIGNATURE_BOX_ID) boxStart = node.startPosition;
      // A heading is not left alone at the foot of a page.
      if (node.headlineLevel !== undefined) return following.getFollowingNodesOnPage().length === 0;
      return false;
    },
  };
  const pdf = (await pdfmake.createPdf(definition).getBuffer()) as Buffer;
  let signatureBox: SignatureBoxPlacement | null = null;
  const start = boxStart as { pageNumber: number; left: number; top: number } | null;
  if (start) {
    // startPosition is the first line inside the cell: step back over the padding and the border.
    const x1 = start.left - BOX_PADDING - BOX_LINE;
    const top = start.top - BOX_PADDING - BOX_LINE;
    signatureBox = {
      pageIndex: start.pageNumber - 1,
      rect: [round(x1), round(PAGE.height - top - SIGNATURE_BOX.height), round(x1 + SIGNATURE_BOX.width), round(PAGE.height - top)],
    };
  }
  return { pdf, signatureBox };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The report document as PDF; with `signature`, the signature appearance is drawn in the signer's space. */
export async function renderPdf(model: ReportDocumentModel, opts: { signature?: SignatureAppearance | undefined } = {}): Promise<Buffer> {
  return (await renderPdfWithLayout(model, opts)).pdf;
}
