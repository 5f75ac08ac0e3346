import {
  ANALYTICS_LIMITS,
  explorationQuery,
  parsePeriodCode,
  periodCode,
  periodLabel,
  PIVOT_DIMENSION_LABELS,
  PIVOT_DIMENSIONS,
  previousPeriod,
  type ExplorationQuery,
  type ExplorationQueryInput,
  type PeriodKey,
  type PeriodType,
  type PivotDimension,
  type UnitKind,
} from '@baocao/core';

/**
 * The exploration page's state as pure data: the query panel, the layout of the dimensions on rows
 * and columns, the periods offered by default, and the query sent to the server.
 */

// ---------- Layout (Hàng / Cột / Không dùng) ----------

export type Zone = 'rows' | 'columns' | 'unused';
export const ZONE_LABELS: Record<Zone, string> = { rows: 'Hàng', columns: 'Cột', unused: 'Không dùng' };
export const MOVE_LABELS: Record<Zone, string> = { rows: 'Chuyển vào hàng', columns: 'Chuyển vào cột', unused: 'Bỏ ra' };

export interface Layout {
  rows: PivotDimension[];
  columns: PivotDimension[];
}

export const DEFAULT_LAYOUT: Layout = { rows: ['unit'], columns: ['period'] };

const ZONE_LIMITS: Record<Zone, number> = {
  rows: ANALYTICS_LIMITS.rowDimensions,
  columns: ANALYTICS_LIMITS.columnDimensions,
  unused: PIVOT_DIMENSIONS.length,
};

export function zoneDimensions(layout: Layout, zone: Zone): PivotDimension[] {
  if (zone === 'unused') return PIVOT_DIMENSIONS.filter((d) => !layout.rows.includes(d) && !layout.columns.includes(d));
  return layout[zone];
}

export function zoneOf(layout: Layout, dimension: PivotDimension): Zone {
  return layout.rows.includes(dimension) ? 'rows' : layout.columns.includes(dimension) ? 'columns' : 'unused';
}

export type MoveResult = { ok: true; layout: Layout } | { ok: false; message: string };

/**
 * Puts a dimension into a zone at a position (default: last), taking it out of where it was. A zone
 * already full refuses, with the reason in Vietnamese.
 */
export function moveDimension(layout: Layout, dimension: PivotDimension, zone: Zone, index?: number): MoveResult {
  const from = zoneOf(layout, dimension);
  const rows = layout.rows.filter((d) => d !== dimension);
  const columns = layout.columns.filter((d) => d !== dimension);
  if (zone === 'unused') return { ok: true, layout: { rows, columns } };
  const target = zone === 'rows' ? rows : columns;
  if (from !== zone && target.length >= ZONE_LIMITS[zone]) {
    return { ok: false, message: `${ZONE_LABELS[zone]} có tối đa ${ZONE_LIMITS[zone]} chiều: hãy bỏ bớt một chiều trước.` };
  }
  const at = Math.max(0, Math.min(index ?? target.length, target.length));
  target.splice(at, 0, dimension);
  return { ok: true, layout: { rows, columns } };
}

/** Moves a dimension one place earlier (-1) or later (+1) within its zone; the layout as it was at an end. */
export function shiftDimension(layout: Layout, dimension: PivotDimension, delta: -1 | 1): Layout {
  const zone = zoneOf(layout, dimension);
  if (zone === 'unused') return layout;
  const list = layout[zone];
  const at = list.indexOf(dimension);
  const to = at + delta;
  if (to < 0 || to >= list.length) return layout;
  const next = [...list];
  next.splice(at, 1);
  next.splice(to, 0, dimension);
  return { ...layout, [zone]: next };
}

/** The accessible name of a chip: "Đơn vị, trong Hàng, vị trí 1". */
export function chipLabel(layout: Layout, dimension: PivotDimension): string {
  const zone = zoneOf(layout, dimension);
  const label = PIVOT_DIMENSION_LABELS[dimension];
  if (zone === 'unused') return `${label}, không dùng`;
  return `${label}, trong ${ZONE_LABELS[zone]}, vị trí ${layout[zone].indexOf(dimension) + 1}`;
}

// ---------- Periods ----------

/** Period types the panel offers (a custom period has no code to count back from). */
export const PICKABLE_PERIOD_TYPES = ['month', 'quarter', 'half_year', 'nine_months', 'year'] as const satisfies readonly PeriodType[];
export type PickablePeriodType = (typeof PICKABLE_PERIOD_TYPES)[number];

export function isPickable(type: PeriodType): type is PickablePeriodType {
  return (PICKABLE_PERIOD_TYPES as readonly PeriodType[]).includes(type);
}

/** The period of a type containing a calendar day (the calendar's own months, not the cut-off windows). */
export function periodOfDay(type: PickablePeriodType, isoDate: string): PeriodKey {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  switch (type) {
    case 'month':
      return { type, year, index: month };
    case 'quarter':
      return { type, year, index: Math.ceil(month / 3) };
    case 'half_year':
      return { type, year, index: month <= 6 ? 1 : 2 };
    case 'nine_months':
    case 'year':
      return { type, year, index: 1 };
  }
}

