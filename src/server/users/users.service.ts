import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { CreateUserInput, UpdateUserInput, User } from '../../shared/users';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { clearAttempts } from '../auth/lockout.service';
import { forgetSessions } from '../auth/session-cache';
import { endSessionsOfUser } from '../auth/sessions.service';
import type { Db, Executor } from '../db/database';
import type { UsersTable } from '../db/schema';
import { conflict, forbidden, notFound } from '../errors';
import { newId, nowIso, toBool, toFlag } from '../util';
import {
  countUsers,
  countUsersWithPublishedPassword,
  findUserRowById,
  findUserRowByUsername,
  insertUserRow,
  listUserRows,
  updateUserRow,
} from './users.repository';

/**
 * The demo accounts' password, printed in the README: an account holding it is flagged when the password is set,
 * so each sign-in can refuse it from the network without a second argon2 verify.
 */
export const PUBLISHED_DEMO_PASSWORD = 'hoinghi2020';

/** Argon2id with the library's defaults (19 MiB, t=2), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function userRowToUser(row: UsersTable): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    isAdmin: toBool(row.is_admin),
    isActive: toBool(row.is_active),
    mustChangePassword: toBool(row.must_change_password),
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at ?? null,
  };
}

export async function getUserById(db: Executor, id: string): Promise<User> {
  const row = await findUserRowById(db, id);
  if (!row) throw notFound('người dùng');
  return userRowToUser(row);
}

export async function findUsers(db: Executor): Promise<User[]> {
  return (await listUserRows(db)).map(userRowToUser);
}

export async function createUser(
  db: Db,
  actor: Actor | null,
  input: CreateUserInput & { mustChangePassword?: boolean; passwordHash?: string },
): Promise<User> {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return db.transaction().execute(async (trx) => {
    if (await findUserRowByUsername(trx, input.username)) {
      throw conflict(`Tên đăng nhập "${input.username}" đã có người dùng`, [
        { field: 'username', message: 'Tên đăng nhập đã tồn tại' },
      ]);
    }
    const now = nowIso();
    const row: UsersTable = {
      id: newId(),
      username: input.username,
      full_name: input.fullName,
      password_hash: passwordHash,
      is_admin: toFlag(input.isAdmin),
      is_active: 1,
      must_change_password: toFlag(input.mustChangePassword ?? false),
      has_published_password: toFlag(input.password === PUBLISHED_DEMO_PASSWORD),
      created_at: now,
      updated_at: now,
    };
    await insertUserRow(trx, row);
    const user = userRowToUser(row);
    await recordAudit(trx, actor, { entity: 'user', entityId: user.id, action: 'create', after: user });
    return user;
  });
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
  const result = await db.transaction().execute(async (trx) => {
    const before = await getUserById(trx, id);
    if (id === actor.id && (input.isAdmin === false || input.isActive === false)) {
      throw conflict('Không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình');
    }
    await updateUserRow(trx, id, {
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(input.isAdmin !== undefined ? { is_admin: toFlag(input.isAdmin) } : {}),
      ...(input.isActive !== undefined ? { is_active: toFlag(input.isActive) } : {}),
      updated_at: nowIso(),
    });
    const after = await getUserById(trx, id);
    // A locked account or a changed role starts from a fresh sign-in; reactivating revives no old session.
    if ((before.isActive && !after.isActive) || after.isAdmin !== before.isAdmin)
      await endSessionsOfUser(trx, id);
    await recordAudit(trx, actor, { entity: 'user', entityId: id, action: 'update', before, after });
    return after;
  });
  forgetSessions();
  return result;
}

/**
 * Sets a password and ends the account's sessions, all of them (an admin reset: whoever held the old password is
 * out) or all but `keepSessionToken` (one's own change). `mustChange` asks the user to pick their own at next
 * sign-in.
 */
