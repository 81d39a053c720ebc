import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPhone } from '../../shared/phone';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createDelegate } from '../delegates/delegates.service';
import { seedDemo } from '../demo/demo.service';
import { findEventsForActor } from '../events/events.service';
import { createTestContext, type TestContext } from '../test/harness';

// Phones and emails never leave through the public pages (the showcase, reply links) nor through error messages.

let ctx: TestContext;
let admin = '';
let eventId = '';
const EMAIL = 'tran.thi.mai@nongsan-hoanghoa.vn';
const PHONE = '0966123456';
let secrets: string[] = [];

/** Every phone and email held about delegates, as stored and as lists print them. */
async function personalValues(): Promise<string[]> {
  const rows = await ctx.handle.db.selectFrom('delegates').select(['phone', 'email']).execute();
  const values = new Set<string>();
  for (const r of rows) {
    if (r.phone) {
      values.add(r.phone);
      values.add(formatPhone(r.phone));
    }
    if (r.email) values.add(r.email);
  }
  return [...values];
}

function assertClean(where: string, body: string) {
  const found = secrets.filter((s) => body.includes(s));
  expect(found, where).toEqual([]);
}

beforeAll(async () => {
  ctx = await createTestContext();
  expect(await seedDemo(ctx.handle.db)).toBe(true);
  eventId = (await findEventsForActor(ctx.handle.db, SYSTEM_ACTOR))[0]!.id;
  // The demo's delegates have phones but no email: one with both makes the email check mean something.
  await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, {
    fullName: 'Trần Thị Mai',
    organization: 'Hợp tác xã nông sản Hoằng Hóa',
    phone: PHONE,
    email: EMAIL,
  });
  secrets = await personalValues();
  expect(secrets.length).toBeGreaterThan(100);
  const user = await ctx.buildUser({ isAdmin: true });
  admin = await ctx.login(user.username);
  // Loading the whole demo takes a while on PostgreSQL on a busy machine.
}, 180_000);

afterAll(() => ctx?.close());

describe('public pages with the demo loaded', () => {
  it('show no phone or email of any delegate in the showcase', async () => {
    const filters = await ctx.app.inject({ url: '/api/public/product-filters' });
    expect(filters.statusCode).toBe(200);
    assertClean('product-filters', filters.body);
    let page = 1;
    const ids: string[] = [];
    for (;;) {
      const response = await ctx.app.inject({ url: `/api/public/products?pageSize=60&page=${page}` });
      expect(response.statusCode).toBe(200);
      assertClean(`products page ${page}`, response.body);
      const body = response.json() as { items: { id: string }[]; total: number };
      ids.push(...body.items.map((p) => p.id));
      if (ids.length >= body.total || body.items.length === 0) break;
      page++;
    }
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const response = await ctx.app.inject({ url: `/api/public/products/${id}` });
      expect(response.statusCode).toBe(200);
      assertClean(`product ${id}`, response.body);
    }
    for (const q of [PHONE, EMAIL, 'Trần Thị Mai']) {
      const search = await ctx.app.inject({ url: `/api/public/products?q=${encodeURIComponent(q)}` });
      assertClean(`products?q=${q}`, search.body);
    }
  });

  it('show a delegate their own invitation through the reply link, without anyone’s phone or email', async () => {
    const delegates = await ctx.handle.db
      .selectFrom('delegates')
      .select('id')
      .where('event_id', '=', eventId)
      .where('phone', 'is not', null)
      .limit(3)
      .execute();
    for (const d of delegates) {
      const link = await ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/delegates/${d.id}/reply-link`,
        headers: { cookie: admin },
      });
      expect(link.statusCode).toBe(201);
      const { token } = link.json() as { token: string };
      const view = await ctx.app.inject({ url: `/api/replies/${token}` });
      expect(view.statusCode).toBe(200);
      assertClean('reply view', view.body);
      const answer = await ctx.app.inject({
        method: 'POST',
        url: `/api/replies/${token}`,
        payload: { action: 'confirm' },
      });
      assertClean('reply answer', answer.body);
    }
    const unknown = await ctx.app.inject({ url: `/api/replies/${PHONE}` });
    expect(unknown.statusCode).toBe(404);
    assertClean('unknown reply link', unknown.body);
  });

  it('show none in the health check, the API description or a missing page', async () => {
    for (const url of ['/api/health', '/api/openapi.json', `/api/khong-co?email=${EMAIL}&phone=${PHONE}`]) {
      assertClean(url, (await ctx.app.inject({ url })).body);
    }
  });
});

describe('error messages', () => {
  const add = (payload: object) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/delegates`,
      headers: { cookie: admin },
      payload,
    });

  it('say a phone is taken without repeating it', async () => {
    const response = await add({ fullName: 'Lê Văn Tám', organization: 'Báo Thanh Hóa', phone: PHONE });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('Trần Thị Mai');
    for (const s of [PHONE, formatPhone(PHONE)]) expect(response.body).not.toContain(s);
  });

  it('say a phone or an email is malformed without repeating it', async () => {
    for (const phone of ['0966 12a 456', '0966#123456', '+1 202 555 0143', '09661234']) {
      const response = await add({ fullName: 'Lê Văn Chín', organization: 'Báo Nhân dân', phone });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.body).not.toContain(phone);
      expect(response.body).not.toContain(phone.replace(/\D/g, ''));
    }
    const email = 'le.van.chin@';
    const response = await add({ fullName: 'Lê Văn Chín', organization: 'Báo Nhân dân', email });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain(email);
  });
});
