import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../test/harness';
import { FREE_ATTEMPTS } from './lockout.service';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.buildUser({ username: 'quantri', isAdmin: true });
  admin = await ctx.login('quantri');
});
afterAll(() => ctx.close());

const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
const asAdmin = (method: 'POST' | 'PATCH', url: string, payload: object) =>
  ctx.app.inject({ method, url, headers: { cookie: admin }, payload });
const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: { cookie },
    payload: { currentPassword, newPassword },
  });

describe('sessions end when an administrator changes the account', () => {
  it('a password reset signs the user out everywhere, at once', async () => {
    const user = await ctx.buildUser({ username: 'datlai' });
    const phone = await ctx.login('datlai');
    const laptop = await ctx.login('datlai');
    // Served once, so the session sits in the short-lived cache when the reset comes.
    expect((await get('/api/auth/me', phone)).statusCode).toBe(200);

    expect(
      (await asAdmin('POST', `/api/users/${user.id}/password`, { password: 'tam-thoi-456' })).statusCode,
    ).toBe(200);
    expect((await get('/api/auth/me', phone)).statusCode).toBe(401);
    expect((await get('/api/auth/me', laptop)).statusCode).toBe(401);
    const left = await ctx.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('locking an account ends its sessions for good: unlocking it revives none', async () => {
    const user = await ctx.buildUser({ username: 'khoaroimo' });
    const cookie = await ctx.login('khoaroimo');
    expect((await asAdmin('PATCH', `/api/users/${user.id}`, { isActive: false })).statusCode).toBe(200);
    expect((await asAdmin('PATCH', `/api/users/${user.id}`, { isActive: true })).statusCode).toBe(200);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
  });

  it('a change of administrator rights ends the sessions; a change of name does not', async () => {
    const user = await ctx.buildUser({ username: 'doiquyen' });
    const cookie = await ctx.login('doiquyen');
    expect((await asAdmin('PATCH', `/api/users/${user.id}`, { fullName: 'Tên mới' })).statusCode).toBe(200);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(200);
    expect((await asAdmin('PATCH', `/api/users/${user.id}`, { isAdmin: true })).statusCode).toBe(200);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
  });
});

describe('a temporary password', () => {
  it('opens only /api/auth/* until it is changed', async () => {
    const created = await asAdmin('POST', '/api/users', {
      username: 'matkhautam',
      fullName: 'Người dùng mật khẩu tạm',
      password: 'tam-thoi-789',
    });
    expect(created.statusCode).toBe(201);
    const cookie = await ctx.login('matkhautam', 'tam-thoi-789');

    for (const url of ['/api/events', '/api/users', '/api/units']) {
      const refused = await get(url, cookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toEqual({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: 'Bạn đang dùng mật khẩu tạm. Hãy đổi mật khẩu trước khi tiếp tục.',
      });
    }
    const me = await get('/api/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);

    expect((await changePassword(cookie, 'tam-thoi-789', 'mat-khau-rieng-2026')).statusCode).toBe(200);
    expect((await get('/api/events', cookie)).statusCode).toBe(200);
  });

  it('set again by a reset closes the API again after the next sign-in', async () => {
    const user = await ctx.buildUser({ username: 'datlaitam' });
    await asAdmin('POST', `/api/users/${user.id}/password`, { password: 'tam-thoi-000' });
    const cookie = await ctx.login('datlaitam', 'tam-thoi-000');
    expect((await get('/api/events', cookie)).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
  });
});

describe('changing one’s own password', () => {
  it('counts wrong current passwords like failed sign-ins', async () => {
    await ctx.buildUser({ username: 'doansai' });
    const cookie = await ctx.login('doansai');
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      const wrong = await changePassword(cookie, `sai-${i}`, 'mat-khau-moi-2026');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details[0].field).toBe('currentPassword');
    }
    const locked = await changePassword(cookie, TEST_PASSWORD, 'mat-khau-moi-2026');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    // The password did not change.
    await expect(ctx.login('doansai', 'mat-khau-moi-2026')).rejects.toThrow();
  });

  it('refuses the same password again, and the published demo password', async () => {
    await ctx.buildUser({ username: 'giongcu' });
    const cookie = await ctx.login('giongcu');
    const same = await changePassword(cookie, TEST_PASSWORD, TEST_PASSWORD);
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details).toEqual([
      { field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại' },
    ]);
    const published = await changePassword(cookie, TEST_PASSWORD, 'hoinghi2020');
    expect(published.statusCode).toBe(400);
    expect(published.json().error.details[0].field).toBe('newPassword');
  });
});
