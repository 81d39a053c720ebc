import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../test/harness';
import { FIRST_DELAY_MS, FREE_ATTEMPTS, MAX_FAILURES_PER_ACCOUNT } from './lockout.service';

// Counts the slow password checks that really ran, whatever the responses say.
const argon = vi.hoisted(() => ({ verifies: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon.verifies++;
      return real.verify(...args);
    },
  };
});

let ctx: TestContext;
beforeAll(async () => {
  // The per-address request limit (http/security.ts) would answer first; this file tests the lock-out behind it.
  ctx = await createTestContext({ rateLimits: { loginPerIp: 10_000 } });
});
afterAll(() => ctx.close());

function signIn(username: string, password: string, remoteAddress: string, device?: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    ...(device ? { cookies: { hoinghi_device: device } } : {}),
    payload: { username, password },
  });
}

/** Moves an account's recorded attempts into the past, as if the caller had waited. */
async function wait(username: string, ms: number) {
  const rows = await ctx.handle.db
    .selectFrom('login_failures')
    .select(['id', 'at'])
    .where('username', '=', username)
    .execute();
  for (const row of rows) {
    await ctx.handle.db
      .updateTable('login_failures')
      .set({ at: new Date(Date.parse(row.at) - ms).toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
}

describe('lock-out', () => {
  it('counts parallel guesses before checking them: 60 at once reach the password check at most the free tries', async () => {
    await ctx.buildUser({ username: 'songsong' });
    argon.verifies = 0;
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn('songsong', `doan-sai-${i}`, '198.51.100.7')),
    );
    expect(argon.verifies).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(responses.filter((r) => r.statusCode === 401)).toHaveLength(argon.verifies);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(60 - argon.verifies);

    const right = await signIn('songsong', TEST_PASSWORD, '198.51.100.7');
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(argon.verifies).toBeLessThanOrEqual(FREE_ATTEMPTS);
  });

  it('slows one address on one account with growing delays, and says how long to wait', async () => {
    await ctx.buildUser({ username: 'chamdan' });
    const address = '198.51.100.20';
    const minute = 60_000;
    // The waits below are 30 s doubled per attempt past the free ones.
    expect(FIRST_DELAY_MS).toBe(minute / 2);
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect((await signIn('chamdan', 'sai', address)).statusCode).toBe(401);
    }
    const early = await signIn('chamdan', TEST_PASSWORD, address);
    expect(early.statusCode).toBe(429);
    expect(early.json().error.message).toContain('thử lại sau 1 phút');

    await wait('chamdan', minute + 1000);
    expect((await signIn('chamdan', 'sai', address)).statusCode).toBe(401);
    // Each further attempt doubles the wait, refused ones too: impatience does not pay.
    expect((await signIn('chamdan', TEST_PASSWORD, address)).json().error.message).toContain('sau 4 phút');
    await wait('chamdan', 2 * minute);
    expect((await signIn('chamdan', TEST_PASSWORD, address)).json().error.message).toContain('sau 6 phút');
    await wait('chamdan', 6 * minute + 1000);
    expect((await signIn('chamdan', TEST_PASSWORD, address)).statusCode).toBe(200);
  });

  it('lets other addresses through one locked address, up to a looser limit for the whole account', async () => {
    await ctx.buildUser({ username: 'nhieudiachi' });
    for (let i = 0; i < FREE_ATTEMPTS + 2; i++) await signIn('nhieudiachi', 'sai', '198.51.100.30');
    expect((await signIn('nhieudiachi', TEST_PASSWORD, '198.51.100.31')).statusCode).toBe(200);

    // Failures spread over many addresses (the first one's five included) stop at the account-wide limit.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - FREE_ATTEMPTS; i++) {
      const r = await signIn('nhieudiachi', 'sai', `192.0.2.${i + 1}`);
      expect(r.statusCode).toBe(401);
    }
    expect((await signIn('nhieudiachi', TEST_PASSWORD, '192.0.2.200')).statusCode).toBe(429);
  });

  it('keeps the owner of a known device signing in while an attacker has locked the account out', async () => {
    await ctx.buildUser({ username: 'letanthat' });
    const desk = '10.0.0.5';
    const first = await signIn('letanthat', TEST_PASSWORD, desk);
    expect(first.statusCode).toBe(200);
    const cookie = first.cookies.find((c) => c.name === 'hoinghi_device')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.path).toBe('/api/auth');
    expect(cookie.maxAge).toBeGreaterThan(30 * 24 * 3600);
    const stored = await ctx.handle.db.selectFrom('known_devices').select('token_hash').execute();
    expect(stored.some((d) => d.token_hash === cookie.value)).toBe(false);

    // The attacker: many addresses, and the desk's own (shared hall Wi-Fi), without the desk's cookie.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn('letanthat', 'sai', `203.0.113.${i + 1}`);
    for (let i = 0; i < FREE_ATTEMPTS + 1; i++) await signIn('letanthat', 'sai', desk);
    expect((await signIn('letanthat', TEST_PASSWORD, desk)).statusCode).toBe(429);
    expect((await signIn('letanthat', TEST_PASSWORD, '198.51.100.99')).statusCode).toBe(429);

    const owner = await signIn('letanthat', TEST_PASSWORD, desk, cookie.value);
    expect(owner.statusCode).toBe(200);
    expect(owner.cookies.find((c) => c.name === 'hoinghi_device')?.value).toBe(cookie.value);

    // The known device has its own limit.
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect((await signIn('letanthat', 'sai', desk, cookie.value)).statusCode).toBe(401);
    }
    expect((await signIn('letanthat', TEST_PASSWORD, desk, cookie.value)).statusCode).toBe(429);
  });

  it('does not adopt a device cookie the server never issued', async () => {
    await ctx.buildUser({ username: 'cookiegia' });
    const planted = 'A'.repeat(43);
    const r = await signIn('cookiegia', TEST_PASSWORD, '198.51.100.40', planted);
    expect(r.statusCode).toBe(200);
    expect(r.cookies.find((c) => c.name === 'hoinghi_device')?.value).not.toBe(planted);
  });

  it('lets an administrator lift a lock-out at once, with an audit row; nobody else may', async () => {
    const admin = await ctx.buildUser({ username: 'quantrimo', isAdmin: true });
    const adminCookie = await ctx.login('quantrimo');
    const other = await ctx.buildUser({ username: 'nguoithuong' });
    const otherCookie = await ctx.login('nguoithuong');
    const locked = await ctx.buildUser({ username: 'bichan' });
    for (let i = 0; i < FREE_ATTEMPTS; i++) await signIn('bichan', 'sai', '198.51.100.50');
    expect((await signIn('bichan', TEST_PASSWORD, '198.51.100.50')).statusCode).toBe(429);

    const unlock = (cookie: string) =>
      ctx.app.inject({ method: 'POST', url: `/api/users/${locked.id}/unlock`, headers: { cookie } });
    expect((await unlock(otherCookie)).statusCode).toBe(403);
    expect((await signIn('bichan', TEST_PASSWORD, '198.51.100.50')).statusCode).toBe(429);
    expect((await unlock(adminCookie)).statusCode).toBe(200);
    expect((await signIn('bichan', TEST_PASSWORD, '198.51.100.50')).statusCode).toBe(200);

    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', locked.id)
      .where('action', '=', 'unlock')
      .execute();
    expect(audit).toEqual([{ action: 'unlock', actor_id: admin.id }]);
    expect(other.id).not.toBe(admin.id);
  });
});
