import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createTestContext, type TestContext } from '../test/harness';

describe('PUBLIC_URL from the environment', () => {
  it('is checked at start-up: normalised, never localhost', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://hoinghi.example.gov.vn/' }).publicUrl).toBe(
      'https://hoinghi.example.gov.vn',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://thanhhoa.gov.vn/hoinghi/' }).publicUrl).toBe(
      'https://thanhhoa.gov.vn/hoinghi',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'http://localhost:3000' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'hoinghi.example.gov.vn' })).toThrow(/PUBLIC_URL/);
  });
});

describe('the public address setting', () => {
  let ctx: TestContext;
  let admin = '';
  let organizer = '';
  beforeAll(async () => {
    ctx = await createTestContext({ publicUrl: 'https://hoinghi.example.gov.vn' });
    await ctx.buildUser({ username: 'qt-cai-dat', isAdmin: true });
    await ctx.buildUser({ username: 'btc-cai-dat' });
    admin = await ctx.login('qt-cai-dat');
    organizer = await ctx.login('btc-cai-dat');
  });
  afterAll(() => ctx.close());

  it('an admin saves one in the app; the environment still wins, and the answer says which applies', async () => {
    const put = (cookie: string, publicUrl: string | null) =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/settings/public-url',
        headers: { cookie },
        payload: { publicUrl },
      });
    expect((await put(organizer, 'https://khac.gov.vn')).statusCode).toBe(403);
    const saved = await put(admin, 'https://hoinghi.thanhhoa.gov.vn/');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      publicUrl: 'https://hoinghi.example.gov.vn',
      source: 'env',
      envValue: 'https://hoinghi.example.gov.vn',
      appValue: 'https://hoinghi.thanhhoa.gov.vn',
    });
    for (const bad of [
      'ftp://hoinghi.gov.vn',
      'https://127.0.0.1',
      'https://a:b@hoinghi.gov.vn',
      'không phải',
    ]) {
      expect((await put(admin, bad)).statusCode, bad).toBe(400);
    }
    expect((await put(admin, null)).json()).toMatchObject({ appValue: null, source: 'env' });
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'setting')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
