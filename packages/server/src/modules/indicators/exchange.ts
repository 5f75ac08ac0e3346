import {
  AGGREGATION_LABELS,
  AGGREGATIONS,
  createIndicatorBody,
  type indicatorImportResult,
  PERIODICITIES,
  PERIODICITY_LABELS,
  PRICE_BASES,
  PRICE_BASIS_LABELS,
  VALUE_TYPE_LABELS,
  VALUE_TYPES,
} from '@baocao/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { type AuthedContext, authorize } from '../access/index.ts';
import { recordAudit } from '../audit/service.ts';
import { findCatalogsByCode } from '../catalogs/index.ts';
import {
  COLUMN_HEADER,
  COLUMNS,
  type ColumnKey,
  isoToVietnameseDate,
  readIndicatorSheet,
  SEPARATOR,
  type SheetRow,
  STATUS_ACTIVE,
  STATUS_INACTIVE,
  writeIndicatorSheet,
} from './excel.ts';
import * as q from './queries.ts';
import {
  authorizeManage,
  checkRules,
  type IndicatorValues,
  insertValidated,
  normalizeValues,
  sameValues,
  updateValidated,
  valuesOf,
} from './service.ts';

type ImportResult = z.infer<typeof indicatorImportResult>;
type UnitRef = Awaited<ReturnType<typeof q.allUnitNames>>[number];

const unitLabel = (u: { name: string; agencyCode: string | null }) => (u.agencyCode ? `${u.name} (${u.agencyCode})` : u.name);

/** The .xlsx of the indicators (of one set, or all), in the GSO list layout. */
export async function exportIndicators(db: Db, ctx: AuthedContext, setCode?: string): Promise<{ buffer: Buffer; filename: string }> {
  await authorize(db, ctx.actor, 'unit.read', []);
  let title = 'DANH MỤC CHỈ TIÊU';
  if (setCode) {
    const [set] = await q.setsByCode(db, [setCode]);
    if (!set) throw new AppError('NOT_FOUND', undefined, `Không có bộ chỉ tiêu mã "${setCode}".`);
    title = set.name.toLocaleUpperCase('vi');
  }
  const rows = await q.listIndicatorRows(db, { setCode, includeInactive: true, manageScope: q.noScope, globalManage: false });
  const catalogs = new Map((await findCatalogsByCode(db)).map((c) => [c.code, c.name]));
  const unitIds = [
    ...new Set(rows.flatMap((r) => [...(r.indicator.ownerUnitId ? [r.indicator.ownerUnitId] : []), ...r.indicator.coordinatingUnitIds])),
  ];
  const units = new Map((await q.unitsById(db, unitIds)).map((u) => [u.id, u]));
  const unitText = (id: string) => (units.has(id) ? unitLabel(units.get(id)!) : id);
  const sheetRows = rows.map(({ indicator: i }) => ({
    code: i.code,
    name: i.name,
    fieldGroup: i.fieldGroup,
    unitOfMeasure: i.unitOfMeasure,
    disaggregations: i.disaggregations.map((c) => (catalogs.has(c) ? `${catalogs.get(c)} (${c})` : c)).join(SEPARATOR),
    periodicities: i.periodicities.map((p) => PERIODICITY_LABELS[p as keyof typeof PERIODICITY_LABELS] ?? p).join(SEPARATOR),
    ownerUnit: i.ownerUnitId ? unitText(i.ownerUnitId) : null,
    coordinatingUnits: i.coordinatingUnitIds.map(unitText).join(SEPARATOR),
    higherCode: i.higherCode,
    definition: i.definition,
    calculationMethod: i.calculationMethod,
    valueType: VALUE_TYPE_LABELS[i.valueType as keyof typeof VALUE_TYPE_LABELS] ?? i.valueType,
    aggregation: AGGREGATION_LABELS[i.aggregation as keyof typeof AGGREGATION_LABELS] ?? i.aggregation,
    weightIndicatorCode: i.weightIndicatorCode,
    priceBasis: i.priceBasis ? PRICE_BASIS_LABELS[i.priceBasis as keyof typeof PRICE_BASIS_LABELS] : null,
    baseYear: i.baseYear,
    legalBasis: i.legalBasis,
    validFrom: isoToVietnameseDate(i.validFrom),
    validTo: isoToVietnameseDate(i.validTo),
    status: i.active ? STATUS_ACTIVE : STATUS_INACTIVE,
  }));
  const buffer = await writeIndicatorSheet(title, sheetRows);
  return { buffer, filename: `Danh mục chỉ tiêu${setCode ? ` ${setCode}` : ''}.xlsx` };
}

