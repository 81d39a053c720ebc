import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../test/harness';
import { FREE_ATTEMPTS } from './lockout.service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers with the user and their roles', async () => {
    const user = await ctx.buildUser({ username: 'nguyenvana' });
    const event = await ctx.buildEvent();
    await ctx.addMember(event.id, user.id, 'viewer');

    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'NguyenVanA ', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      username: 'nguyenvana',
      memberships: [{ eventId: event.id, role: 'viewer' }],
    });
    const cookie = response.cookies.find((c) => c.name === 'hoinghi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();

    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `hoinghi_session=${cookie.value}` },
    });
    expect(me.json().id).toBe(user.id);
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const { buildApp } = await import('../app');
    const app = await buildApp({ handle: ctx.handle, trustProxy: true });
    await ctx.buildUser({ username: 'quaproxy' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'quaproxy', password: TEST_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'hoinghi_session')?.secure).toBe(true);
    await app.close();
  });

  it('refuses a wrong password with a Vietnamese message that does not say which part was wrong', async () => {
    await ctx.buildUser({ username: 'tranthib' });
    for (const payload of [
      { username: 'tranthib', password: 'sai-mat-khau' },
      { username: 'khongtontai', password: TEST_PASSWORD },
    ]) {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng',
      });
    }
  });

  it('locks an account after repeated failures, even for the right password, and says so', async () => {
    await ctx.buildUser({ username: 'lethic' });
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'lethic', password: 'sai' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lethic', password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.json().error.message).toContain('quá nhiều lần');
  });

  it('limits failures per client address across accounts', async () => {
    const { MAX_FAILURES_PER_IP } = await import('./auth.service');
    const { buildApp } = await import('../app');
    // A separate address so this flood does not lock the other tests' client.
    const app = await buildApp({ handle: ctx.handle, trustProxy: true });
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { username: `nobody${i}`, password: 'x' },
      });
    }
    await ctx.buildUser({ username: 'phamvand' });
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { username: 'phamvand', password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    await app.close();
  });

  it('refuses a locked (inactive) account and ends its sessions', async () => {
    const user = await ctx.buildUser({ username: 'bikhoa' });
    const cookie = await ctx.login('bikhoa');
    const { updateUserRow } = await import('../users/users.repository');
    await updateUserRow(ctx.handle.db, user.id, { is_active: 0 });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bikhoa', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });
});

describe('sign-out and passwords', () => {
  it('sign-out ends the session on the server, not just in the browser', async () => {
    await ctx.buildUser({ username: 'dangxuat' });
    const cookie = await ctx.login('dangxuat');
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('changes the password, requires the current one, and signs out other sessions', async () => {
    await ctx.buildUser({ username: 'doimatkhau' });
    const here = await ctx.login('doimatkhau');
    const elsewhere = await ctx.login('doimatkhau');

    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-2026' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('currentPassword');

    const short = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('ít nhất 8 ký tự');

    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: here } })).statusCode,
    ).toBe(200);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: elsewhere } }))
        .statusCode,
    ).toBe(401);
    await expect(ctx.login('doimatkhau', 'mat-khau-moi-2026')).resolves.toContain('hoinghi_session=');
  });

  it('stores argon2id hashes, never the password', async () => {
    const user = await ctx.buildUser({ username: 'kiemtrabam' });
    const row = await ctx.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('keeps only a hash of the session token in the database', async () => {
    await ctx.buildUser({ username: 'phienbam' });
    const cookie = await ctx.login('phienbam');
    const token = cookie.split('=')[1]!;
    const rows = await ctx.handle.db.selectFrom('sessions').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
  });
});
