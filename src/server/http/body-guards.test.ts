import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor';
import { updateGroup } from '../delegates/composition.service';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let admin: string;
let eventId: string;
let groupId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.buildUser({ username: 'quantri', isAdmin: true });
  admin = await ctx.login('quantri');
  eventId = (await ctx.buildEvent()).id;
  const group = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/composition/groups`,
    headers: { cookie: admin },
    payload: { title: 'Lãnh đạo tỉnh' },
  });
  groupId = group.json().id;
});
afterAll(() => ctx.close());

const send = (method: 'POST' | 'PATCH', url: string, payload: string, contentType: string) =>
  ctx.app.inject({ method, url, headers: { cookie: admin, 'content-type': contentType }, payload });

describe('upload routes take only the file itself', () => {
  const uploads = () => [
    {
      url: `/api/events/${eventId}/delegates/import/preview`,
      expected: /bảng tính Excel \(\.xlsx\) hoặc \.csv/,
    },
    { url: '/api/units/import', expected: /bảng tính Excel \(\.xlsx\) hoặc \.csv/ },
    { url: '/api/products/import', expected: /bảng tính Excel \(\.xlsx\) hoặc \.csv/ },
    { url: '/api/products/00000000000000000000000000/photos', expected: /ảnh JPEG, PNG hoặc WebP/ },
  ];

  it('answers a JSON or text body with 415 naming the expected file, on every upload route', async () => {
    for (const { url, expected } of uploads()) {
      for (const [payload, type] of [
        ['{"rows": []}', 'application/json'],
        ['Họ và tên;Chức vụ', 'text/plain'],
      ] as const) {
        const response = await send('POST', url, payload, type);
        expect(response.statusCode, `${url} ${type}`).toBe(415);
        const { error } = response.json();
        expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(error.message).toMatch(expected);
        expect(error.message).toContain('không phải JSON hay văn bản');
      }
    }
  });

  it('still reads a real file body (a CSV list is previewed)', async () => {
    const csv = 'Họ và tên,Chức vụ\nNguyễn Văn An,Chủ tịch\n';
    const response = await send('POST', `/api/events/${eventId}/delegates/import/preview`, csv, 'text/csv');
    expect(response.statusCode).toBe(200);
  });
});

describe('PATCH with an empty body', () => {
  /** Every PATCH route the app has, from its own OpenAPI document, so a new one is covered without a test edit. */
  function patchRoutes(): string[] {
    const paths = (ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths;
    return Object.entries(paths)
      .filter(([, methods]) => 'patch' in methods)
      .map(([path]) => path);
  }

  it('answers 400 "nothing to change" on every PATCH route', async () => {
    const routes = patchRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const route of routes) {
      const url = route
        .replace('{eventId}', eventId)
        .replace('{groupId}', groupId)
        .replace(/\{\w+\}/g, '00000000000000000000000000');
      const response = await send('PATCH', url, '{}', 'application/json');
      expect(response.statusCode, route).toBe(400);
      expect(response.json().error, route).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'Không có gì để thay đổi: hãy gửi ít nhất một trường cần sửa',
        details: [{ field: 'body', message: 'Không có gì để thay đổi: hãy gửi ít nhất một trường cần sửa' }],
      });
    }
  });

  it('leaves the composition group as it was, and a field still changes it', async () => {
    const url = `/api/events/${eventId}/composition/groups/${groupId}`;
    expect((await send('PATCH', url, '{}', 'application/json')).statusCode).toBe(400);
    const renamed = await send('PATCH', url, '{"title":"Lãnh đạo UBND tỉnh"}', 'application/json');
    expect(renamed.statusCode).toBe(200);
    const row = await ctx.handle.db
      .selectFrom('composition_groups')
      .select('title')
      .where('id', '=', groupId)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe('Lãnh đạo UBND tỉnh');
  });

  it('an empty update reaching the composition service writes nothing and fails nothing', async () => {
    await expect(updateGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, {})).resolves.toBeUndefined();
  });
});
