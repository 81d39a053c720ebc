import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { issueReplyLink } from '../replies/replies.service';
import { createTestContext, type TestContext } from '../test/harness';

// The harness's event runs 27/11/2020 08:00–11:30 in Vietnam (01:00–04:30 UTC).
let ctx: TestContext;
let desk = '';
let eventId = '';
let groupId = '';
let unitId = '';

const post = (url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url: `/api/events/${eventId}${url}`, headers: { cookie: desk }, payload });

async function person(fullName: string) {
  return (
    await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, { groupId, unitId, fullName })
  ).id;
}
const attendanceOf = (delegateId: string) =>
  ctx.handle.db
    .selectFrom('attendance')
    .select(['checked_in_at', 'checkin_id'])
    .where('event_id', '=', eventId)
    .where('delegate_id', '=', delegateId)
    .executeTakeFirst();
const scansOf = async (delegateId: string) =>
  (
    await ctx.handle.db
      .selectFrom('checkins')
      .select('client_id')
      .where('event_id', '=', eventId)
      .where('delegate_id', '=', delegateId)
      .execute()
  ).length;

beforeAll(async () => {
  ctx = await createTestContext();
  unitId = (await ctx.buildUnit({ name: 'Huyện Nga Sơn' })).id;
  eventId = (await ctx.buildEvent()).id;
  const staff = await ctx.buildUser({ username: 'le-tan' });
  await ctx.addMember(eventId, staff.id, 'checkin');
  desk = await ctx.login('le-tan');
  groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: 'Lãnh đạo huyện' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, { seats: [{ unitId, quota: 100 }] });
});
afterAll(() => ctx.close());

