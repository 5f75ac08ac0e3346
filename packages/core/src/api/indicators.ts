import { z } from 'zod';
import { isoDate, optionalText, pageQuery, text, uuid } from './common.ts';

export const VALUE_TYPES = ['number', 'integer', 'percent', 'text', 'boolean', 'date'] as const;
export const VALUE_TYPE_LABELS: Record<(typeof VALUE_TYPES)[number], string> = {
  number: 'Số',
  integer: 'Số nguyên',
  percent: 'Tỷ lệ (%)',
  text: 'Văn bản',
  boolean: 'Có/Không',
  date: 'Ngày',
};

export const AGGREGATIONS = ['sum', 'average', 'weighted_average', 'min', 'max', 'count', 'none'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  sum: 'Cộng',
  average: 'Bình quân',
  weighted_average: 'Bình quân gia quyền',
  min: 'Nhỏ nhất',
  max: 'Lớn nhất',
  count: 'Đếm',
  none: 'Không tổng hợp',
};

export const PERIODICITIES = ['month', 'quarter', 'half_year', 'nine_months', 'year'] as const;
export const PERIODICITY_LABELS: Record<(typeof PERIODICITIES)[number], string> = {
  month: 'Tháng',
  quarter: 'Quý',
  half_year: '6 tháng',
  nine_months: '9 tháng',
  year: 'Năm',
};

/** Loại số liệu of a value (LEGAL.md R22). */
export const VALUE_KINDS = ['estimate', 'preliminary', 'official'] as const;
export const VALUE_KIND_LABELS: Record<(typeof VALUE_KINDS)[number], string> = {
  estimate: 'Ước tính',
  preliminary: 'Sơ bộ',
  official: 'Chính thức',
};

export const PRICE_BASES = ['current', 'comparable'] as const;
export const PRICE_BASIS_LABELS: Record<(typeof PRICE_BASES)[number], string> = { current: 'Giá hiện hành', comparable: 'Giá so sánh' };

const code = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_.\-/]{1,50}$/u, 'Mã chỉ tiêu chỉ gồm chữ, số và các dấu "_", ".", "-", "/" (tối đa 50 ký tự).');

const indicatorFields = {
  name: text(500),
  fieldGroup: optionalText(200),
  unitOfMeasure: optionalText(50),
  definition: optionalText(5000),
  calculationMethod: optionalText(5000),
  valueType: z.enum(VALUE_TYPES),
  aggregation: z.enum(AGGREGATIONS),
  weightIndicatorCode: optionalText(50),
  disaggregations: z.array(z.string().max(50)).max(10),
  periodicities: z.array(z.enum(PERIODICITIES)).max(5),
  ownerUnitId: uuid.nullable().optional(),
  coordinatingUnitIds: z.array(uuid).max(50),
  higherCode: optionalText(50),
  legalBasis: optionalText(1000),
  priceBasis: z.enum(PRICE_BASES).nullable().optional(),
  baseYear: z.number().int().min(1990).max(2100).nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
};

export const indicator = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  fieldGroup: z.string().nullable(),
  unitOfMeasure: z.string().nullable(),
  definition: z.string().nullable(),
  calculationMethod: z.string().nullable(),
  valueType: z.enum(VALUE_TYPES),
  aggregation: z.enum(AGGREGATIONS),
  weightIndicatorCode: z.string().nullable(),
  disaggregations: z.array(z.string()),
  periodicities: z.array(z.enum(PERIODICITIES)),
  ownerUnitId: uuid.nullable(),
  ownerUnitName: z.string().nullable(),
  coordinatingUnitIds: z.array(uuid),
  higherCode: z.string().nullable(),
  legalBasis: z.string().nullable(),
  priceBasis: z.enum(PRICE_BASES).nullable(),
  baseYear: z.number().int().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** Codes of the indicator sets that contain it. */
  sets: z.array(z.string()),
  canManage: z.boolean(),
});
export type Indicator = z.infer<typeof indicator>;

export const indicatorListQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  setCode: z.string().max(50).optional(),
  fieldGroup: z.string().max(200).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const createIndicatorBody = z.object({
  code,
  ...indicatorFields,
  disaggregations: indicatorFields.disaggregations.default([]),
  periodicities: indicatorFields.periodicities.default([]),
  coordinatingUnitIds: indicatorFields.coordinatingUnitIds.default([]),
  setCodes: z.array(z.string().max(50)).max(20).default([]),
});
export type CreateIndicatorBody = z.input<typeof createIndicatorBody>;

export const updateIndicatorBody = z.object({ version: z.number().int(), active: z.boolean().optional() }).extend(
  Object.fromEntries(Object.entries(indicatorFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof indicatorFields]: z.ZodOptional<(typeof indicatorFields)[K]>;
  },
);

export const indicatorSet = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  legalBasis: z.string().nullable(),
  description: z.string().nullable(),
  indicatorCount: z.number().int(),
  ownerUnitId: uuid.nullable(),
  ownerUnitName: z.string().nullable(),
  /** The actor holds 'reference.manage' on the owner unit (or globally for a set without owner). */
  canManage: z.boolean(),
});
export type IndicatorSet = z.infer<typeof indicatorSet>;

const setCode = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_.\-/]{1,50}$/u, 'Mã bộ chỉ tiêu chỉ gồm chữ, số và các dấu "_", ".", "-", "/" (tối đa 50 ký tự).');

export const createIndicatorSetBody = z.object({
  code: setCode,
  name: text(500),
  legalBasis: optionalText(1000),
  description: optionalText(5000),
  ownerUnitId: uuid.nullable().optional(),
});
export type CreateIndicatorSetBody = z.input<typeof createIndicatorSetBody>;

export const updateIndicatorSetBody = z.object({
  name: text(500).optional(),
  legalBasis: optionalText(1000),
  description: optionalText(5000),
});
export type UpdateIndicatorSetBody = z.input<typeof updateIndicatorSetBody>;

/** The whole ordered membership of a set: it replaces the previous one. */
export const setMembersBody = z.object({
  members: z
    .array(
      z.object({
        indicatorCode: z.string().trim().min(1, 'Không được để trống.').max(50),
        /** Số thứ tự / mã trong bộ, e.g. "01" or "1.2". */
        position: optionalText(50),
      }),
    )
    .max(1000, 'Một bộ chỉ tiêu có tối đa 1000 chỉ tiêu.'),
});
export type SetMembersBody = z.input<typeof setMembersBody>;

export const indicatorSetMember = z.object({
  indicatorId: uuid,
  code: z.string(),
  name: z.string(),
  unitOfMeasure: z.string().nullable(),
  active: z.boolean(),
  position: z.string().nullable(),
});
export type IndicatorSetMember = z.infer<typeof indicatorSetMember>;

export const indicatorSetDetail = indicatorSet.extend({ members: z.array(indicatorSetMember) });
export type IndicatorSetDetail = z.infer<typeof indicatorSetDetail>;

/** Result of an Excel import of indicators: nothing is saved when `errors` is not empty. */
export const indicatorImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
  saved: z.boolean(),
});
