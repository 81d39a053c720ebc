import { hash, verify } from '@node-rs/argon2';
import type { CreateUserInput, UpdateUserInput, User } from '../../shared/users';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { forgetSessions } from '../auth/session-cache';
import type { Db, Executor } from '../db/database';
import type { UsersTable } from '../db/schema';
import { conflict, notFound } from '../errors';
import { newId, nowIso, toBool, toFlag } from '../util';
import {
  countUsers,
  findUserRowById,
  findUserRowByUsername,
  insertUserRow,
  listUserRows,
  updateUserRow,
} from './users.repository';

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
    await recordAudit(trx, actor, { entity: 'user', entityId: id, action: 'update', before, after });
    return after;
  });
  forgetSessions();
  return result;
}

/** Sets a password; `mustChange` asks the user to pick their own at next sign-in (admin resets). */
export async function setUserPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string,
  mustChange: boolean,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await getUserById(trx, id);
    await updateUserRow(trx, id, {
      password_hash: passwordHash,
      must_change_password: toFlag(mustChange),
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, { entity: 'user', entityId: id, action: 'password' });
  });
  forgetSessions();
}

let dummyHash: Promise<string> | undefined;

/** The user whose password matches, or null; active accounts only. Never says which part was wrong. */
export async function verifyCredentials(
  db: Executor,
  username: string,
  password: string,
): Promise<User | null> {
  const row = await findUserRowByUsername(db, username);
  if (!row) {
    // Spend the same time as a real check so response timing does not reveal which usernames exist.
    dummyHash ??= hash('hoinghi-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(row.password_hash, password).catch(() => false);
  return ok && toBool(row.is_active) ? userRowToUser(row) : null;
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
