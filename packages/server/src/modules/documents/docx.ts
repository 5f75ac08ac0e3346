import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
} from 'docx';
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
  SIGNATURE_SPACE,
  SIZE,
  tableWidths,
  TEXT_WIDTH,
} from './layout.ts';
import {
  appendixNote,
  numberLine,
  placeDateLine,
  recipientLines,
  type DocBlock,
  type DocRun,
  type DocTable,
  type ReportDocumentModel,
} from './model.ts';

/**
 * The DOCX of a report document, with `docx`: the same ND 30 layout as the PDF, in Times New Roman
 * (what every office's Word has; LibreOffice shows it in the metric-compatible Liberation Serif), so
 * an office can edit and file it as it does its own documents.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FONT = 'Times New Roman';

/** Points → twentieths of a point (twips), the unit of Word's layout. */
const tw = (pt: number) => Math.round(pt * 20);
/** Points → half-points, the unit of Word's type sizes. */
const hp = (pt: number) => Math.round(pt * 2);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS: ITableBordersOptions = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID: ITableBordersOptions = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function text(value: string, size: number, style: { bold?: boolean; italics?: boolean } = {}) {
  return new TextRun({ text: value, size: hp(size), ...(style.bold ? { bold: true } : {}), ...(style.italics ? { italics: true } : {}) });
}

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function line(value: string, size: number, style: { bold?: boolean; italics?: boolean } = {}, align: Alignment = AlignmentType.CENTER) {
  return new Paragraph({ alignment: align, spacing: { before: 0, after: 0 }, children: [text(value, size, style)] });
}

/** A centred rule `length` points long in a cell `width` points wide: an empty paragraph's bottom border between indents. */
function rule(length: number, width: number, before = 0, after = 0) {
  const side = tw(Math.max(0, (width - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: tw(before), after: tw(after), line: tw(3), lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    run: { size: 2 },
    children: [],
  });
}

function cell(children: (Paragraph | Table)[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) {
  return new TableCell({ width: { size: tw(width), type: WidthType.DXA }, children, ...extra });
}

function headerBlock(model: ReportDocumentModel): Table {
  const lastUnitLine = model.issuer.unit[model.issuer.unit.length - 1] ?? '';
  const left = [
    ...model.issuer.parent.map((t) => line(t, SIZE.issuer)),
    ...model.issuer.unit.map((t) => line(t, SIZE.issuer, { bold: true })),
    rule(ruleLength(lastUnitLine, SIZE.issuer, true, 0.4, HEADER_LEFT_WIDTH), HEADER_LEFT_WIDTH, 2),
  ];
  const right = [
    line(NATIONAL_TITLE, SIZE.nationalTitle, { bold: true }),
    line(MOTTO, SIZE.motto, { bold: true }),
    rule(ruleLength(MOTTO, SIZE.motto, true, 1, HEADER_RIGHT_WIDTH), HEADER_RIGHT_WIDTH, 2),
  ];
  return new Table({
    width: { size: tw(TEXT_WIDTH), type: WidthType.DXA },
    columnWidths: [tw(HEADER_LEFT_WIDTH), tw(HEADER_RIGHT_WIDTH)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(left, HEADER_LEFT_WIDTH), cell(right, HEADER_RIGHT_WIDTH)] }),
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: tw(6) },
                children: [text(numberLine(model), SIZE.number)],
              }),
            ],
            HEADER_LEFT_WIDTH,
          ),
          cell(
            [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: tw(6) },
                children: [text(placeDateLine(model), SIZE.placeDate, { italics: true })],
              }),
            ],
            HEADER_RIGHT_WIDTH,
          ),
        ],
      }),
    ],
  });
}

function titleBlock(model: ReportDocumentModel): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: tw(22), after: 0 },
      children: [text(model.title, SIZE.title, { bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      children: [text(model.summary, SIZE.summary, { bold: true })],
    }),
    rule(ruleLength(model.summary, SIZE.summary, true, 0.4, TEXT_WIDTH), TEXT_WIDTH, 2, 14),
  ];
}

const runsOf = (runs: readonly DocRun[], size: number, base: { bold?: boolean; italics?: boolean } = {}) =>
  runs.map((r) => text(r.text, size, { bold: base.bold || r.bold, italics: base.italics || r.italic }));

const BODY_SPACING = { before: 0, after: tw(PARAGRAPH_AFTER), line: Math.round(240 * LINE_SPACING), lineRule: LineRuleType.AUTO };