export async function setUserPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string,
  mustChange: boolean,
  keepSessionToken?: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await getUserById(trx, id);
    await updateUserRow(trx, id, {
      password_hash: passwordHash,
      must_change_password: toFlag(mustChange),
      has_published_password: toFlag(password === PUBLISHED_DEMO_PASSWORD),
      updated_at: nowIso(),
    });
    await endSessionsOfUser(trx, id, keepSessionToken);
    await recordAudit(trx, actor, { entity: 'user', entityId: id, action: 'password' });
  });
  forgetSessions();
}

/** An administrator lifts a sign-in lock-out at once (the reception desk on the day cannot wait an hour). */
export async function unlockSignIn(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await getUserById(trx, id);
    await clearAttempts(trx, user.username);
    await recordAudit(trx, actor, { entity: 'user', entityId: id, action: 'unlock' });
  });
}

/** Accounts whose password is still the published demo one (start-up warns when those are reachable). */
export function countAccountsWithPublishedPassword(db: Executor): Promise<number> {
  return countUsersWithPublishedPassword(db);
}

let dummyHash: Promise<string> | undefined;

/** The user whose password matches, or null; active accounts only. Never says which part was wrong. */
export async function verifyCredentials(
  db: Executor,
  username: string,
  password: string,
): Promise<(User & { hasPublishedPassword: boolean }) | null> {
  const row = await findUserRowByUsername(db, username);
  if (!row) {
    // Spend the same time as a real check so response timing does not reveal which usernames exist.
    dummyHash ??= hash('hoinghi-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(row.password_hash, password).catch(() => false);
  return ok && toBool(row.is_active)
    ? { ...userRowToUser(row), hasPublishedPassword: toBool(row.has_published_password) }
    : null;
}

export async function verifyUserPassword(db: Executor, id: string, password: string): Promise<boolean> {
  const row = await findUserRowById(db, id);
  return !!row && (await verify(row.password_hash, password).catch(() => false));
}

export async function findUserByUsername(db: Executor, username: string): Promise<User | null> {
  const row = await findUserRowByUsername(db, username);
  return row ? userRowToUser(row) : null;
}

export function hasAnyUser(db: Executor): Promise<boolean> {
  return countUsers(db).then((n) => n > 0);
}

/** The sign-in time kept on the account (the organizer sees who has signed in before the day). */
export async function recordSignIn(db: Executor, userId: string, at: string): Promise<void> {
  await updateUserRow(db, userId, { last_login_at: at });
}

// No 0/O, 1/l/I: a temporary password is read aloud or copied from a screen.
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Twelve characters from 56: about 70 bits, and never a published password. */
export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 12; i++) out += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
  return out;
}

/**
 * An organizer resets the password of someone in their event who forgot it: a temporary password, shown once,
 * that must be changed at the next sign-in (PASSWORD_CHANGE_REQUIRED); every session of the account ends. Only
 * people whose every role is in events this organizer runs: a reset never opens another organizer's event, and
 * never an administrator's account or the organizer's own (they change it themselves).
 */
export async function resetPasswordByOrganizer(
  db: Db,
  actor: Actor,
  eventId: string,
  userId: string,
  memberships: { eventId: string }[],
): Promise<{ temporaryPassword: string }> {
  const target = await getUserById(db, userId);
  const organized = new Set(actor.memberships.filter((m) => m.role === 'organizer').map((m) => m.eventId));
  if (!memberships.some((m) => m.eventId === eventId)) throw notFound('người dùng trong hội nghị này');
  const outside = !memberships.every((m) => organized.has(m.eventId));
  if (target.id === actor.id || (!actor.isAdmin && (target.isAdmin || outside))) {
    throw forbidden(
      target.id === actor.id
        ? 'Hãy tự đổi mật khẩu của mình ở trang Tài khoản'
        : 'Người này còn làm việc ở hội nghị khác hoặc là quản trị hệ thống: chỉ quản trị hệ thống đặt lại được mật khẩu',
    );
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await updateUserRow(trx, userId, {
      password_hash: passwordHash,
      must_change_password: 1,
      has_published_password: 0,
      updated_at: nowIso(),
    });
    await endSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'user',
      entityId: userId,
      action: 'password_reset',
      after: { username: target.username, mustChangePassword: true },
    });
  });
  forgetSessions();
  return { temporaryPassword: password };
}
