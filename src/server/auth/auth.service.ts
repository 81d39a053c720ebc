import { randomBytes } from 'node:crypto';
import type { ChangePasswordInput, LoginInput, Me } from '../../shared/auth';
import { recordAudit } from '../audit/audit.service';
import type { Db, Executor } from '../db/database';
import { AppError, invalidField } from '../errors';
import { findMembershipsOfUser } from '../events/events.service';
import {
  findUserByUsername,
  getUserById,
  PUBLISHED_DEMO_PASSWORD,
  recordSignIn,
  setUserPassword,
  verifyCredentials,
  verifyUserPassword,
} from '../users/users.service';
import { nowIso } from '../util';
import type { Actor } from './actor';
import { deleteExpiredSessions, deleteSession, findLiveSession, insertSession } from './auth.repository';
import { attemptSucceeded, claimAttempt, pruneAttempts, rememberDevice } from './lockout.service';
import { cachedActor, forgetSessions, rememberActor } from './session-cache';
import { hashToken } from './sessions.service';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
export {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
} from './lockout.service';

export interface LoginContext {
  ip: string;
  /** Whether the client is this machine: the published demo password opens a session only from here. */
  isLoopback: boolean;
  userAgent: string | null;
  /** The known-device cookie, if the browser sent one. */
  deviceToken: string | null;
}

export async function login(
  db: Db,
  input: LoginInput,
  context: LoginContext,
): Promise<{ token: string; deviceToken: string; me: Me }> {
  const account = await findUserByUsername(db, input.username);
  const attempt = await claimAttempt(db, {
    username: input.username,
    userId: account?.id ?? null,
    ip: context.ip,
    deviceToken: context.deviceToken,
  });

  const user = await verifyCredentials(db, input.username, input.password);
  if (!user) {
    await pruneAttempts(db);
    throw new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
  if (user.hasPublishedPassword && !context.isLoopback) {
    // The right password, but everyone has it: it is not a guess, so it does not count against the account.
    await attemptSucceeded(db, attempt);
    throw new AppError(
      'DEMO_PASSWORD_REMOTE',
      'Tài khoản này vẫn dùng mật khẩu demo công khai (hoinghi2020), nên không được đăng nhập qua mạng. ' +
        'Hãy đăng nhập ngay trên máy chủ (http://localhost) và đổi mật khẩu trước.',
    );
  }

  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const deviceToken = await db.transaction().execute(async (trx) => {
    await deleteExpiredSessions(trx, now.toISOString());
    await attemptSucceeded(trx, attempt);
    await insertSession(trx, {
      id: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      ip: context.ip,
      user_agent: context.userAgent?.slice(0, 300) ?? null,
    });
    const device = await rememberDevice(trx, user.id, context.deviceToken);
    await recordSignIn(trx, user.id, now.toISOString());
    await recordAudit(
      trx,
      { ...user, memberships: [] },
      { entity: 'session', entityId: user.id, action: 'login' },
    );
    return device;
  });
  return { token, deviceToken, me: await getMe(db, user.id) };
}

export async function logout(db: Db, actor: Actor, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, hashToken(token));
    await recordAudit(trx, actor, { entity: 'session', entityId: actor.id, action: 'logout' });
  });
  forgetSessions();
}

/** The actor behind a session cookie, or null when the session is unknown, expired or the account locked. */
export async function findActorBySessionToken(db: Executor, token: string): Promise<Actor | null> {
  const sessionId = hashToken(token);
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
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
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

/**
 * Changing one's password signs out every other session of that account. Wrong current passwords count in the
 * same lanes as sign-in failures, so a stolen session cannot guess its way to the password.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  token: string,
  input: ChangePasswordInput,
  context: Pick<LoginContext, 'ip' | 'deviceToken'>,
): Promise<void> {
  const attempt = await claimAttempt(db, {
    username: actor.username,
    userId: actor.id,
    ip: context.ip,
    deviceToken: context.deviceToken,
  });
  if (!(await verifyUserPassword(db, actor.id, input.currentPassword))) {
    await pruneAttempts(db);
    throw invalidField('currentPassword', 'Mật khẩu hiện tại không đúng');
  }
  await attemptSucceeded(db, attempt);
  if (input.newPassword === input.currentPassword) {
    throw invalidField('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại');
  }
  if (input.newPassword === PUBLISHED_DEMO_PASSWORD) {
    throw invalidField('newPassword', 'Không dùng mật khẩu demo đã công bố; hãy chọn mật khẩu khác');
  }
  await setUserPassword(db, actor, actor.id, input.newPassword, false, token);
}
