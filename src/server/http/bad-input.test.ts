import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME } from '../../shared/limits';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.buildUser({ username: 'quantri', isAdmin: true });
  admin = await ctx.login('quantri');
});
afterAll(() => ctx.close());

const post = (url: string, payload: string | object, contentType = 'application/json') =>
  ctx.app.inject({ method: 'POST', url, headers: { cookie: admin, 'content-type': contentType }, payload });

describe('bad input', () => {
  it('answers malformed JSON with a Vietnamese error in the one error shape', async () => {
    const response = await post('/api/units', '{"kind": "district", "name": ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'INVALID_JSON', message: 'Dữ liệu gửi lên không phải JSON hợp lệ' },
    });
  });

  it('refuses unknown fields and names them', async () => {
    const response = await post('/api/units', {
      kind: 'district',
      shortName: 'A',
      name: 'Huyện A',
      isAdmin: true,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toContainEqual(expect.objectContaining({ field: 'isAdmin' }));
    expect(error.message).toMatch(/^Dữ liệu không hợp lệ ở dữ liệu gửi lên/);
  });

  it('refuses over-long strings, naming the field and the limit', async () => {
    const response = await post('/api/units', {
      kind: 'district',
      shortName: 'A',
      name: 'Ạ'.repeat(MAX_NAME + 1),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ field: 'name', message: `Tối đa ${MAX_NAME} ký tự` }]);
  });

  it('refuses control characters and empty names', async () => {
    const control = await post('/api/units', { kind: 'district', shortName: 'A', name: 'Huyện\u0007A' });
    expect(control.json().error.details[0]).toEqual({
      field: 'name',
      message: 'Không được chứa ký tự điều khiển',
    });
    const blank = await post('/api/units', { kind: 'district', shortName: 'A', name: '   ' });
    expect(blank.json().error.details[0]).toEqual({ field: 'name', message: 'Không được để trống' });
  });

  it('refuses a NUL in a search or an id with a 400 (PostgreSQL cannot compare it: was a 500)', async () => {
    for (const url of [
      '/api/units?q=a%00b',
      '/api/public/products?q=%00',
      '/api/products?groupId=%00',
      '/api/units/%00',
    ]) {
      const response = await ctx.app.inject({ method: 'GET', url, headers: { cookie: admin } });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details[0].message).toBe('Không được chứa ký tự điều khiển');
    }
  });

  it('refuses a wrong enum value with a Vietnamese message', async () => {
    const response = await post('/api/units', { kind: 'galaxy', shortName: 'A', name: 'Huyện A' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('kind');
    expect(response.json().error.details[0].message).toMatch(/không hợp lệ|Đầu vào/i);
  });

  it('stores SQL and HTML in names verbatim and never executes them', async () => {
    const names = [
      "Robert'); DROP TABLE units;--",
      '<script>alert("x")</script> Huyện <b>A</b>',
      'Sở "Kế hoạch" & Đầu tư',
    ];
    for (const name of names) {
      const created = await post('/api/units', { kind: 'other', shortName: name.slice(0, 100), name });
      expect(created.statusCode).toBe(201);
      const read = await ctx.app.inject({
        method: 'GET',
        url: `/api/units/${created.json().id}`,
        headers: { cookie: admin },
      });
      expect(read.json().name).toBe(name);
      expect(read.headers['content-type']).toContain('application/json');
    }
    const stillThere = await ctx.app.inject({
      method: 'GET',
      url: '/api/units?q=robert',
      headers: { cookie: admin },
    });
    expect(stillThere.json().total).toBe(1);
  });

  it('normalises decomposed Unicode to NFC so the same name is stored one way', async () => {
    const created = await post('/api/units', {
      kind: 'district',
      shortName: 'Hoằng Hóa',
      name: 'Huyện Hoằng Hóa'.normalize('NFD'),
    });
    expect(created.json().name).toBe('Huyện Hoằng Hóa'.normalize('NFC'));
  });

  it('refuses a body that is too large and an unknown content type', async () => {
    const huge = await post('/api/units', {
      kind: 'district',
      shortName: 'A',
      name: 'A',
      notes: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const xml = await post('/api/units', '<unit/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown API path with 404 in the error shape', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/khong-co',
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
