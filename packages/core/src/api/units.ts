import { z } from 'zod';
import { UNIT_KINDS } from '../units/kinds.ts';
import { isoDate, optionalText, text, timestamp, uuid } from './common.ts';

const agencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z]\d{2}(\.[A-Z0-9]{1,4}){0,4}$|^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/u,
    'Mã định danh điện tử không hợp lệ (ví dụ H31.12 hoặc 000.00.00.H31).',
  )
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));

const adminCode = z
  .string()
  .trim()
  .regex(/^(\d{2}|\d{5})$/u, 'Mã đơn vị hành chính gồm 2 chữ số (tỉnh) hoặc 5 chữ số (xã).')
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));

export const unit = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  agencyCode: z.string().nullable(),
  adminCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  depth: z.number().int(),
  version: z.number().int(),
  /** May the caller manage this unit (edit, add subunits, move, deactivate)? */
  canManage: z.boolean(),
});
export type Unit = z.infer<typeof unit>;

export const unitEvent = z.object({
  id: uuid,
  kind: z.enum(['created', 'updated', 'moved', 'deactivated', 'reactivated']),
  at: timestamp,
  actorName: z.string().nullable(),
  fromParentName: z.string().nullable(),
  toParentName: z.string().nullable(),
  note: z.string().nullable(),
});

export const unitDetail = unit.extend({ events: z.array(unitEvent), childCount: z.number().int(), userCount: z.number().int() });
export type UnitDetail = z.infer<typeof unitDetail>;

export const unitListQuery = z.object({
  q: z.string().max(200).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const unitList = z.object({ items: z.array(unit) });

export const createUnitBody = z.object({
  parentId: uuid.nullable(),
  name: text(300),
  shortName: optionalText(100),
  kind: z.enum(UNIT_KINDS),
  agencyCode,
  adminCode,
  validFrom: isoDate.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type CreateUnitBody = z.input<typeof createUnitBody>;

export const updateUnitBody = z.object({
  version: z.number().int(),
  name: text(300).optional(),
  shortName: optionalText(100),
  kind: z.enum(UNIT_KINDS).optional(),
  agencyCode,
  adminCode,
  validFrom: isoDate.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type UpdateUnitBody = z.input<typeof updateUnitBody>;

export const moveUnitBody = z.object({
  version: z.number().int(),
  newParentId: uuid,
  note: optionalText(500),
});

export const deactivateUnitBody = z.object({
  version: z.number().int(),
  validTo: isoDate.optional(),
  note: optionalText(500),
});

export const reactivateUnitBody = z.object({ version: z.number().int() });
