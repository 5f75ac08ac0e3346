import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnit } from '../units/tables.ts';

/** An indicator (chỉ tiêu) of the indicator library (kho chỉ tiêu), GSO list layout (LEGAL.md R21). */
export const indicator = pgTable(
  'indicator',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** Nhóm, lĩnh vực. */
    fieldGroup: text('field_group'),
    /** Đơn vị tính. */
    unitOfMeasure: text('unit_of_measure'),
    definition: text('definition'),
    /** Phương pháp tính. */
    calculationMethod: text('calculation_method'),
    valueType: text('value_type').notNull().default('number'),
    aggregation: text('aggregation').notNull().default('sum'),
    /** For a weighted average: the code of the weighting indicator. */
    weightIndicatorCode: text('weight_indicator_code'),
    /** Phân tổ: codes of the catalogs that break the indicator down (sex, age group…). */
    disaggregations: jsonb('disaggregations').$type<string[]>().notNull().default([]),
    /** Kỳ: periodicities at which the indicator is reported. */
    periodicities: jsonb('periodicities').$type<string[]>().notNull().default([]),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnit.id, { onDelete: 'restrict' }),
    coordinatingUnitIds: jsonb('coordinating_unit_ids').$type<string[]>().notNull().default([]),
    /** Code in the higher-level system, e.g. the QĐ 293/QĐ-TTg code. */
    higherCode: text('higher_code'),
    legalBasis: text('legal_basis'),
    /** For money: 'current' (giá hiện hành) or 'comparable' (giá so sánh, with baseYear). */
    priceBasis: text('price_basis'),
    baseYear: integer('base_year'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('indicator_value_type', sql`${t.valueType} in ('number', 'integer', 'percent', 'text', 'boolean', 'date')`),
    check('indicator_aggregation', sql`${t.aggregation} in ('sum', 'average', 'weighted_average', 'min', 'max', 'count', 'none')`),
    check('indicator_price_basis', sql`${t.priceBasis} is null or ${t.priceBasis} in ('current', 'comparable')`),
    index('indicator_field_idx').on(t.fieldGroup, t.code),
  ],
);

/** An indicator set (bộ chỉ tiêu), e.g. the Government's socio-economic set or a province's own. */
export const indicatorSet = pgTable('indicator_set', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  legalBasis: text('legal_basis'),
  description: text('description'),
  ownerUnitId: uuid('owner_unit_id').references(() => orgUnit.id, { onDelete: 'restrict' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const indicatorSetMember = pgTable(
  'indicator_set_member',
  {
    setId: uuid('set_id')
      .notNull()
      .references(() => indicatorSet.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicator.id, { onDelete: 'restrict' }),
    /** Số thứ tự / mã trong bộ, e.g. "01". */
    position: text('position'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.setId, t.indicatorId] })],
);
