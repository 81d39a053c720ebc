import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit';
import { SYSTEM_ACTOR } from '../auth/actor';
import { changeDelegateStatus, createDelegate } from '../delegates/delegates.service';
import { createTestContext, type TestContext } from '../test/harness';

// Nghị định 13/2023/NĐ-CP: whoever takes a list with personal data out of the system is on record.

let ctx: TestContext;
let organizer = '';
let officer = '';
let eventId = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const unitA = (await ctx.buildUnit({ name: 'Huyện Thọ Xuân' })).id;
  const unitB = (await ctx.buildUnit({ name: 'Huyện Quảng Xương' })).id;
  const start = new Date(Date.now() + 20 * 86_400_000);
  eventId = (
    await ctx.buildEvent({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
    })
  ).id;
  const org = await ctx.buildUser({ username: 'btc-xuat', fullName: 'Phạm Thu Hà' });
  const off = await ctx.buildUser({ username: 'canbo-xuat', fullName: 'Lò Văn Sơn' });
  await ctx.addMember(eventId, org.id, 'organizer');
  await ctx.addMember(eventId, off.id, 'unit_officer', unitA);
  organizer = await ctx.login('btc-xuat');
  officer = await ctx.login('canbo-xuat');
  const people = [
    ['Nguyễn Thị Lan', unitA, '0912000101'],
    ['Hà Văn Dũng', unitA, '0912000102'],
    ['Cao Minh Phúc', unitB, '0912000103'],
  ] as const;
  for (const [fullName, unitId, phone] of people) {
    const d = await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, {
      fullName,
      unitId,
      phone,
    });
    await changeDelegateStatus(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, d.id, 'invited');
  }
});

afterAll(() => ctx?.close());

const exportsRecorded = async () => {
  const response = await ctx.app.inject({
    url: `/api/events/${eventId}/audit?entity=personal_data&action=export&pageSize=100`,
    headers: { cookie: organizer },
  });
  return (response.json() as { items: AuditEntry[] }).items;
};

describe('exports of lists with personal data', () => {
  it.each([
    ['delegates.xlsx', 'GET', 'delegates/export.xlsx', 3],
    ['delegates.docx', 'GET', 'delegates/export.docx', 3],
    ['call-list.xlsx', 'GET', 'replies/call-list.xlsx', 3],
    ['links.xlsx', 'POST', 'invitations/links.xlsx', 3],
    ['checkin-snapshot', 'GET', 'checkin-snapshot', 3],
  ] as const)(
    'record who took %s, of which event, and how many people',
    async (list, method, path, people) => {
      const before = (await exportsRecorded()).length;
      const response = await ctx.app.inject({
        method,
        url: `/api/events/${eventId}/${path}`,
        headers: { cookie: organizer },
      });
      expect(response.statusCode).toBe(200);
      const rows = await exportsRecorded();
      expect(rows).toHaveLength(before + 1);
      expect(rows[0]).toMatchObject({ actorName: 'Phạm Thu Hà', eventId, after: { list, people } });
    },
  );

  it('count only the people a unit officer’s list holds', async () => {
    const response = await ctx.app.inject({
      url: `/api/events/${eventId}/delegates/export.xlsx`,
      headers: { cookie: officer },
    });
    expect(response.statusCode).toBe(200);
    expect((await exportsRecorded())[0]).toMatchObject({
      actorName: 'Lò Văn Sơn',
      after: { list: 'delegates.xlsx', people: 2 },
    });
  });

  it('record nothing when the export is refused', async () => {
    const before = (await exportsRecorded()).length;
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/invitations/links.xlsx`,
      headers: { cookie: officer },
    });
    expect(response.statusCode).toBe(403);
    expect(await exportsRecorded()).toHaveLength(before);
  });
});
