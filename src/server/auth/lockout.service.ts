import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../db/database';
import type { LoginFailuresTable } from '../db/schema';
import { AppError } from '../errors';
import { newId, nowIso } from '../util';
import {
  type Bucket,
  deleteAttempt,
  deleteAttempts,
  insertAttempt,
  isKnownDevice,
  isMintedDevice,
  markAttemptRefused,
  summariseAttempts,
  upsertKnownDevice,
} from './lockout.repository';
import { hashToken } from './sessions.service';

/** Attempts count for an hour; a success clears its own lane (account + address, or account + known device). */
export const LOGIN_WINDOW_MS = 60 * 60 * 1000;
/** Free tries per account from one address or one known device; past them each try waits twice as long. */
export const FREE_ATTEMPTS = 5;
export const FIRST_DELAY_MS = 30 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** Across every address (known devices aside): looser, so an attacker alone cannot lock the owner out for long. */
export const MAX_FAILURES_PER_ACCOUNT = 20;
/** Across every account from one address (known devices aside): stops spraying one password over many accounts. */
export const MAX_FAILURES_PER_IP = 30;

export interface AttemptSource {
  username: string;
  /** The account behind the username, when there is one: only then can the device be known. */
  userId: string | null;
  ip: string;
  /** The known-device cookie the browser sent, if any. */
  deviceToken: string | null;
}

export type Attempt = LoginFailuresTable;

/** Wait after `prior` earlier attempts in one lane: none for the free ones, then 30 s, 1 min, 2 min… up to 15 min. */
export function delayAfter(prior: number): number {
  if (prior < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (prior - FREE_ATTEMPTS), MAX_DELAY_MS);
}

/**
 * Records the attempt BEFORE the password is checked, then reads the limits: parallel guesses each see the
 * others' rows, so no more than the free tries ever reach the (slow) password check at once. A refused attempt
 * stays in its own lane (hammering a lock keeps it shut) but is left out of the account-wide and address-wide
 * counts; a checked one stays until it proves right.
 */
export async function claimAttempt(db: Db, source: AttemptSource): Promise<Attempt> {
  const deviceHash = source.deviceToken ? hashToken(source.deviceToken) : null;
  const known = !!deviceHash && !!source.userId && (await isKnownDevice(db, source.userId, deviceHash));
  const attempt: Attempt = {
    id: newId(),
    username: source.username,
    ip: source.ip,
    device: known ? deviceHash : null,
    refused: 0,
    at: nowIso(),
  };
  await insertAttempt(db, attempt);
  const wait = await waitBefore(db, attempt);
  if (wait > 0) {
    await markAttemptRefused(db, attempt.id);
    const minutes = Math.max(1, Math.ceil(wait / 60_000));
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc nhờ quản trị hệ thống mở khóa.`,
    );
  }
  return attempt;
}

/** Milliseconds this attempt must wait, 0 when it may go ahead. */
async function waitBefore(db: Executor, attempt: Attempt): Promise<number> {
  const now = Date.parse(attempt.at);
  const since = new Date(now - LOGIN_WINDOW_MS).toISOString();
  const summary = (bucket: Bucket, checkedOnly: boolean) =>
    summariseAttempts(db, bucket, since, attempt.id, checkedOnly);

  const lane = await summary(
    attempt.device
      ? { username: attempt.username, device: attempt.device }
      : { username: attempt.username, ip: attempt.ip },
    false,
  );
  // Every attempt in the lane, refused ones too, doubles the wait (so a burst shuts the lane however few of it
  // were checked); the wait runs from the last checked one. On refusal the caller is told the wait the NEXT
  // attempt will face, which counts this one.
  if (lane.newest) {
    const elapsed = now - Date.parse(lane.newest);
    if (elapsed < delayAfter(lane.count)) return Math.max(1, delayAfter(lane.count + 1) - elapsed);
  }
  if (attempt.device) return 0;

  for (const [bucket, max] of [
    [{ username: attempt.username }, MAX_FAILURES_PER_ACCOUNT],
    [{ ip: attempt.ip }, MAX_FAILURES_PER_IP],
  ] as const) {
    // Refused attempts are left out here: hammering one lane must not lock the account for every other address.
    const { count, oldest } = await summary(bucket, true);
    if (count >= max && oldest) return Math.max(1, Date.parse(oldest) + LOGIN_WINDOW_MS - now);
  }
  return 0;
}

/** The attempt proved right: it and the earlier failures of its own lane no longer count. */
export async function attemptSucceeded(db: Executor, attempt: Attempt): Promise<void> {
  await deleteAttempt(db, attempt.id);
  await deleteAttempts(
    db,
    attempt.device
      ? { username: attempt.username, device: attempt.device }
      : { username: attempt.username, device: null, ip: attempt.ip },
  );
}

/** Failed attempts are kept a day at most (the window is an hour). */
export async function pruneAttempts(db: Executor): Promise<void> {
  await deleteAttempts(db, { beforeIso: new Date(Date.now() - 24 * 3600 * 1000).toISOString() });
}

/** An administrator's unlock: every lane of the account starts afresh. */
export async function clearAttempts(db: Executor, username: string): Promise<void> {
  await deleteAttempts(db, { username });
}

/**
 * After a successful sign-in the browser becomes a known device of that account: its failures then count
 * apart from everyone else's. A cookie is adopted only if this server minted it (one browser shared by two
 * accounts keeps one cookie); any other value is replaced, so a planted cookie cannot become someone's device.
 * Returns the cookie value to (re)send.
 */
export async function rememberDevice(
  db: Executor,
  userId: string,
  deviceToken: string | null,
): Promise<string> {
  const adopt =
    !!deviceToken && DEVICE_TOKEN.test(deviceToken) && (await isMintedDevice(db, hashToken(deviceToken)));
  const token = adopt && deviceToken ? deviceToken : randomBytes(32).toString('base64url');
  await upsertKnownDevice(db, { id: newId(), user_id: userId, token_hash: hashToken(token), at: nowIso() });
  return token;
}

const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;
