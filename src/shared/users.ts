import { z } from 'zod';
import { passwordSchema, usernameSchema } from './auth';
import { nameSchema } from './common';
import { MAX_NAME } from './limits';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  isAdmin: z.boolean(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  /** When the account last signed in; null before the first time. */
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  fullName: nameSchema(MAX_NAME),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  fullName: nameSchema(MAX_NAME).optional(),
  isAdmin: z.boolean().optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.strictObject({ password: passwordSchema });

/** A reset by the event's organizer: the temporary password, shown once, to be changed at the next sign-in. */
export const passwordResetResultSchema = z.object({ temporaryPassword: z.string() });
export type PasswordResetResult = z.infer<typeof passwordResetResultSchema>;
