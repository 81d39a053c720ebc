import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createDelegate } from '../delegates/delegates.service';
import { createTestContext, type TestContext } from '../test/harness';
import { redactUrl } from './log-redaction';

const PHONE = '0912345678';
const EMAIL = 'nguyen.van.an@hoanghoa.gov.vn';
let ctx: TestContext;
let cookie = '';
let eventId = '';
const lines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  ctx = await createTestContext({ logger: { level: 'trace', stream } });
  // A failure the error handler logs as unhandled, quoting personal data the way a driver error would.
  ctx.app.get('/api/test/boom', { config: { public: true } }, async () => {
    const error = new Error(`duplicate key value (phone)=(${PHONE}) email ${EMAIL}`);
    Object.assign(error, { detail: `Key (phone)=(${PHONE}) already exists.` });
    throw error;
  });
  const user = await ctx.buildUser({ isAdmin: true });
  cookie = await ctx.login(user.username);
  eventId = (await ctx.buildEvent()).id;
  await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, {
    fullName: 'Nguyễn Văn An',
    phone: PHONE,
    email: EMAIL,
  });
});

afterAll(() => ctx?.close());

describe('logs', () => {
  it('never hold a phone or an email, whatever the request carried', async () => {
    const base = `/api/events/${eventId}/delegates`;
    const requests = [
      ctx.app.inject({ method: 'GET', url: `${base}?q=${PHONE}`, headers: { cookie } }),
      ctx.app.inject({ method: 'GET', url: `${base}?q=0912%20345%20678`, headers: { cookie } }),
      ctx.app.inject({ method: 'GET', url: `${base}?q=0912.345.678&x=1`, headers: { cookie } }),
      ctx.app.inject({ method: 'GET', url: `${base}?q=${encodeURIComponent(EMAIL)}`, headers: { cookie } }),
      ctx.app.inject({
        method: 'POST',
        url: base,
        headers: { cookie },
        payload: { fullName: 'Nguyễn Văn An', phone: PHONE, email: EMAIL },
      }),
      ctx.app.inject({ method: 'GET', url: `/api/test/boom?phone=${PHONE}` }),
      ctx.app.inject({ method: 'GET', url: `/api/khong-co?email=${EMAIL}` }),
    ];
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 409, 500, 404]);
    const log = lines.join('');
    // The capture really holds the requests and the failure: an empty log would pass the checks below.
    expect(log).toContain('/delegates?q=[số]');
    expect(log).toContain('unhandled error');
    expect(log).toContain('[email]');
    for (const secret of [PHONE, '0912 345 678', '0912.345.678', '0912%20345', EMAIL, 'hoanghoa.gov.vn']) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/nguyen\.van\.an|nguyen\.van\.an%40/i);
  });

  it('hide reply tokens, which are credentials', () => {
    expect(redactUrl('/api/replies/abcDEF_123-xyz?x=1')).toBe('/api/replies/[token]?x=1');
    expect(redactUrl('/r/abcDEF_123-xyz')).toBe('/r/[token]');
  });
});
