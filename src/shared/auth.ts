import { z } from 'zod';
import { MAX_PASSWORD, MAX_USERNAME, MIN_PASSWORD } from './limits';

import { EVENT_ROLES } from './vocabulary';

export { EVENT_ROLES, type EventRole } from './vocabulary';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(MAX_USERNAME)
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới');

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự`)
  .max(MAX_PASSWORD);

export const loginSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(MAX_USERNAME),
  password: z.string().min(1).max(MAX_PASSWORD),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(MAX_PASSWORD),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const membershipSchema = z.object({
  eventId: z.string(),
  role: z.enum(EVENT_ROLES),
  unitId: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

/** The signed-in user as the web sees it. */
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  isAdmin: z.boolean(),
  mustChangePassword: z.boolean(),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;