describe('a client id used for another person', () => {
  it('is refused with 409 naming the first person; the same person again stays idempotent', async () => {
    const first = await person('Mai Văn Một');
    const second = await person('Trịnh Thị Hai');
    const scan = { clientId: 'may-1-trung-001', scannedAt: '2020-11-27T01:05:00.000Z', deviceId: 'may-1' };
    const accepted = await post('/checkins', { ...scan, delegateId: first });
    expect(accepted.statusCode).toBe(200);

    const reused = await post('/checkins', { ...scan, delegateId: second });
    expect(reused.statusCode).toBe(409);
    const { error } = reused.json();
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Mai Văn Một');
    expect(error.details).toEqual([{ field: 'clientId', message: error.message }]);
    expect(await attendanceOf(second)).toBeUndefined();
    expect(await scansOf(second)).toBe(0);

    // By QR too, the token of the second person under the first person's client id.
    const { token } = await issueReplyLink(
      ctx.handle.db,
      ctx.secretKey,
      SYSTEM_ACTOR,
      { all: true },
      eventId,
      second,
    );
    expect((await post('/checkins', { ...scan, token })).statusCode).toBe(409);

    const retry = await post('/checkins', { ...scan, delegateId: first });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(accepted.json());
    expect(await scansOf(first)).toBe(1);
  });

  it('in a batch, that scan is answered as a conflict and the others go through', async () => {
    const first = await person('Lê Văn Ba');
    const second = await person('Lê Thị Bốn');
    const third = await person('Lê Văn Năm');
    const at = '2020-11-27T01:10:00.000Z';
    await post('/checkins', {
      delegateId: first,
      clientId: 'may-2-lo-00001',
      scannedAt: at,
      deviceId: 'may-2',
    });
    const response = await post('/checkins/batch', {
      checkins: [
        { delegateId: second, clientId: 'may-2-lo-00001', scannedAt: at, deviceId: 'may-2' },
        { delegateId: third, clientId: 'may-2-lo-00002', scannedAt: at, deviceId: 'may-2' },
        { delegateId: first, clientId: 'may-2-lo-00001', scannedAt: at, deviceId: 'may-2' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const [conflicting, fresh, retried] = response.json().results;
    expect(conflicting).toMatchObject({
      clientId: 'may-2-lo-00001',
      result: null,
      error: { code: 'CONFLICT' },
    });
    expect(conflicting.error.message).toContain('Lê Văn Ba');
    expect(fresh).toMatchObject({ result: { status: 'checked_in', delegate: { id: third } }, error: null });
    expect(retried).toMatchObject({ result: { status: 'checked_in', delegate: { id: first } }, error: null });
    expect(await attendanceOf(second)).toBeUndefined();
  });
});

describe('the scan time', () => {
  it('refuses a phone clock of 1970 or 2999 with 400 on scannedAt, storing nothing', async () => {
    const id = await person('Đào Văn Đồng');
    for (const scannedAt of ['1970-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z']) {
      const response = await post('/checkins', {
        delegateId: id,
        clientId: `may-3-${scannedAt.slice(0, 4)}-1`,
        scannedAt,
        deviceId: 'may-3',
      });
      expect(response.statusCode, scannedAt).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([{ field: 'scannedAt', message: error.message }]);
      expect(error.message).toMatch(/^Giờ quét \(.+\) (nằm ngoài thời gian hội nghị|muộn hơn giờ hiện tại)/);
      expect(error.message).toContain('đồng hồ của máy quét có thể bị sai');
    }
    expect(await scansOf(id)).toBe(0);
    expect(await attendanceOf(id)).toBeUndefined();
  });

  it('a wrong clock does not take the check-in from an honest earlier scan', async () => {
    const id = await person('Hà Thị Đúng');
    const honest = await post('/checkins', {
      delegateId: id,
      clientId: 'may-4-dung-0001',
      scannedAt: '2020-11-27T01:20:00.000Z',
      deviceId: 'may-4',
    });
    expect(honest.statusCode).toBe(200);
    const batch = await post('/checkins/batch', {
      checkins: [
        {
          delegateId: id,
          clientId: 'may-5-sai-00001',
          scannedAt: '1970-01-01T07:00:00+07:00',
          deviceId: 'may-5',
        },
      ],
    });
    expect(batch.json().results[0]).toMatchObject({ result: null, error: { code: 'VALIDATION_FAILED' } });
    expect(await attendanceOf(id)).toMatchObject({ checked_in_at: '2020-11-27T01:20:00.000Z' });
    expect(await scansOf(id)).toBe(1);
  });

  it('believes the day before and after the event, and the present by the server clock within tolerance', async () => {
    const scanAt = async (scannedAt: string, suffix: string) =>
      (
        await post('/checkins', {
          delegateId: await person(`Ngô Văn ${suffix}`),
          clientId: `may-6-${suffix}-0001`,
          scannedAt,
          deviceId: 'may-6',
        })
      ).statusCode;
    expect(await scanAt('2020-11-26T02:00:00.000Z', 'truoc')).toBe(200);
    expect(await scanAt('2020-11-28T03:00:00.000Z', 'sau')).toBe(200);
    expect(await scanAt('2020-11-25T00:00:00.000Z', 'som')).toBe(400);
    expect(await scanAt('2020-11-29T00:00:00.000Z', 'muon')).toBe(400);
    // The event's dates are past, but a scan made now (a rehearsal, a moved conference) is believed.
    expect(await scanAt(new Date().toISOString(), 'nay')).toBe(200);
    expect(await scanAt(new Date(Date.now() + 60_000).toISOString(), 'nhanh')).toBe(200);
    expect(await scanAt(new Date(Date.now() + 3600_000).toISOString(), 'vuot')).toBe(400);
  });

  it('a walk-in or a substitute with a wrong clock is refused before anyone is registered', async () => {
    const walkIn = await post('/checkins/walk-in', {
      fullName: 'Phóng Viên Sai Giờ',
      reason: 'Đưa tin',
      clientId: 'walk-sai-00001',
      scannedAt: '1970-01-01T00:00:00.000Z',
      deviceId: 'may-7',
    });
    expect(walkIn.statusCode).toBe(400);
    expect(walkIn.json().error.details[0].field).toBe('scannedAt');
    const absent = await person('Vắng Văn Mặt');
    const substitute = await post('/checkins/substitute', {
      delegateId: absent,
      fullName: 'Người Thay Sai Giờ',
      clientId: 'sub-sai-000001',
      scannedAt: '2999-01-01T00:00:00.000Z',
      deviceId: 'may-7',
    });
    expect(substitute.statusCode).toBe(400);
    const names = await ctx.handle.db
      .selectFrom('delegates')
      .select(['full_name', 'status'])
      .where('event_id', '=', eventId)
      .where('full_name', 'in', ['Phóng Viên Sai Giờ', 'Người Thay Sai Giờ', 'Vắng Văn Mặt'])
      .execute();
    expect(names).toEqual([{ full_name: 'Vắng Văn Mặt', status: expect.not.stringMatching('replaced') }]);
  });
});
