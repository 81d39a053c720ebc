import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type HoinghiApp } from '../app';
import type { DbHandle } from '../db/database';
import { createTestDb } from '../test/harness';

let handle: DbHandle;
let webRoot: string;
const apps: HoinghiApp[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  // The shape of the built web app, without building it: three pages, a hashed asset, the desk's service worker.
  webRoot = mkdtempSync(join(tmpdir(), 'hoinghi-web-'));
  for (const page of ['index.html', 'showcase.html', 'checkin.html']) {
    writeFileSync(join(webRoot, page), `<!doctype html><title>${page}</title>`);
  }
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'assets', 'index-B4x9Qa1c.js'), 'export {};');
  writeFileSync(join(webRoot, 'checkin-sw.js'), 'self.addEventListener("fetch", () => {});');
  // What scripts/vite-precompress.ts writes beside each built text file.
  const big = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `hàng ${i}`))};`;
  writeFileSync(join(webRoot, 'assets', 'big-C0ffee12.js'), big);
  writeFileSync(join(webRoot, 'assets', 'big-C0ffee12.js.br'), brotliCompressSync(big));
  writeFileSync(join(webRoot, 'assets', 'big-C0ffee12.js.gz'), gzipSync(big));
  writeFileSync(
    join(webRoot, 'index.html.br'),
    brotliCompressSync('<!doctype html><title>index.html</title>'),
  );
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await handle.close();
  rmSync(webRoot, { recursive: true, force: true });
});

async function appWith(options: Omit<Parameters<typeof buildApp>[0], 'handle' | 'webRoot'> = {}) {
  const app = await buildApp({ handle, webRoot, ...options });
  apps.push(app);
  return app;
}

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("worker-src 'self' blob:");
  // A plain-HTTP install on the hall's LAN must not be told to upgrade to an HTTPS it does not have.
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
}

describe('security headers and caching', () => {
  it('puts the headers on pages, the reply page and the API; pages revalidate, hashed assets are immutable', async () => {
    const app = await appWith();
    for (const url of ['/', '/su-kien/abc', '/r/ma-tra-loi-bi-mat', '/san-pham', '/checkin/abc']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expectSecurityHeaders(page.headers);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['strict-transport-security']).toBeUndefined();
    }
    expect((await app.inject({ method: 'GET', url: '/checkin/abc' })).body).toContain('checkin.html');

    const direct = await app.inject({ method: 'GET', url: '/index.html' });
    expect(direct.headers['cache-control']).toBe('no-cache');
    const worker = await app.inject({ method: 'GET', url: '/checkin-sw.js' });
    expect(worker.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-B4x9Qa1c.js' });
    expect(asset.statusCode).toBe(200);
    expectSecurityHeaders(asset.headers);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('marks API answers no-store, errors included, and leaves a route its own caching', async () => {
    const app = await appWith();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expectSecurityHeaders(health.headers);
    expect(health.headers['cache-control']).toBe('no-store');
    const reply = await app.inject({ method: 'GET', url: '/api/replies/khong-co-ma-nay-0123456789' });
    expect(reply.statusCode).toBe(404);
    expectSecurityHeaders(reply.headers);
    expect(reply.headers['cache-control']).toBe('no-store');
    const unauthenticated = await app.inject({ method: 'GET', url: '/api/events' });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers['cache-control']).toBe('no-store');
    // The public showcase is not personal: it keeps its short public caching.
    const showcase = await app.inject({ method: 'GET', url: '/api/public/products' });
    expect(showcase.statusCode).toBe(200);
    expect(showcase.headers['cache-control']).toBe('public, max-age=60');
  });

  it('sends HSTS only behind an HTTPS proxy (TRUST_PROXY)', async () => {
    const app = await appWith({ trustProxy: true });
    const page = await app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expectSecurityHeaders(page.headers);
  });
});

describe('compression', () => {
  it("sends the build's precompressed files when accepted, the plain file otherwise, varying on the encoding", async () => {
    const app = await appWith();
    const br = await app.inject({
      method: 'GET',
      url: '/assets/big-C0ffee12.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('hàng 399');
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/big-C0ffee12.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url: '/assets/big-C0ffee12.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('hàng 399');
    // A client route gets its page compressed too.
    const page = await app.inject({
      method: 'GET',
      url: '/su-kien/abc',
      headers: { 'accept-encoding': 'br' },
    });
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('index.html');
  });

  it('compresses API answers over 1 KB, not small ones', async () => {
    const app = await appWith();
    const openapi = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(openapi.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(openapi.rawPayload).toString())).toHaveProperty('paths');
    const health = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'br' },
    });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json()).toMatchObject({ ok: true });
  });
});

describe('rate limits', () => {
  const rateLimited = (response: {
    statusCode: number;
    json(): unknown;
    headers: Record<string, unknown>;
  }) => {
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^Quá nhiều yêu cầu trong thời gian ngắn\. Vui lòng thử lại sau/),
        details: [{ message: expect.stringMatching(/^Thử lại sau \d+ giây$/) }],
      },
    });
  };

  it('answers 429 in the house shape once one reply link is over its limit, and only for that link', async () => {
    const app = await appWith({ rateLimits: { repliesPerToken: 3 } });
    const get = (token: string) => app.inject({ method: 'GET', url: `/api/replies/${token}` });
    for (let i = 0; i < 3; i++) expect((await get('ma-cua-mot-nguoi-0123456789')).statusCode).toBe(404);
    rateLimited(await get('ma-cua-mot-nguoi-0123456789'));
    const post = await app.inject({
      method: 'POST',
      url: '/api/replies/ma-cua-mot-nguoi-0123456789',
      payload: { response: 'attending' },
    });
    rateLimited(post);
    // Another person in the same hall, behind the same address, is not held back.
    expect((await get('ma-cua-nguoi-khac-0123456789')).statusCode).toBe(404);
  });

  it('limits one address across reply links, not another address', async () => {
    const app = await appWith({ rateLimits: { repliesPerIp: 4 } });
    const get = (i: number, remoteAddress = '10.0.0.7') =>
      app.inject({ method: 'GET', url: `/api/replies/ma-doan-thu-${i}-0123456789`, remoteAddress });
    for (let i = 0; i < 4; i++) expect((await get(i)).statusCode).toBe(404);
    rateLimited(await get(5));
    expect((await get(6, '10.0.0.8')).statusCode).toBe(404);
  });

  it('limits the public showcase API and sign-in per address', async () => {
    const app = await appWith({ rateLimits: { publicPerIp: 2, loginPerIp: 2 } });
    for (let i = 0; i < 2; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/public/products' })).statusCode).toBe(200);
    }
    rateLimited(await app.inject({ method: 'GET', url: '/api/public/product-filters' }));
    const login = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'khong-co', password: 'sai' },
      });
    for (let i = 0; i < 2; i++) expect((await login()).statusCode).toBe(401);
    rateLimited(await login());
    // Signed-in work is not counted against these limits.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
