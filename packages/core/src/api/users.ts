import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { grantSummary } from './auth.ts';
import { optionalText, pageQuery, text, timestamp, uuid } from './common.ts';

export const USER_STATUSES = ['active', 'disabled'] as const;
export const USER_STATUS_LABELS: Record<(typeof USER_STATUSES)[number], string> = {
  active: 'Đang hoạt động',
  disabled: 'Đã khóa',
};

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/u, 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.');

const email = z
  .string()
  .trim()
  .email('Thư điện tử không hợp lệ.')
  .max(200)
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));

export const userSummary = z.object({
  id: uuid,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  position: z.string().nullable(),
  unitId: uuid,
  unitName: z.string(),
  status: z.enum(USER_STATUSES),
  lockedUntil: timestamp.nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: timestamp.nullable(),
  createdAt: timestamp,
  version: z.number().int(),
  grants: z.array(grantSummary),
});
export type UserSummary = z.infer<typeof userSummary>;

export const userListQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  unitId: uuid.optional(),
  includeSubunits: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
  status: z.enum(USER_STATUSES).optional(),
  role: z.enum(ROLES).optional(),
});

export const grantInput = z.object({
  role: z.enum(ROLES),
  unitId: uuid,
  includeSubtree: z.boolean().default(false),
});
export type GrantInput = z.input<typeof grantInput>;

export const createUserBody = z.object({
  username,
  fullName: text(200),
  email,
  phone: optionalText(30),
  position: optionalText(200),
  unitId: uuid,
  /** Initial password; generated when absent. The user must change it at first login. */
  initialPassword: z.string().min(1).max(1000).optional(),
  grants: z.array(grantInput).max(20).default([]),
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const updateUserBody = z.object({
  version: z.number().int(),
  fullName: text(200).optional(),
  email,
  phone: optionalText(30),
  position: optionalText(200),
  unitId: uuid.optional(),
});

export const resetPasswordBody = z.object({ newPassword: z.string().min(1).max(1000).optional() });

/** Returned once, when an administrator creates an account or resets its password. */
export const temporaryPasswordResponse = z.object({ user: userSummary, temporaryPassword: z.string() });

export const versionBody = z.object({ version: z.number().int() });
