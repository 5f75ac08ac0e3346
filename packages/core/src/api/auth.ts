import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { PERMISSIONS } from '../access/roles.ts';
import { uuid } from './common.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập.').max(100),
  password: z.string().min(1, 'Nhập mật khẩu.').max(1000),
});

export const grantSummary = z.object({
  id: uuid,
  role: z.enum(ROLES),
  unitId: uuid,
  unitName: z.string(),
  includeSubtree: z.boolean(),
});
export type GrantSummary = z.infer<typeof grantSummary>;

export const currentUser = z.object({
  id: uuid,
  username: z.string(),
  fullName: z.string(),
  unitId: uuid,
  unitName: z.string(),
  mustChangePassword: z.boolean(),
  grants: z.array(grantSummary),
  /** Permissions held on at least one unit; the server still checks each request's units. */
  permissions: z.array(z.enum(PERMISSIONS)),
  isSystemAdmin: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const sessionResponse = z.object({ user: currentUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại.').max(1000),
  newPassword: z.string().min(1, 'Nhập mật khẩu mới.').max(1000),
});
