import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { SYSTEM_ACTOR } from '../auth/actor';
import { isLoopbackAddress, loadConfig } from '../config';
import { publishedPasswordWarning } from '../serve';
import { createTestContext, type TestContext } from '../test/harness';
import { createUser, PUBLISHED_DEMO_PASSWORD } from '../users/users.service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const signIn = (username: string, password: string, remoteAddress: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

const demoAccount = (username: string) =>
  createUser(ctx.handle.db, SYSTEM_ACTOR, {
    username,
    fullName: 'Tài khoản demo thử nghiệm',
    password: PUBLISHED_DEMO_PASSWORD,
    isAdmin: false,
  });

describe('the published demo password', () => {
  it('opens a session only from this machine, and says why it refuses the network', async () => {
    await demoAccount('demo.mang');
    const remote = await signIn('demo.mang', PUBLISHED_DEMO_PASSWORD, '192.168.1.20');
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.code).toBe('DEMO_PASSWORD_REMOTE');
    expect(remote.json().error.message).toContain('đổi mật khẩu');
    expect(remote.cookies.find((c) => c.name === 'hoinghi_session')).toBeUndefined();

    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const local = await signIn('demo.mang', PUBLISHED_DEMO_PASSWORD, address);
      expect(local.statusCode).toBe(200);
      // The demo stays a demo: no forced change on this machine.
      expect(local.json().mustChangePassword).toBe(false);
    }
  });

  it('is judged on the client address a trusted proxy reports', async () => {
    await demoAccount('demo.proxy');
    const app = await buildApp({ handle: ctx.handle, trustProxy: true });
    const viaProxy = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.8' },
      payload: { username: 'demo.proxy', password: PUBLISHED_DEMO_PASSWORD },
    });
    expect(viaProxy.statusCode).toBe(403);
    await app.close();
  });

  it('stops mattering once the password is changed, and returns if an admin sets it again', async () => {
    const user = await demoAccount('demo.doi');
    const cookie = (await signIn('demo.doi', PUBLISHED_DEMO_PASSWORD, '127.0.0.1')).headers['set-cookie'];
    const session = String(cookie).match(/hoinghi_session=[^;]+/)![0];
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: session },
      payload: { currentPassword: PUBLISHED_DEMO_PASSWORD, newPassword: 'mat-khau-that-2026' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await signIn('demo.doi', 'mat-khau-that-2026', '192.168.1.21')).statusCode).toBe(200);

    await ctx.buildUser({ username: 'quantri.demo', isAdmin: true });
    const reset = await ctx.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/password`,
      headers: { cookie: await ctx.login('quantri.demo') },
      payload: { password: PUBLISHED_DEMO_PASSWORD },
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn('demo.doi', PUBLISHED_DEMO_PASSWORD, '192.168.1.21')).statusCode).toBe(403);
  });

  it('start-up warns when listening beyond this machine while such accounts exist', async () => {
    await demoAccount('demo.canhbao');
    expect(await publishedPasswordWarning(ctx.handle.db, '127.0.0.1')).toBeNull();
    const warning = await publishedPasswordWarning(ctx.handle.db, '0.0.0.0');
    expect(warning).toContain('hoinghi2020');
    expect(warning).toContain('CẢNH BÁO');
  });
});

describe('listening address', () => {
  it('defaults to this machine; HOST opens it up', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('knows a loopback address from a network one', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', 'localhost']) {
      expect(isLoopbackAddress(a)).toBe(true);
    }
    for (const a of [
      '0.0.0.0',
      '192.168.1.20',
      '::',
      '::ffff:10.0.0.1',
      '1127.0.0.1',
      '127.0.0.1.example.vn',
    ]) {
      expect(isLoopbackAddress(a)).toBe(false);
    }
  });
});
