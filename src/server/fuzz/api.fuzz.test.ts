import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { createAgreement } from '../agreements/agreements.service';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createBooth } from '../booths/booths.service';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createProduct } from '../ocop/products.service';
import {
  anyJson,
  encodeLoosely,
  FUZZ_SEED,
  fromSchema,
  type JsonSchema,
  oneFieldWrong,
  queryString,
  type SchemaArbitraryOptions,
  validFromSchema,
} from '../test/fuzz';
import { createTestContext } from '../test/harness';

/**
 * Every route of the app that takes a body or a query string, fed generated input as an admin and as the organizer
 * of a seeded event: never a 500, every error in the house shape with a Vietnamese message, and the app still up.
 */

/** Runs per route and role; FUZZ_RUNS=… widens a local run. The overall cap keeps the file well under a minute. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const HEAVY_RUNS = 2;
const MAX_TOTAL_RUNS = Number(process.env.FUZZ_MAX_TOTAL ?? 2_400);

/** Routes that build PDFs, archives or spreadsheets: a few runs each are enough for their query strings. */
const HEAVY = /\.(pdf|zip|xlsx|docx)$|\/send$/;

/** Streams that never end (Server-Sent Events). */
const SKIPPED = new Set(['GET /api/events/{eventId}/room/live']);

/** Upload routes: they read a raw file body, so JSON is sent to see that it is refused cleanly. */
const UPLOADS = new Set([
  'POST /api/plans/parse',
  'POST /api/units/import',
  'POST /api/products/import',
  'POST /api/events/{eventId}/delegates/import/preview',
  'POST /api/products/{productId}/photos',
  'POST /api/events/{eventId}/checkins/{delegateId}/documents',
  'PUT /api/events/{eventId}/agreements/{agreementId}/scan',
  'POST /api/events/{eventId}/papers',
]);

/** FUZZ_STATS=1 prints how often each route answered each status, to see how deep the inputs reach. */
const stats = new Map<string, Record<number, number>>();

interface Route {
  method: string;
  path: string;
  body: JsonSchema | null;
  query: string[];
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

const ctx = await createTestContext();
const ids: Record<string, string> = {};
const cookies: Record<'admin' | 'organizer', string> = { admin: '', organizer: '' };

const openapi = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        parameters?: { in: string; name: string }[];
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
};
const routes: Route[] = Object.entries(openapi.paths)
  .flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      body: op.requestBody?.content['application/json']?.schema ?? null,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  )
  .filter((r) => !SKIPPED.has(`${r.method} ${r.path}`))
  .filter((r) => r.body || r.query.length || UPLOADS.has(`${r.method} ${r.path}`));

const runsFor = (route: Route) => (HEAVY.test(route.path) ? HEAVY_RUNS : RUNS);
const plannedRuns = routes.reduce((sum, r) => sum + 2 * runsFor(r), 0);
const scale = Math.min(1, MAX_TOTAL_RUNS / plannedRuns);

