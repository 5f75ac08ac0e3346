import {
  buildCellSpace,
  cellKey,
  checkConstraints,
  createEvaluator,
  FormDecimal,
  parseDefinition,
  valueToString,
  type Form,
  type PeriodFunction,
  type PeriodValues,
  type ReportCellValue,
  type ReportData,
  type ReportFormRef,
} from '@baocao/core';
import type { Db } from '../../db/client.ts';
import * as q from './queries.ts';
import { tableDefinition } from './support.ts';

/**
 * Values of other periods for the formulas PREV / SAMEPERIOD_LASTYEAR / YTD, from the unit's own
 * accepted reports of the same regime (the latest accepted version of each):
 * - PREV: the period of the same type with the greatest code before this one;
 * - SAMEPERIOD_LASTYEAR: the same code one year earlier (M2026-12 → M2025-12);
 * - YTD: the sum over this year's periods of the same type before this one (the engine adds the
 *   current period's own value).
 * Forms are matched by form id (each period may have used another version of a form), cells by
 * their row and column codes. Only the cells the current forms' formulas and constraints ask for
 * are looked up; values are exact decimal text.
 */

const FUNCTIONS: readonly PeriodFunction[] = ['PREV', 'SAMEPERIOD_LASTYEAR', 'YTD'];
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

type Requests = Record<PeriodFunction, Set<string>>;

export interface PeriodValuesInput {
  unitId: string;
  regimeId: string;
  period: { code: string; type: string; windowStart: string };
  forms: readonly ReportFormRef[];
}

export async function periodValuesFor(db: Db, input: PeriodValuesInput): Promise<PeriodValues> {
  const requests = new Map<string, Requests>();
  for (const ref of input.forms) {
    const form = tableDefinition(ref);
    if (!form) continue;
    const asked = requestedCells(form);
    if (FUNCTIONS.some((fn) => asked[fn].size > 0)) requests.set(ref.formId, asked);
  }
  if (requests.size === 0) return {};

  const periods = await q.periodsOfType(db, input.regimeId, input.period.type);
  const chosen = choosePeriods(input.period, periods);
  const wanted = [...new Set([chosen.prev, chosen.lastYear, ...chosen.yearToDate].filter((id): id is string => id !== null))];
  const accepted = await q.acceptedVersionsOfUnit(db, input.unitId, wanted);
  const sources = await readSources(db, accepted);

  const out: PeriodValues = {};
  for (const [formId, asked] of requests) {
    const from = (periodId: string | null, keys: Set<string>) =>
      periodId ? (sources.get(periodId)?.valuesOf(formId, keys) ?? new Map()) : new Map();
    const prev = from(chosen.prev, asked.PREV);
    const lastYear = from(chosen.lastYear, asked.SAMEPERIOD_LASTYEAR);
    const ytd = new Map<string, InstanceType<typeof FormDecimal>>();
    for (const periodId of chosen.yearToDate) {
      for (const [key, text] of from(periodId, asked.YTD)) ytd.set(key, (ytd.get(key) ?? new FormDecimal(0)).plus(text));
    }
    out[formId] = {
      PREV: Object.fromEntries(prev),
      SAMEPERIOD_LASTYEAR: Object.fromEntries(lastYear),
      YTD: Object.fromEntries([...ytd].map(([key, sum]) => [key, sum.toFixed()])),
    };
  }
  return out;
}

/**
 * The cells a form reads from other periods: its formulas and constraints evaluated once with a
 * resolver that records what it is asked (a period function inside an untaken IF branch may be
 * missed; it then reads as empty, as it would without data).
 */
export function requestedCells(form: Form): Requests {
  const asked: Requests = { PREV: new Set(), SAMEPERIOD_LASTYEAR: new Set(), YTD: new Set() };
  const resolver = {
    value(fn: PeriodFunction, row: string, col: string) {
      asked[fn].add(cellKey(row, col));
      return null;
    },
  };
  const result = createEvaluator(form, { resolver }).evaluateAll();
  checkConstraints(form, result.values, { resolver });
  return asked;
}

interface PeriodRef {
  id: string;
  code: string;
  windowStart: string;
  windowEnd: string;
}