const lower = (s: string) => s.toLocaleLowerCase('vi');

function labelLookup<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(lower(labels[k]), k);
    map.set(k, k);
  }
  return (text: string) => map.get(lower(text));
}

const valueTypeOf = labelLookup(VALUE_TYPES, VALUE_TYPE_LABELS);
const aggregationOf = labelLookup(AGGREGATIONS, AGGREGATION_LABELS);
const periodicityOf = labelLookup(PERIODICITIES, PERIODICITY_LABELS);
const priceBasisOf = labelLookup(PRICE_BASES, PRICE_BASIS_LABELS);

const listOf = (text: string) =>
  text
    .split(/[;,\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** "Tên (MÃ)" → the code in brackets when it is a known one; otherwise the whole text. */
function bracketed(text: string, known: (code: string) => boolean): string | undefined {
  const m = /\(([^()]+)\)\s*$/u.exec(text);
  return m && known(m[1]!.trim()) ? m[1]!.trim() : undefined;
}

function parseDate(text: string): string | null | undefined {
  if (text === '') return null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(text);
  let iso: string | undefined;
  if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (m) iso = text;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Which column an error of a field belongs to. */
const FIELD_COLUMN: Record<string, ColumnKey> = {
  code: 'code',
  name: 'name',
  fieldGroup: 'fieldGroup',
  unitOfMeasure: 'unitOfMeasure',
  definition: 'definition',
  calculationMethod: 'calculationMethod',
  valueType: 'valueType',
  aggregation: 'aggregation',
  weightIndicatorCode: 'weightIndicatorCode',
  disaggregations: 'disaggregations',
  periodicities: 'periodicities',
  ownerUnitId: 'ownerUnit',
  coordinatingUnitIds: 'coordinatingUnits',
  higherCode: 'higherCode',
  legalBasis: 'legalBasis',
  priceBasis: 'priceBasis',
  baseYear: 'baseYear',
  validFrom: 'validFrom',
  validTo: 'validTo',
};

const columnIndex = (header: string | null) => (header === null ? COLUMNS.length : COLUMNS.findIndex((c) => c.header === header));

interface Planned {
  row: number;
  code: string;
  existing: q.IndicatorRow | undefined;
  values: IndicatorValues;
}

/**
 * Reads an indicator list back (matching by Mã số: creates or updates). Every row is checked; when
 * any row has an error, or on a dry run, nothing is saved. All writes are one transaction.
 */
export async function importIndicators(db: Db, ctx: AuthedContext, buffer: Buffer, opts: { dryRun: boolean }): Promise<ImportResult> {
  await authorize(db, ctx.actor, 'reference.manage', []);
  const rows = await readIndicatorSheet(buffer);
  const errors: ImportResult['errors'] = [];
  const fail = (row: number, column: ColumnKey | null, message: string) =>
    errors.push({ row, column: column ? COLUMN_HEADER[column] : null, message });

  const catalogs = await findCatalogsByCode(db);
  const catalogCodes = new Set(catalogs.map((c) => c.code));
  const units = await q.allUnitNames(db);
  const fileCodes = rows.map((r) => r.cells.code ?? '').filter(Boolean);
  const existingByCode = new Map((await q.indicatorsByCode(db, fileCodes)).map((i) => [i.code, i]));
  const knownCodes = new Set(fileCodes);
  const firstRowOfCode = new Map<string, number>();
  const manageable = new Map<string, boolean>();
  const canManage = async (ownerUnitId: string | null) => {
    const key = ownerUnitId ?? '';
    if (!manageable.has(key)) {
      manageable.set(
        key,
        await authorizeManage(db, ctx.actor, ownerUnitId).then(
          () => true,
          () => false,
        ),
      );
    }
    return manageable.get(key)!;
  };

  const resolveCatalog = (text: string): string | undefined => {
    const code = bracketed(text, (c) => catalogCodes.has(c));
    if (code) return code;
    if (catalogCodes.has(text)) return text;
    const byName = catalogs.filter((c) => lower(c.name) === lower(text));
    return byName.length === 1 ? byName[0]!.code : undefined;
  };
  const resolveUnit = (text: string): { unit?: UnitRef; error?: string } => {
    const code = bracketed(text, (c) => units.some((u) => u.agencyCode === c));
    const candidates = code ? units.filter((u) => u.agencyCode === code) : units.filter((u) => lower(u.name) === lower(text));
    const active = candidates.filter((u) => u.active);
    const pick = candidates.length === 1 ? candidates : active;
    if (pick.length === 1) return { unit: pick[0]! };
    if (candidates.length === 0) return { error: `Không tìm thấy cơ quan "${text}" trong danh sách đơn vị.` };
    return { error: `Có nhiều đơn vị tên "${text}"; hãy ghi kèm mã định danh trong ngoặc, ví dụ "${text} (H31.01)".` };
  };

  const planned: Planned[] = [];
  for (const r of rows) {
    const before = errors.length;
    const plan = await planRow(r);
    if (plan && errors.length === before) planned.push(plan);
  }

  async function planRow(r: SheetRow): Promise<Planned | undefined> {
    const c = r.cells;
    const code = c.code ?? '';
    if (code === '') {
      fail(r.row, 'code', 'Thiếu mã số chỉ tiêu.');
      return undefined;
    }
    const first = firstRowOfCode.get(code);
    if (first !== undefined) {
      fail(r.row, 'code', `Mã số "${code}" trùng với dòng ${first} trong tệp.`);
      return undefined;
    }
    firstRowOfCode.set(code, r.row);
    const existing = existingByCode.get(code);
    const base: IndicatorValues = existing
      ? valuesOf(existing)
      : {
          name: '',
          fieldGroup: null,
          unitOfMeasure: null,
          definition: null,
          calculationMethod: null,
          valueType: 'number',
          aggregation: 'sum',
          weightIndicatorCode: null,
          disaggregations: [],
          periodicities: [],
          ownerUnitId: null,
          coordinatingUnitIds: [],
          higherCode: null,
          legalBasis: null,
          priceBasis: null,
          baseYear: null,
          validFrom: null,
          validTo: null,
          active: true,
        };
    const v: IndicatorValues = { ...base };
    const text = (key: ColumnKey) => c[key];
    const optional = (key: ColumnKey) => (c[key] === '' ? null : c[key]);
    if (text('name') === '') fail(r.row, 'name', 'Tên chỉ tiêu không được để trống.');
    else v.name = text('name')!;
    for (const key of [
      'fieldGroup',
      'unitOfMeasure',
      'definition',
      'calculationMethod',
      'higherCode',
      'legalBasis',
      'weightIndicatorCode',
    ] as const) {
      if (c[key] !== undefined) v[key] = optional(key) ?? null;
    }
    if (c.valueType) {
      const t = valueTypeOf(c.valueType);
      if (t) v.valueType = t;
      else
        fail(
          r.row,
          'valueType',
          `Kiểu giá trị "${c.valueType}" không hợp lệ; dùng một trong: ${Object.values(VALUE_TYPE_LABELS).join(', ')}.`,
        );
    }
    if (c.aggregation) {
      const a = aggregationOf(c.aggregation);
      if (a) v.aggregation = a;
      else
        fail(
          r.row,
          'aggregation',
          `Cách tổng hợp "${c.aggregation}" không hợp lệ; dùng một trong: ${Object.values(AGGREGATION_LABELS).join(', ')}.`,
        );
    }
    if (c.periodicities !== undefined) {
      const parts = listOf(c.periodicities);
      const keys = parts.map(periodicityOf);
      const unknown = parts.filter((_, i) => !keys[i]);
      if (unknown.length)
        fail(r.row, 'periodicities', `Kỳ "${unknown.join('", "')}" không hợp lệ; dùng: ${Object.values(PERIODICITY_LABELS).join(', ')}.`);
      else v.periodicities = keys as IndicatorValues['periodicities'];
    }
    if (c.disaggregations !== undefined) {
      const parts = c.disaggregations
        .split(/[;\n]/u)
        .map((s) => s.trim())
        .filter(Boolean);
      const codes = parts.map(resolveCatalog);
      const unknown = parts.filter((_, i) => !codes[i]);
      if (unknown.length) fail(r.row, 'disaggregations', `Không có danh mục phân tổ "${unknown.join('", "')}".`);
      else v.disaggregations = codes as string[];
    }
    if (c.ownerUnit !== undefined) {
      if (c.ownerUnit === '') v.ownerUnitId = null;
      else {
        const res = resolveUnit(c.ownerUnit);
        if (res.unit) v.ownerUnitId = res.unit.id;
        else fail(r.row, 'ownerUnit', res.error!);
      }
    }
    if (c.coordinatingUnits !== undefined) {
      const ids: string[] = [];
      for (const part of c.coordinatingUnits
        .split(/[;\n]/u)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const res = resolveUnit(part);
        if (res.unit) ids.push(res.unit.id);
        else fail(r.row, 'coordinatingUnits', res.error!);
      }
      v.coordinatingUnitIds = ids;
    }
    if (c.priceBasis !== undefined) {
      if (c.priceBasis === '') v.priceBasis = null;
      else {
        const p = priceBasisOf(c.priceBasis);
        if (p) v.priceBasis = p;
        else fail(r.row, 'priceBasis', `Loại giá "${c.priceBasis}" không hợp lệ; dùng: ${Object.values(PRICE_BASIS_LABELS).join(', ')}.`);
      }
    }
    if (c.baseYear !== undefined) {
      if (c.baseYear === '') v.baseYear = null;
      else if (/^\d{4}$/u.test(c.baseYear)) v.baseYear = Number(c.baseYear);
      else fail(r.row, 'baseYear', `Năm gốc "${c.baseYear}" không hợp lệ (ghi 4 chữ số, ví dụ 2010).`);
    }
    for (const key of ['validFrom', 'validTo'] as const) {
      if (c[key] === undefined) continue;
      const d = parseDate(c[key]);
      if (d === undefined) fail(r.row, key, `Ngày "${c[key]}" không hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 01/07/2025).`);
      else v[key] = d;
    }
    if (c.status) {
      if (lower(c.status) === lower(STATUS_ACTIVE)) v.active = true;
      else if (lower(c.status) === lower(STATUS_INACTIVE)) v.active = false;
      else fail(r.row, 'status', `Trạng thái "${c.status}" không hợp lệ; dùng "${STATUS_ACTIVE}" hoặc "${STATUS_INACTIVE}".`);
    }

    if (errors.some((e) => e.row === r.row)) return undefined;
    // The same limits and formats as the API (code pattern, lengths, base year range…).
    const parsed = createIndicatorBody.safeParse({ code, ...v });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        fail(r.row, FIELD_COLUMN[field] ?? null, issue.message);
      }
      return undefined;
    }
    const values = normalizeValues({ ...v, name: parsed.data.name });
    for (const issue of await checkRules(db, code, values, knownCodes)) fail(r.row, FIELD_COLUMN[issue.path] ?? null, issue.message);
    if (existing && !(await canManage(existing.ownerUnitId))) {
      fail(r.row, 'code', `Bạn không có quyền sửa chỉ tiêu "${code}" (thuộc đơn vị chủ trì ngoài phạm vi quản lý của bạn).`);
    } else if (!(await canManage(values.ownerUnitId))) {
      fail(
        r.row,
        'ownerUnit',
        values.ownerUnitId
          ? 'Cơ quan chủ trì nằm ngoài phạm vi quản lý của bạn.'
          : 'Chỉ quản trị hệ thống được tạo hoặc sửa chỉ tiêu không có cơ quan chủ trì.',
      );
    }
    return { row: r.row, code, existing, values };
  }

  const toCreate = planned.filter((p) => !p.existing);
  const toUpdate = planned.filter((p) => p.existing && !sameValues(valuesOf(p.existing), p.values));
  const result: ImportResult = {
    created: toCreate.length,
    updated: toUpdate.length,
    unchanged: planned.length - toCreate.length - toUpdate.length,
    errors: errors.sort((a, b) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column)),
    saved: false,
  };
  if (errors.length > 0 || opts.dryRun) return result;
  if (toCreate.length === 0 && toUpdate.length === 0) return { ...result, saved: true };

  await db.transaction(async (tx) => {
    for (const p of toCreate) {
      if ((await q.indicatorsByCode(tx, [p.code])).length)
        throw new AppError('CONFLICT', { code: p.code }, `Chỉ tiêu "${p.code}" vừa được người khác tạo. Vui lòng nhập lại tệp.`);
      await insertValidated(tx, p.code, p.values);
    }
    for (const p of toUpdate) {
      const current = await q.lockIndicator(tx, p.existing!.id);
      if (!current || current.version !== p.existing!.version) {
        throw new AppError('CONFLICT', { code: p.code }, `Chỉ tiêu "${p.code}" vừa được người khác sửa. Vui lòng nhập lại tệp.`);
      }
      await updateValidated(tx, current, p.values);
    }
    await recordAudit(tx, ctx, {
      action: 'indicator.imported',
      targetType: 'indicator',
      summary: {
        created: toCreate.map((p) => p.code),
        updated: toUpdate.map((p) => ({ code: p.code, before: valuesOf(p.existing!), after: p.values })),
      },
    });
  });
  return { ...result, saved: true };
}
