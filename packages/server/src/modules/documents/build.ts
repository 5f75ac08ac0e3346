import {
  flattenSections,
  numberSections,
  outlineSectionTitle,
  parseDefinition,
  todayInVietnam,
  type Outline,
  type ReportData,
  type ReportFormRef,
  type ReportState,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { assignmentContext } from '../assignments/index.ts';
import { periodValuesFor, reportForms } from '../reports/index.ts';
import { formTable, tableFigures } from './form-table.ts';
import { caps, type DocBlock, type DocTable, type ReportDocumentModel } from './model.ts';
import { narrativeBlocks, plainTextBlocks } from './narrative.ts';
import * as q from './queries.ts';

/**
 * The document of a report version, from the database: who issues it (the unit and the agency
 * above it), its number and symbol, place and date, title and summary, the narrative in outline
 * order, the table forms with their figures, the recipients and the signer.
 */

export interface BuildOptions {
  /** Who signs; by default the leader who approved the version (name and position from the account). */
  signer?: { name: string; position: string | null } | undefined;
  /**
   * An approval being made now: the document is numbered and dated as approved at this instant
   * even if the approval's event is not written yet (signing at approval time).
   */
  approval?: { at: Date } | undefined;
  /** "Today" for a version not approved yet. */
  now?: Date | undefined;
}

/** People's committees issue as "ỦY BAN NHÂN DÂN / <ĐỊA DANH>" with the symbol UBND. */
const COMMITTEE_KINDS = new Set(['province_committee', 'commune', 'ward', 'special_zone']);
/** States in which the current version stands approved. */
const APPROVED_STATES = new Set<ReportState>(['approved', 'sent', 'accepted', 'correction_requested']);

/** Administrative names are written out in full in a document's header: "UBND" → "Ủy ban nhân dân". */
export function expandAbbreviations(name: string): string {
  return name
    .normalize('NFC')
    .replace(/(^|\s)UBND(?=\s|$)/gu, '$1Ủy ban nhân dân')
    .replace(/(^|\s)HĐND(?=\s|$)/gu, '$1Hội đồng nhân dân');
}

/** The issuing body's lines: a committee as two bold lines, another unit under its parent agency. */
export function issuerLines(unit: Pick<q.UnitRow, 'name' | 'kind'>, parent: Pick<q.UnitRow, 'name'> | undefined) {
  const full = expandAbbreviations(unit.name);
  if (COMMITTEE_KINDS.has(unit.kind)) {
    const m = /^Ủy ban nhân dân\s+(.+)$/iu.exec(full);
    return { parent: [], unit: m ? ['ỦY BAN NHÂN DÂN', caps(m[1]!)] : [caps(full)] };
  }
  return { parent: parent ? [caps(expandAbbreviations(parent.name))] : [], unit: [caps(full)] };
}

/**
 * The unit's part of the symbol (ký hiệu): UBND for a people's committee, otherwise the initials of
 * its short name (or name), words already in capitals kept whole: "Sở Kế hoạch và Đầu tư" → SKHĐT,
 * "Ban Quản lý KKT" → BQLKKT.
 */
export function unitSymbol(unit: Pick<q.UnitRow, 'name' | 'shortName' | 'kind'>): string {
  if (COMMITTEE_KINDS.has(unit.kind)) return 'UBND';
  const words = (unit.shortName ?? unit.name)
    .normalize('NFC')
    .split(/[\s\-–,.()]+/u)
    .filter((w) => w !== '' && w.toLocaleLowerCase('vi') !== 'và');
  const symbol = words.map((w) => (w.length > 1 && w === caps(w) ? w : caps([...w][0]!))).join('');
  return symbol || 'CQ';
}

/** "Thành phố Hải Phòng" / "UBND tỉnh Cao Bằng" → "Hải Phòng" / "Cao Bằng". */
export function placeName(province: Pick<q.UnitRow, 'name' | 'shortName'>): string {
  const bare = (province.shortName ?? province.name)
    .normalize('NFC')
    .replace(/^(UBND|Ủy ban nhân dân)\s+/iu, '')
    .replace(/^(tỉnh|thành phố)\s+/iu, '')
    .trim();
  return bare.charAt(0).toLocaleUpperCase('vi') + bare.slice(1);
}

/**
 * Trích yếu: the regime's subject for the period, e.g. "Báo cáo tình hình kinh tế - xã hội hằng
 * tháng" for "Tháng 1/2026" → "Tình hình kinh tế - xã hội tháng 1/2026".
 */
export function summaryOf(regimeName: string, periodLabel: string): string {
  const subject = regimeName
    .normalize('NFC')
    .trim()
    .replace(/^báo cáo\s+/iu, '')
    .replace(/\s+(hằng|hàng|định kỳ)\s+(tuần|tháng|quý|năm)$/iu, '')
    .replace(/\s+định kỳ$/iu, '');
  const period = periodLabel.normalize('NFC').trim();
  const lowered = /^\p{Lu}\p{Ll}/u.test(period) ? period.charAt(0).toLocaleLowerCase('vi') + period.slice(1) : period;
  return `${subject.charAt(0).toLocaleUpperCase('vi')}${subject.slice(1)} ${lowered}`;
}

/** The authority and position lines over the signature (thể thức ký: TM., KT.). */
export function authorityLines(unitKind: string, position: string | null): string[] {
  const committee = COMMITTEE_KINDS.has(unitKind);
  const pos = caps(position?.trim() || (committee ? 'Chủ tịch' : 'Thủ trưởng cơ quan'));
  const deputy = /^PHÓ\s+(.+)$/u.exec(pos);
  const lines = committee ? ['TM. ỦY BAN NHÂN DÂN'] : [];
  return deputy ? [...lines, `KT. ${deputy[1]!}`, pos] : [...lines, pos];
}

const VN_OFFSET_MS = 7 * 3600 * 1000;
/** [1 January, 1 January next year) of the Vietnamese calendar year of `at`. */
function vietnamYear(at: Date): { from: Date; to: Date } {
  const year = new Date(at.getTime() + VN_OFFSET_MS).getUTCFullYear();
  return { from: new Date(Date.UTC(year, 0, 1) - VN_OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - VN_OFFSET_MS) };
}

/** A quoted figure's text: the table form's cell (input or computed) as the document shows it. */
function figureText(outline: Outline, figures: Map<string, Map<string, string>>) {
  const byKey = new Map(outline.figures.map((f) => [f.key, f]));
  return (key: string): string | null => {
    const f = byKey.get(key);
    return (f && figures.get(f.formCode)?.get(`${f.row}:${f.col}`)) || null;
  };
}

function sectionBlocks(outline: Outline, data: ReportData, versionId: string, figure: (key: string) => string | null): DocBlock[] {
  const numbers = numberSections(outline);
  const written = data.narrative[versionId] ?? {};
  const flat = flattenSections(outline);
  const contentOf = flat.map(({ section }) => {
    const s = written[section.id];
    if (!s) return [];
    const blocks = narrativeBlocks(s.doc, figure);
    return blocks.length > 0 || !s.text.trim() ? blocks : plainTextBlocks(s.text);
  });
  // A heading is printed when its section or a section under it has text.
  const hasText = flat.map((_, i) => {
    for (let j = i; j < flat.length && (j === i || flat[j]!.level > flat[i]!.level); j++) if (contentOf[j]!.length > 0) return true;
    return false;
  });
  return flat.flatMap(({ section, level }, i) =>
    hasText[i]
      ? [
          {
            kind: 'heading' as const,
            level,
            runs: [{ text: outlineSectionTitle(numbers.get(section.id), section.title.normalize('NFC')) }],
          },
          ...contentOf[i]!,
        ]
      : [],
  );
}

export async function buildReportDocument(
  db: Db,
  reportId: string,
  versionNo: number,
  opts: BuildOptions = {},
): Promise<ReportDocumentModel> {
  const row = await q.findReport(db, reportId);
  if (!row) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');
  const version = await q.findVersion(db, reportId, versionNo);
  if (!version) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy phiên bản báo cáo.');
  const a = await assignmentContext(db, row.assignmentId);
  if (!a) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy báo cáo.');
  const chain = await q.unitWithAncestors(db, row.unitId);
  const unit = chain[0];
  if (!unit) throw new AppError('NOT_FOUND', undefined, 'Không tìm thấy đơn vị báo cáo.');
  const province = chain.find((u) => u.kind === 'province_committee') ?? chain[chain.length - 1]!;
  const data = version.data as ReportData;

  // Number and date: those of the approval in force, or blank and today before it.
  const approved = opts.approval !== undefined || versionNo < row.currentVersionNo || APPROVED_STATES.has(row.state as ReportState);
  let event = approved ? await q.lastApproval(db, reportId, versionNo) : undefined;
  // At a re-approval (after a return) the last event is the earlier approval: this one is new.
  if (opts.approval && event && event.at.getTime() < opts.approval.at.getTime()) event = undefined;
  const approvalAt = event?.at ?? opts.approval?.at;
  let numberValue: number | null = null;
  if (approved && approvalAt) {
    const year = vietnamYear(approvalAt);
    const upTo = event ? { at: event.at, id: event.id } : { at: approvalAt, id: null };
    numberValue = (await q.approvalsUpTo(db, { unitId: unit.id, ...year, upTo })) + (event ? 0 : 1);
  }
  const date = todayInVietnam(approved && approvalAt ? approvalAt : (opts.now ?? new Date()));

  let signer = opts.signer;
  if (!signer && event?.actorId) {
    const user = await q.userNameAndPosition(db, event.actorId);
    if (user) signer = { name: user.fullName, position: user.position };
  }

  // Forms: the table forms evaluated (with the other periods' values their formulas read), then the outlines.
  const refs: ReportFormRef[] = await reportForms(db, a.formVersionIds);
  const periodValues = await periodValuesFor(db, {
    unitId: row.unitId,
    regimeId: a.regime.id,
    period: { code: a.period.code, type: a.period.type, windowStart: a.period.windowStart },
    forms: refs,
  });
  const tables: DocTable[] = [];
  const figures = new Map<string, Map<string, string>>();
  for (const ref of refs) {
    if (ref.kind !== 'table') continue;
    const parsed = parseDefinition('table', ref.definition);
    if (!parsed.ok) continue;
    const table = formTable(parsed.definition, data.forms[ref.versionId]?.values ?? {}, periodValues[ref.formId]);
    tables.push(table);
    figures.set(ref.code, tableFigures(parsed.definition, table));
  }
  const summary = summaryOf(a.regime.name, a.period.label);
  const body: DocBlock[] = [];
  for (const ref of refs) {
    if (ref.kind !== 'outline') continue;
    const parsed = parseDefinition('outline', ref.definition);
    if (parsed.ok) body.push(...sectionBlocks(parsed.definition, data, ref.versionId, figureText(parsed.definition, figures)));
  }
  const lowerSummary = summary.charAt(0).toLocaleLowerCase('vi') + summary.slice(1);
  const unitName = expandAbbreviations(unit.name);
  if (body.length === 0) {
    body.push({ kind: 'paragraph', runs: [{ text: `${unitName} báo cáo ${lowerSummary} theo các biểu số liệu kèm theo.` }] });
  } else {
    const detail = tables.length > 0 ? ' (số liệu chi tiết tại các biểu kèm theo)' : '';
    body.push({ kind: 'paragraph', runs: [{ text: `Trên đây là báo cáo ${lowerSummary} của ${unitName}${detail}./.` }] });
  }

  const symbol = unitSymbol(unit);
  return {
    issuer: issuerLines(unit, chain[1]),
    number: { value: numberValue, symbol: `BC-${symbol}` },
    place: placeName(province),
    date,
    title: 'BÁO CÁO',
    summary,
    body,
    tables,
    recipients: [a.receivingUnitName.normalize('NFC')],
    archive: `Lưu: VT, ${symbol}`,
    signer: { authority: authorityLines(unit.kind, signer?.position ?? null), name: signer?.name.normalize('NFC') ?? '' },
    organisation: unitName,
  };
}
