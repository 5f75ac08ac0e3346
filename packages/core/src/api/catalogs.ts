import { z } from 'zod';
import { isoDate, optionalText, pageQuery, text, timestamp, uuid } from './common.ts';

export const CATALOG_SCOPES = ['shared', 'sector'] as const;
export const CATALOG_SCOPE_LABELS: Record<(typeof CATALOG_SCOPES)[number], string> = { shared: 'Dùng chung', sector: 'Chuyên ngành' };

const code = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_.\-/]{1,50}$/u, 'Mã chỉ gồm chữ, số và các dấu "_", ".", "-", "/" (tối đa 50 ký tự).');

export const catalogSummary = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  scope: z.enum(CATALOG_SCOPES),
  fieldGroup: z.string().nullable(),
  ownerUnitId: uuid.nullable(),
  ownerUnitName: z.string().nullable(),
  version: z.number().int(),
  active: z.boolean(),
  itemCount: z.number().int(),
  canManage: z.boolean(),
});
export type CatalogSummary = z.infer<typeof catalogSummary>;

export const catalogItem = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  parentId: uuid.nullable(),
  sortOrder: z.number().int(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type CatalogItem = z.infer<typeof catalogItem>;

export const catalogEvent = z.object({
  id: uuid,
  itemId: uuid.nullable(),
  catalogVersion: z.number().int(),
  kind: z.enum(['created', 'updated', 'item_added', 'item_updated', 'item_deactivated', 'item_reactivated', 'imported']),
  at: timestamp,
  actorName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const catalogDetail = catalogSummary.extend({ items: z.array(catalogItem), events: z.array(catalogEvent) });
export type CatalogDetail = z.infer<typeof catalogDetail>;

export const catalogListQuery = pageQuery.extend({ q: z.string().max(200).optional(), scope: z.enum(CATALOG_SCOPES).optional() });

export const createCatalogBody = z.object({
  code,
  name: text(300),
  description: optionalText(2000),
  scope: z.enum(CATALOG_SCOPES).default('shared'),
  fieldGroup: optionalText(200),
  ownerUnitId: uuid.nullable().optional(),
  items: z
    .array(z.object({ code, name: text(300), parentCode: code.optional(), validFrom: isoDate.optional(), validTo: isoDate.optional() }))
    .max(5000)
    .default([]),
});

export const updateCatalogBody = z.object({
  version: z.number().int(),
  name: text(300).optional(),
  description: optionalText(2000),
  fieldGroup: optionalText(200),
});

export const catalogItemBody = z.object({
  /** The catalog's version the editor saw: edits on a stale catalog are refused. */
  catalogVersion: z.number().int(),
  code,
  name: text(300),
  parentId: uuid.nullable().optional(),
  sortOrder: z.number().int().min(0).optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  active: z.boolean().optional(),
});
