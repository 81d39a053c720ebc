import type { Actor } from '../auth/actor';

/** The public address is printed on every letter and badge: only an administrator sets it. */
export const canManageSettings = (actor: Actor): boolean => actor.isAdmin;
