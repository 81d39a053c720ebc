import { createHash } from 'node:crypto';
import type { Executor } from '../db/database';
import { deleteSessionsOfUser } from './auth.repository';
import { forgetSessions } from './session-cache';

/** Cookies carry random tokens; tables keep only their hash, so a leaked backup opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Signs a user out everywhere (but the session whose token is kept). Callers inside a transaction forget the
 * session cache again once it commits, so no request re-caches a session between the delete and the commit.
 */
export async function endSessionsOfUser(db: Executor, userId: string, keepToken?: string): Promise<void> {
  await deleteSessionsOfUser(db, userId, keepToken ? hashToken(keepToken) : undefined);
  forgetSessions();
}
