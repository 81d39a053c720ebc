import { createHash, randomBytes } from 'node:crypto';
import type { ChangePasswordInput, LoginInput, Me } from '../../shared/auth';
import { recordAudit } from '../audit/audit.service';
import type { Db, Executor } from '../db/database';
import { AppError } from '../errors';
import { findMembershipsOfUser } from '../events/events.service';
import { getUserById, setUserPassword, verifyCredentials, verifyUserPassword } from '../users/users.service';
import { newId, nowIso } from '../util';
import type { Actor } from './actor';
import {
  countLoginFailures,
  deleteExpiredSessions,
  deleteLoginFailures,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  insertLoginFailure,
  insertSession,
} from './auth.repository';
import { cachedActor, forgetSessions, rememberActor } from './session-cache';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** Failures counted over this window, per account and per client address. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

/** The cookie carries a random token; the table keeps only its hash, so a leaked backup opens no session. */
function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginContext {
  ip: string;
  userAgent: string | null;
}

export async function login(
  db: Db,
  input: LoginInput,
  context: LoginContext,
): Promise<{ token: string; me: Me }> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS).toISOString();
  const [byAccount, byIp] = await Promise.all([
    countLoginFailures(db, since, { username: input.username }),
    countLoginFailures(db, since, { ip: context.ip }),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị hệ thống.',
    );
  }

  const user = await verifyCredentials(db, input.username, input.password);
  if (!user) {
    await insertLoginFailure(db, { id: newId(), username: input.username, ip: context.ip, at: nowIso() });
    await deleteLoginFailures(db, { beforeIso: new Date(Date.now() - 24 * 3600 * 1000).toISOString() });
    throw new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }

  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await deleteExpiredSessions(trx, now.toISOString());
    await deleteLoginFailures(trx, { username: input.username });
    await insertSession(trx, {
      id: sessionIdOf(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      ip: context.ip,
      user_agent: context.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      trx,
      { ...user, memberships: [] },
      { entity: 'session', entityId: user.id, action: 'login' },
    );
  });
  return { token, me: await getMe(db, user.id) };
}

export async function logout(db: Db, actor: Actor, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionIdOf(token));
    await recordAudit(trx, actor, { entity: 'session', entityId: actor.id, action: 'logout' });
  });
  forgetSessions();
}

/** The actor behind a session cookie, or null when the session is unknown, expired or the account locked. */
export async function findActorBySessionToken(db: Executor, token: string): Promise<Actor | null> {
  const sessionId = sessionIdOf(token);
  const cached = cachedActor(sessionId);
  if (cached !== undefined) return cached;
  const actor = await lookUpActor(db, sessionId);
  // Unknown tokens are not remembered: guessing must keep costing a query.
  if (actor) rememberActor(sessionId, actor);
  return actor;
}

async function lookUpActor(db: Executor, sessionId: string): Promise<Actor | null> {
  const session = await findLiveSession(db, sessionId, nowIso());
  if (!session) return null;
  const user = await getUserById(db, session.user_id);
  if (!user.isActive) return null;
  const memberships = await findMembershipsOfUser(db, user.id);
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    isAdmin: user.isAdmin,
    memberships,
  };
}

export async function getMe(db: Executor, userId: string): Promise<Me> {
  const user = await getUserById(db, userId);
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    isAdmin: user.isAdmin,
    mustChangePassword: user.mustChangePassword,
    memberships: await findMembershipsOfUser(db, userId),
  };
}

/** Changing one's password signs out every other session of that account. */
export async function changePassword(
  db: Db,
  actor: Actor,
  token: string,
  input: ChangePasswordInput,
): Promise<void> {
  if (!(await verifyUserPassword(db, actor.id, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng', [
      { field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' },
    ]);
  }
  await setUserPassword(db, actor, actor.id, input.newPassword, false);
  await deleteSessionsOfUser(db, actor.id, sessionIdOf(token));
  forgetSessions();
}