/** Which periods PREV, SAMEPERIOD_LASTYEAR and YTD read, among the regime's periods of the same type. */
export function choosePeriods(
  current: { code: string; type: string; windowStart: string },
  periods: readonly PeriodRef[],
): { prev: string | null; lastYear: string | null; yearToDate: string[] } {
  const others = periods.filter((p) => p.code !== current.code);
  if (current.type === 'custom') {
    // Custom periods (C1, C2…) have no year: the previous one is the latest window that ended before.
    const before = others.filter((p) => p.windowEnd < current.windowStart).sort((a, b) => (a.windowEnd < b.windowEnd ? 1 : -1));
    return { prev: before[0]?.id ?? null, lastYear: null, yearToDate: [] };
  }
  // Within one type, codes sort chronologically (core's periodCode): "M2026-03" < "M2026-11".
  const before = others.filter((p) => p.code < current.code).sort((a, b) => (a.code < b.code ? 1 : -1));
  const lastYearCode = shiftYear(current.code, -1);
  const year = yearPrefix(current.code);
  return {
    prev: before[0]?.id ?? null,
    lastYear: others.find((p) => p.code === lastYearCode)?.id ?? null,
    yearToDate: year ? before.filter((p) => yearPrefix(p.code) === year).map((p) => p.id) : [],
  };
}

/** A regular period code moved by whole years: M2026-12 → M2025-12, Q2026-4 → Q2025-4, D2026-03-05 → D2025-03-05. */
export function shiftYear(code: string, years: number): string | null {
  const m = /^([A-Z])(\d{4})(.*)$/.exec(code);
  if (!m) return null;
  return `${m[1]}${String(Number(m[2]) + years).padStart(4, '0')}${m[3]}`;
}

/** "M2026" of "M2026-12": the type letter and the year. */
function yearPrefix(code: string): string | null {
  return /^[A-Z]\d{4}/.exec(code)?.[0] ?? null;
}

// ---- reading the accepted versions ---------------------------------------------------------------

interface Source {
  /** The decimal values of `keys` in this report's version of form `formId`. */
  valuesOf(formId: string, keys: Set<string>): Map<string, string>;
}

async function readSources(db: Db, accepted: { periodId: string; data: unknown }[]): Promise<Map<string, Source>> {
  const versionIds = new Set<string>();
  for (const a of accepted) for (const id of Object.keys((a.data as ReportData).forms ?? {})) versionIds.add(id);
  const definitions = new Map((await q.formDefinitions(db, [...versionIds])).map((d) => [d.versionId, d]));
  const out = new Map<string, Source>();
  for (const a of accepted) {
    const forms = (a.data as ReportData).forms ?? {};
    out.set(a.periodId, {
      valuesOf(formId, keys) {
        for (const [versionId, formData] of Object.entries(forms)) {
          const d = definitions.get(versionId);
          if (!d || d.formId !== formId || d.kind !== 'table') continue;
          const parsed = parseDefinition('table', d.definition);
          return parsed.ok ? cellValues(parsed.definition, formData.values ?? {}, keys) : new Map();
        }
        return new Map();
      },
    });
  }
  return out;
}

/**
 * The decimal values of `keys` in a filled form: input cells as stored; computed cells evaluated
 * (only when asked for), with their own period functions failing, so a figure that depended on yet
 * another period is left out rather than given wrong.
 */
function cellValues(form: Form, stored: Record<string, ReportCellValue>, keys: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const space = buildCellSpace(form);
  const nc = space.columns.length;
  const computed: string[] = [];
  for (const key of keys) {
    const at = key.indexOf(':');
    const r = space.rowIndex.get(key.slice(0, at));
    const c = space.colIndex.get(key.slice(at + 1));
    if (r === undefined || c === undefined || !space.valued[r * nc + c]) continue;
    if (space.formulas[r * nc + c]) {
      computed.push(key);
      continue;
    }
    const v = stored[key];
    if (typeof v === 'string' && DECIMAL_TEXT.test(v)) out.set(key, v);
  }
  if (computed.length > 0) {
    const failing = {
      value(): never {
        throw new Error('giá trị kỳ khác không dùng được ở đây');
      },
    };
    const inputs = Object.entries(stored).map(
      ([key, v]) => [key, typeof v === 'string' && DECIMAL_TEXT.test(v) ? new FormDecimal(v) : v] as const,
    );
    const result = createEvaluator(form, { resolver: failing }).evaluateAll(inputs);
    for (const key of computed) {
      const value = result.values.get(key);
      if (value === undefined || value === null) continue;
      const text = valueToString(value);
      if (DECIMAL_TEXT.test(text)) out.set(key, text);
    }
  }
  return out;
}
