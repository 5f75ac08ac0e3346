import { z } from 'zod';
import { normalizeText } from '../text/vietnamese.ts';

/** Text a user typed: NFC, trimmed, inner white space collapsed (LEGAL.md R24). */
export const text = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(z.string().min(1, 'Không được để trống.').max(max, `Tối đa ${max} ký tự.`));

export const optionalText = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(z.string().max(max, `Tối đa ${max} ký tự.`))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const uuid = z.uuid('Mã định danh không hợp lệ.');

/** A calendar date, YYYY-MM-DD (shown to users as dd/mm/yyyy). */
export const isoDate = z.iso.date('Ngày không hợp lệ (định dạng YYYY-MM-DD).');

export const timestamp = z.string().describe('ISO 8601 timestamp (UTC)');

export const idParams = z.object({ id: uuid });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const okResponse = z.object({ ok: z.literal(true) });

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