beforeAll(async () => {
  await ctx.buildUser({ username: 'fuzz-admin', isAdmin: true });
  const organizer = await ctx.buildUser({ username: 'fuzz-btc' });
  ids.victim = (await ctx.buildUser({ username: 'fuzz-nguoi-dung' })).id;
  const event = await ctx.buildEvent({ name: 'Hội nghị tổng kết OCOP' });
  ids.event = event.id;
  // Status changes go to an event of their own, so a cancelled or closed event does not stop the other routes.
  ids.otherEvent = (await ctx.buildEvent({ name: 'Hội nghị khác' })).id;
  await ctx.addMember(event.id, organizer.id, 'organizer');
  cookies.admin = await ctx.login('fuzz-admin');
  cookies.organizer = await ctx.login('fuzz-btc');

  const db = ctx.handle.db;
  const district = await ctx.buildUnit({ kind: 'district', name: 'Huyện Hậu Lộc', shortName: 'Hậu Lộc' });
  ids.unit = district.id;
  ids.producer = (
    await ctx.buildUnit({
      kind: 'producer',
      name: 'HTX Hòa Hải',
      shortName: 'HTX Hòa Hải',
      parentId: district.id,
    })
  ).id;
  ids.group = await createGroup(db, SYSTEM_ACTOR, event.id, { title: 'Chủ thể OCOP' });
  await setSeats(db, SYSTEM_ACTOR, event.id, ids.group, {
    seats: [
      { unitId: ids.unit, quota: 5 },
      { unitId: ids.producer, quota: 5 },
    ],
  });
  const delegate = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${event.id}/delegates`,
    headers: { cookie: cookies.admin },
    payload: { groupId: ids.group, unitId: ids.producer, fullName: 'Phạm Thị Huệ', position: 'Giám đốc' },
  });
  ids.delegate = delegate.json().id;
  const link = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${event.id}/delegates/${ids.delegate}/reply-link`,
    headers: { cookie: cookies.admin },
  });
  ids.token = link.json().token;
  ids.product = (
    await createProduct(db, SYSTEM_ACTOR, {
      name: 'Mắm tôm Hòa Hải',
      groupId: 'g1048-1',
      producerId: ids.producer,
      stars: 3,
      evaluationYear: 2019,
      decisionNumber: '5445/QĐ-UBND',
      decisionDate: '2019-12-23',
      certificateNumber: '01/GCN-OCOP',
    })
  ).id;
  ids.productGroup = 'g1048-1';
  const awards = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${event.id}/awards/plan`,
    headers: { cookie: cookies.admin },
    payload: { batchSize: 2, order: 'stars', fromYear: 2018, toYear: 2020, presenterDelegateIds: [] },
  });
  const batch = awards.json().batches?.[0];
  ids.batch = batch?.id ?? 'khong-co';
  ids.recipient = batch?.recipients?.[0]?.id ?? 'khong-co';
  ids.agreement = (
    await createAgreement(db, SYSTEM_ACTOR, event.id, {
      kind: 'mou',
      title: 'Biên bản ghi nhớ tiêu thụ mắm tôm',
      parties: [{ unitId: ids.producer, role: 'seller' }],
      productIds: [ids.product],
    })
  ).id;
  ids.booth = (
    await createBooth(db, SYSTEM_ACTOR, event.id, { number: 1, kind: 'ocop', unitId: ids.producer })
  ).id;
  ids.item = (
    await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/program/items`,
      headers: { cookie: cookies.admin },
      payload: { kind: 'speech', title: 'Phát biểu', presenters: [{ delegateId: ids.delegate }] },
    })
  ).json().id;
  ids.paper = (
    await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/papers?title=Tham+luan&unitId=${ids.unit}`,
      headers: { cookie: cookies.admin, 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4\n'),
    })
  ).json().id;
  for (const [key, value] of Object.entries(ids)) if (!value) throw new Error(`fixture ${key} missing`);
});

afterAll(async () => {
  if (process.env.FUZZ_STATS) for (const [key, counts] of stats) console.log(key, JSON.stringify(counts));
  await ctx.close();
});

const options = (): SchemaArbitraryOptions => ({
  components: openapi.components?.schemas ?? {},
  ids: Object.values(ids),
});

/** The real id for a path parameter (so the route reaches its service), or a random one. */
function pathParam(route: Route, name: string): fc.Arbitrary<string> {
  const real: Record<string, string | undefined> = {
    eventId: route.path.endsWith('/{eventId}/status') ? ids.otherEvent : ids.event,
    groupId: route.path.startsWith('/api/product-groups') ? ids.productGroup : ids.group,
    delegateId: ids.delegate,
    productId: ids.product,
    unitId: ids.unit,
    userId: ids.victim,
    token: ids.token,
    batchId: ids.batch,
    recipientId: ids.recipient,
    agreementId: ids.agreement,
    boothId: ids.booth,
    itemId: ids.item,
    paperId: ids.paper,
  };
  const random = fc.oneof(
    fc.string({ minLength: 1, maxLength: 70 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.constantFrom(...Object.values(ids), '0', '-1', 'null', 'a'.repeat(65), '%', '..'),
  );
  const value = real[name] ? fc.oneof({ weight: 4, arbitrary: fc.constant(real[name]!) }, random) : random;
  return value.map(encodeLoosely);
}

function urlFor(route: Route): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const query = route.query.length
    ? fc.option(queryString(route.query, options()), { freq: 4 })
    : fc.constant(null);
  return fc.tuple(fc.tuple(...names.map((n) => pathParam(route, n))), query).map(([values, q]) => {
    let url = route.path;
    names.forEach((n, i) => {
      url = url.replace(`{${n}}`, values[i]!);
    });
    return q ? `${url}?${q}` : url;
  });
}

/** The text sent: schema-shaped JSON most of the time, any JSON, or something that is not JSON at all. */
function payloadFor(route: Route): fc.Arbitrary<string | undefined> {
  const body = route.body;
  const shaped = body
    ? fc
        .oneof(
          { weight: 4, arbitrary: validFromSchema(body, options()) },
          { weight: 4, arbitrary: oneFieldWrong(body, options()) },
          { weight: 3, arbitrary: fromSchema(body, options()) },
        )
        .map((v) => JSON.stringify(v))
    : null;
  const anything = anyJson.map((v) => JSON.stringify(v));
  const notJson = fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.constantFrom('{', '{"a":', '[1,', 'nul', '\u0000'),
  );
  if (route.method === 'GET') return fc.constant(undefined);
  return shaped
    ? fc.oneof(
        { weight: 8, arbitrary: shaped },
        { weight: 2, arbitrary: anything },
        { weight: 1, arbitrary: notJson },
      )
    : fc.oneof(anything, notJson);
}

describe.each(['admin', 'organizer'] as const)('API fuzz as %s', (role) => {
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    it(key, async () => {
      await fc.assert(
        fc.asyncProperty(urlFor(route), payloadFor(route), async (url, payload) => {
          const response = await ctx.app.inject({
            method: route.method as 'GET',
            url,
            headers: {
              cookie: cookies[role],
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(payload === undefined ? {} : { payload }),
          });
          const counts = stats.get(`${role} ${key}`) ?? {};
          counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
          stats.set(`${role} ${key}`, counts);
          const where = `${route.method} ${url} ${payload?.slice(0, 300) ?? ''}`;
          expect(response.statusCode, `${where} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
          if (response.statusCode >= 400) {
            const body = response.json();
            expect(ERROR_CODES, where).toContain(body?.error?.code);
            expect(typeof body.error.message, where).toBe('string');
            expect(body.error.message, where).toMatch(VIETNAMESE);
          }
        }),
        { seed: FUZZ_SEED, numRuns: Math.max(1, Math.floor(runsFor(route) * scale)) },
      );
      // Sign-in hashes with argon2 and downloads build PDFs: a wider local run (FUZZ_RUNS) needs the room.
    }, 120_000);
  }
});

describe('after the fuzz', () => {
  it('the app still answers and both sessions still work', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    for (const cookie of Object.values(cookies)) {
      const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
    }
  });
});