/** `count` periods ending with `last` (oldest first). */
export function periodsEndingWith(last: PeriodKey, count: number): PeriodKey[] {
  const out = [last];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

/**
 * The range offered by default: the last `count` periods up to the latest one with facts, or up to
 * the current period when there is none yet.
 */
export function defaultPeriodRange(
  type: PickablePeriodType,
  latest: string | undefined,
  today: string,
  count = 12,
): { from: string; to: string } {
  const parsed = latest ? parsePeriodCode(latest) : null;
  const last = parsed && parsed.type === type ? parsed : periodOfDay(type, today);
  const span = type === 'year' || type === 'nine_months' ? Math.min(count, 5) : count;
  const list = periodsEndingWith(last, span);
  return { from: periodCode(list[0]!), to: periodCode(last) };
}

/** "Tháng 10/2026" for "M2026-10"; the code itself when it is not a period code. */
export function periodCodeLabel(code: string): string {
  const key = parsePeriodCode(code);
  return key ? periodLabel(key) : code;
}

/** How many periods a range holds (0 when `from` is after `to` or a code is not of the type). */
export function periodCount(type: PeriodType, from: string, to: string): number {
  const a = parsePeriodCode(from);
  const b = parsePeriodCode(to);
  if (!a || !b || a.type !== type || b.type !== type) return 0;
  let n = 1;
  for (let k = b; periodCode(k) !== periodCode(a); k = previousPeriod(k)) {
    if (k.year < a.year || n > ANALYTICS_LIMITS.periods * 2) return 0;
    n++;
  }
  return n;
}

// ---------- The panel and the query ----------

export type UnitMode = 'level' | 'explicit';

export interface PanelState {
  indicatorCodes: string[];
  measures: string[];
  unitMode: UnitMode;
  rootUnitId: string | undefined;
  kinds: UnitKind[];
  unitIds: string[];
  periodType: PeriodType;
  from: string | undefined;
  to: string | undefined;
  samePeriodLastYear: boolean;
  /** Follow the newest figures (the server moves the range to end at the latest period). */
  rolling: boolean;
  regimeId: string | undefined;
}

export const EMPTY_PANEL: PanelState = {
  indicatorCodes: [],
  measures: [],
  unitMode: 'level',
  rootUnitId: undefined,
  kinds: [],
  unitIds: [],
  periodType: 'month',
  from: undefined,
  to: undefined,
  samePeriodLastYear: false,
  rolling: false,
  regimeId: undefined,
};

/** The query the panel and the layout describe. */
export function buildQuery(panel: PanelState, layout: Layout): ExplorationQueryInput {
  return {
    indicatorCodes: panel.indicatorCodes,
    measures: panel.measures,
    units:
      panel.unitMode === 'explicit'
        ? { mode: 'explicit', unitIds: panel.unitIds }
        : { mode: 'level', ...(panel.rootUnitId ? { rootUnitId: panel.rootUnitId } : {}), kinds: panel.kinds },
    periods: {
      periodType: panel.periodType,
      from: panel.from ?? '',
      to: panel.to ?? '',
      samePeriodLastYear: panel.samePeriodLastYear,
      rolling: panel.rolling,
    },
    ...(panel.regimeId ? { regimeId: panel.regimeId } : {}),
    rows: layout.rows,
    columns: layout.columns,
  };
}

/** The panel and layout of a saved query (a saved view opened). */
export function panelOfQuery(query: ExplorationQuery): { panel: PanelState; layout: Layout } {
  const units = query.units;
  return {
    panel: {
      indicatorCodes: [...query.indicatorCodes],
      measures: [...query.measures],
      unitMode: units.mode,
      rootUnitId: units.mode === 'level' ? units.rootUnitId : undefined,
      kinds: units.mode === 'level' ? [...units.kinds] : [],
      unitIds: units.mode === 'explicit' ? [...units.unitIds] : [],
      periodType: query.periods.periodType,
      from: query.periods.from,
      to: query.periods.to,
      samePeriodLastYear: query.periods.samePeriodLastYear,
      rolling: query.periods.rolling,
      regimeId: query.regimeId,
    },
    layout: { rows: [...query.rows], columns: [...query.columns] },
  };
}

/**
 * Why the query cannot be sent yet, in Vietnamese, or null. The server checks all of it again; this
 * only spares a round trip for what the panel can see (the schema's messages, the period range, several
 * indicators added together).
 */
export function queryProblem(query: ExplorationQueryInput): string | null {
  const parsed = explorationQuery.safeParse(query);
  if (query.indicatorCodes.length === 0) return 'Hãy chọn ít nhất một chỉ tiêu.';
  if (query.units.mode === 'explicit' && query.units.unitIds.length === 0) return 'Hãy chọn ít nhất một đơn vị.';
  if (!query.periods.from || !query.periods.to) return 'Hãy chọn kỳ báo cáo từ và đến.';
  const count = periodCount(query.periods.periodType, query.periods.from, query.periods.to);
  if (count === 0) return 'Kỳ “từ” phải trước hoặc trùng kỳ “đến”.';
  if (count > ANALYTICS_LIMITS.periods) return `Chọn tối đa ${ANALYTICS_LIMITS.periods} kỳ báo cáo.`;
  const placed = [...(query.rows ?? []), ...(query.columns ?? [])];
  if (query.indicatorCodes.length > 1 && !placed.includes('indicator')) {
    return 'Đã chọn nhiều chỉ tiêu: hãy đưa “Chỉ tiêu” vào Hàng hoặc Cột (số liệu của các chỉ tiêu khác nhau không cộng gộp được).';
  }
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Lựa chọn chưa hợp lệ.';
  return null;
}

/** The layout after the indicators changed: several indicators need "Chỉ tiêu" on an axis, so it goes first on the rows. */
export function layoutForIndicators(layout: Layout, indicatorCount: number): Layout {
  if (indicatorCount <= 1 || zoneOf(layout, 'indicator') !== 'unused') return layout;
  const moved = moveDimension(layout, 'indicator', 'rows', 0);
  if (moved.ok) return moved.layout;
  const intoColumns = moveDimension(layout, 'indicator', 'columns', 0);
  return intoColumns.ok ? intoColumns.layout : layout;
}