function bodyBlock(block: DocBlock): Paragraph {
  const common = { alignment: AlignmentType.JUSTIFIED, spacing: BODY_SPACING };
  switch (block.kind) {
    case 'heading':
      return new Paragraph({
        ...common,
        keepNext: true,
        indent: { firstLine: tw(FIRST_LINE_INDENT) },
        children: runsOf(block.runs, SIZE.body, { bold: true, italics: block.level >= 2 }),
      });
    case 'item':
      return new Paragraph({
        ...common,
        indent: { firstLine: tw(FIRST_LINE_INDENT + block.depth * 14) },
        children: [text(`${block.marker} `, SIZE.body), ...runsOf(block.runs, SIZE.body)],
      });
    default:
      return new Paragraph({ ...common, indent: { firstLine: tw(FIRST_LINE_INDENT) }, children: runsOf(block.runs, SIZE.body) });
  }
}

function signerBlock(model: ReportDocumentModel): Table {
  const [label, ...lines] = ['Nơi nhận:', ...recipientLines(model)];
  const left = [
    line(label!, SIZE.recipientsLabel, { bold: true, italics: true }, AlignmentType.LEFT),
    ...lines.map((t) => line(t, SIZE.recipients, {}, AlignmentType.LEFT)),
  ];
  const right = [
    ...model.signer.authority.map((t) => line(t, SIZE.signer, { bold: true })),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: tw(SIGNATURE_SPACE), after: 0 },
      children: [text(model.signer.name, SIZE.signer, { bold: true })],
    }),
  ];
  return new Table({
    width: { size: tw(TEXT_WIDTH), type: WidthType.DXA },
    columnWidths: [tw(HEADER_LEFT_WIDTH), tw(HEADER_RIGHT_WIDTH)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, HEADER_LEFT_WIDTH), cell(right, HEADER_RIGHT_WIDTH)] })],
  });
}

function dataTable(table: DocTable): Table {
  const { widths, fontSize } = tableWidths(table);
  const width = widths.length;
  const margins = { top: tw(1.5), bottom: tw(1.5), left: tw(3), right: tw(3) };
  const last = table.header.length - 1;
  // Word needs the widths of spanned cells; the grid occupancy tells which column each cell starts at.
  const taken = table.header.map(() => Array.from({ length: width }, () => false));
  const headerRows = table.header.map((cells, r) => {
    let c = 0;
    const out: TableCell[] = [];
    for (const h of cells) {
      while (c < width && taken[r]![c]) c++;
      const span = widths.slice(c, c + h.colSpan).reduce((a, b) => a + b, 0);
      for (let dr = 0; dr < h.rowSpan; dr++) for (let dc = 0; dc < h.colSpan; dc++) if (taken[r + dr]) taken[r + dr]![c + dc] = true;
      out.push(
        cell([line(h.text, fontSize, { bold: r < last, italics: r === last })], span, {
          columnSpan: h.colSpan,
          rowSpan: h.rowSpan,
          verticalAlign: VerticalAlignTable.CENTER,
          margins,
        }),
      );
      c += h.colSpan;
    }
    return new TableRow({ tableHeader: true, cantSplit: true, children: out });
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((value, c) => {
          const align =
            c === 1
              ? AlignmentType.LEFT
              : c === 0 || c === 2 || value === 'x'
                ? AlignmentType.CENTER
                : table.columns[c - 3]!.numeric
                  ? AlignmentType.RIGHT
                  : AlignmentType.LEFT;
          const p = new Paragraph({
            alignment: align,
            spacing: { before: 0, after: 0 },
            ...(c === 1 && row.level > 0 ? { indent: { left: tw(row.level * 6) } } : {}),
            children: [text(value, fontSize, { bold: row.bold })],
          });
          return cell([p], widths[c]!, { margins, verticalAlign: VerticalAlignTable.CENTER });
        }),
      }),
  );
  return new Table({
    width: { size: tw(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(tw),
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [...headerRows, ...rows],
  });
}

function appendix(model: ReportDocumentModel, table: DocTable): (Paragraph | Table)[] {
  return [
    new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.RIGHT, children: [text(table.caption, 12, { bold: true })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: tw(6) },
      children: [text(table.title.toLocaleUpperCase('vi'), SIZE.tableCaption, { bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: tw(10) },
      children: [text(appendixNote(model), SIZE.tableCaption, { italics: true })],
    }),
    dataTable(table),
  ];
}

export async function renderDocx(model: ReportDocumentModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'Hệ thống thông tin báo cáo',
    title: `${model.title} ${model.summary}`,
    description: model.summary,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: hp(SIZE.body), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(PAGE.width), height: tw(PAGE.height), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: tw(MARGIN.top),
              bottom: tw(MARGIN.bottom),
              left: tw(MARGIN.left),
              right: tw(MARGIN.right),
              header: tw(MARGIN.top / 2 - 6),
              footer: tw(MARGIN.bottom / 2),
            },
          },
          // Page numbers from page 2 on: the first page has its own (empty) header.
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: hp(SIZE.pageNumber) })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          headerBlock(model),
          ...titleBlock(model),
          ...model.body.map(bodyBlock),
          signerBlock(model),
          ...model.tables.flatMap((t) => appendix(model, t)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
