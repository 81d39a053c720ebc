import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit';
import type { Event } from '../../shared/events';
import type { EraseResult, PersonalData } from '../../shared/privacy';
import type { ReplySummary } from '../../shared/replies';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { changeDelegateStatus, createDelegate, substituteDelegate } from '../delegates/delegates.service';
import { createTestContext, type TestContext } from '../test/harness';
import { eraseExpiredPersonalData } from './privacy.service';

let ctx: TestContext;
let organizer = '';
let officerA = '';
let officerB = '';
let pastEventId = '';
let futureEventId = '';
let unitA = '';
let unitB = '';
const people: { id: string; fullName: string; phone: string; email: string; unitId: string }[] = [];
let substituteId = '';

const ALL = { all: true } as const;
const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const PEOPLE = [
  { fullName: 'Lê Thị Hồng Nhung', phone: '0912345671', email: 'nhung.le@hoanghoa.gov.vn', unit: 'A' },
  { fullName: 'Trịnh Văn Quyết', phone: '0912345672', email: 'quyet.tv@hoanghoa.gov.vn', unit: 'A' },
  { fullName: 'Mai Xuân Bách', phone: '0987654321', email: 'bach.mx@ngason.gov.vn', unit: 'B' },
] as const;
const SUBSTITUTE = { fullName: 'Đỗ Thị Thanh Huyền', phone: '0356789012', email: 'huyen.dt@ngason.gov.vn' };

async function seedEvent(eventId: string, groupTitle: string) {
  const groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: groupTitle });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, {
    seats: [
      { unitId: unitA, quota: 5 },
      { unitId: unitB, quota: 5 },
    ],
  });
  const ids: string[] = [];
  for (const p of PEOPLE) {
    const d = await createDelegate(ctx.handle.db, SYSTEM_ACTOR, ALL, eventId, {
      groupId,
      unitId: p.unit === 'A' ? unitA : unitB,
      fullName: p.fullName,
      position: `Trưởng phòng của ${p.fullName}`,
      phone: p.phone,
      email: p.email,
      notes: `Liên hệ ${p.phone}`,
    });
    ids.push(d.id);
  }
  return ids;
}

beforeAll(async () => {
  ctx = await createTestContext();
  unitA = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa', kind: 'district' })).id;
  unitB = (await ctx.buildUnit({ name: 'Huyện Nga Sơn', kind: 'district' })).id;
  // Ended in 2020: the default 365 days have long passed.
  pastEventId = (await ctx.buildEvent({ personalDataRetentionDays: 365 })).id;
  const start = new Date(Date.now() + 10 * 86_400_000);
  futureEventId = (
    await ctx.buildEvent({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
    })
  ).id;
  const users = [
    ['bantochuc', 'organizer', null],
    ['canbo-a', 'unit_officer', unitA],
    ['canbo-b', 'unit_officer', unitB],
  ] as const;
  for (const [username, role, unitId] of users) {
    const user = await ctx.buildUser({ username });
    await ctx.addMember(pastEventId, user.id, role, unitId);
    await ctx.addMember(futureEventId, user.id, role, unitId);
  }
  [organizer, officerA, officerB] = (await Promise.all(users.map(([u]) => ctx.login(u)))) as [
    string,
    string,
    string,
  ];

  const ids = await seedEvent(pastEventId, 'Đại biểu các huyện');
  for (const [i, p] of PEOPLE.entries()) {
    people.push({ id: ids[i]!, ...p, unitId: p.unit === 'A' ? unitA : unitB });
  }
  await seedEvent(futureEventId, 'Đại biểu các huyện');
  const db = ctx.handle.db;
  await changeDelegateStatus(db, SYSTEM_ACTOR, ALL, pastEventId, people[0]!.id, 'invited');
  await changeDelegateStatus(db, SYSTEM_ACTOR, ALL, pastEventId, people[0]!.id, 'confirmed');
  await changeDelegateStatus(db, SYSTEM_ACTOR, ALL, pastEventId, people[1]!.id, 'invited');
  const link = await call(
    organizer,
    'POST',
    `/api/events/${pastEventId}/delegates/${people[1]!.id}/reply-link`,
  );
  expect(link.statusCode).toBe(201);
  substituteId = (
    await substituteDelegate(db, SYSTEM_ACTOR, ALL, pastEventId, people[2]!.id, {
      fullName: SUBSTITUTE.fullName,
      phone: SUBSTITUTE.phone,
      email: SUBSTITUTE.email,
    })
  ).id;
  const scan = await call(organizer, 'POST', `/api/events/${pastEventId}/checkins`, {
    delegateId: people[0]!.id,
    clientId: 'quet-thu-nghiem-1',
    scannedAt: '2020-11-27T01:05:00.000Z',
    deviceId: 'may-1',
  });
  expect(scan.statusCode).toBeLessThan(300);
});

afterAll(() => ctx?.close());

const personalData = (cookie: string, delegateId: string, query = '') =>
  call(cookie, 'GET', `/api/events/${pastEventId}/delegates/${delegateId}/personal-data${query}`);
const auditOf = async (eventId: string, query: string) =>
  (
    (await call(organizer, 'GET', `/api/events/${eventId}/audit?pageSize=200&${query}`)).json() as {
      items: AuditEntry[];
    }
  ).items;

describe('personal data of one person', () => {
  it('gives the organizer everything held about a delegate, and records who took it', async () => {
    const response = await personalData(organizer, people[0]!.id);
    expect(response.statusCode).toBe(200);
    const data = response.json() as PersonalData;
    expect(data.delegate).toMatchObject({ fullName: PEOPLE[0].fullName, phone: PEOPLE[0].phone });
    expect(data.checkins).toHaveLength(1);
    expect(data.attendance?.checkedInAt).toBe('2020-11-27T01:05:00.000Z');
    expect(data.history.map((h) => h.action)).toEqual(expect.arrayContaining(['create', 'status']));
    const exports = await auditOf(pastEventId, 'entity=personal_data&action=export');
    expect(exports[0]).toMatchObject({
      entityId: people[0]!.id,
      actorName: expect.any(String),
      after: { list: 'personal_data', people: 1 },
    });
  });

  it('lists reply links without their token', async () => {
    const data = (await personalData(organizer, people[1]!.id)).json() as PersonalData;
    expect(data.replyLinks).toHaveLength(1);
    expect(Object.keys(data.replyLinks[0]!)).toEqual(['createdAt', 'revokedAt']);
  });

  it('lets the unit officer of the person’s unit have it, and no other unit’s', async () => {
    expect((await personalData(officerA, people[0]!.id)).statusCode).toBe(200);
    expect((await personalData(officerB, people[0]!.id)).statusCode).toBe(403);
  });

  it('comes as a spreadsheet too', async () => {
    const response = await personalData(organizer, people[0]!.id, '?format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(text).toContain(PEOPLE[0].fullName);
    expect(text).toContain(PEOPLE[0].email);
  });
});

describe('retention period', () => {
  it('is an event setting the organizer edits, 365 days by default', async () => {
    const event = (await call(organizer, 'GET', `/api/events/${futureEventId}`)).json() as Event;
    expect(event.personalDataRetentionDays).toBe(365);
    const updated = await call(organizer, 'PATCH', `/api/events/${futureEventId}`, {
      personalDataRetentionDays: 180,
    });
    expect(updated.statusCode).toBe(200);
    const after = updated.json() as Event;
    expect(after.personalDataRetentionDays).toBe(180);
    expect(Date.parse(after.personalDataErasableFrom) - Date.parse(after.endsAt)).toBe(180 * 86_400_000);
    const tooLong = await call(organizer, 'PATCH', `/api/events/${futureEventId}`, {
      personalDataRetentionDays: 100_000,
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('refuses erasure before it has passed, saying from which day', async () => {
    const response = await call(organizer, 'POST', `/api/events/${futureEventId}/personal-data/erase`);
    expect(response.statusCode).toBe(409);
    const event = (await call(organizer, 'GET', `/api/events/${futureEventId}`)).json() as Event;
    const day = new Intl.DateTimeFormat('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(event.personalDataErasableFrom));
    expect(response.json().error.message).toContain(day);
    const kept = await call(organizer, 'GET', `/api/events/${futureEventId}/delegates?q=nhung`);
    expect(kept.json().total).toBe(1);
  });

  it('leaves erasure to organizers', async () => {
    const response = await call(officerA, 'POST', `/api/events/${pastEventId}/personal-data/erase`);
    expect(response.statusCode).toBe(403);
  });
});

describe('erasure after the retention period', () => {
  const secrets = [
    ...PEOPLE.flatMap((p) => [p.fullName, p.phone, p.email]),
    SUBSTITUTE.fullName,
    SUBSTITUTE.phone,
    SUBSTITUTE.email,
  ];
  const summary = async () =>
    (await call(organizer, 'GET', `/api/events/${pastEventId}/replies/summary`)).json() as ReplySummary;
  let before: ReplySummary;
  let erased: EraseResult;

  beforeAll(async () => {
    // What the day's features hold by name: the MC script's text, a booth's person in charge, a badge code.
    const db = ctx.handle.db;
    const at = '2020-11-20T01:00:00.000Z';
    await db
      .insertInto('mc_scripts')
      .values({
        event_id: pastEventId,
        text: `Về dự Hội nghị có đồng chí ${PEOPLE[0]!.fullName}`,
        generated_at: at,
        previous_text: null,
        previous_generated_at: null,
      })
      .execute();
    await db
      .insertInto('booths')
      .values({
        id: 'gian-hang-1',
        event_id: pastEventId,
        number: 1,
        kind: 'ocop',
        unit_id: unitA,
        grid_x: 0,
        grid_y: 0,
        grid_w: 1,
        grid_h: 1,
        size_text: null,
        person_name: PEOPLE[1]!.fullName,
        person_phone: PEOPLE[1]!.phone,
        setup_at: null,
        teardown_at: null,
        needs_power: 0,
        tables: 1,
        notes: null,
        is_sample: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('badge_tokens')
      .values({
        token_hash: 'b'.repeat(64),
        delegate_id: people[0]!.id,
        event_id: pastEventId,
        created_at: at,
        created_by: null,
      })
      .execute();
    before = await summary();
    const response = await call(organizer, 'POST', `/api/events/${pastEventId}/personal-data/erase`);
    expect(response.statusCode).toBe(200);
    erased = response.json() as EraseResult;
  });

  it('keeps the counts per group, unit and status, and the check-ins', async () => {
    expect(erased.delegates).toBe(4);
    expect(await summary()).toEqual(before);
    const checkins = await ctx.handle.db
      .selectFrom('attendance')
      .select('delegate_id')
      .where('event_id', '=', pastEventId)
      .execute();
    expect(checkins.map((c) => c.delegate_id)).toEqual([people[0]!.id]);
  });

  it('names everyone by a number and leaves no phone, email or name in any table of the event', async () => {
    const list = (
      await call(organizer, 'GET', `/api/events/${pastEventId}/delegates?pageSize=200`)
    ).json() as {
      items: { fullName: string; phone: string | null; email: string | null; position: string | null }[];
    };
    expect(list.items.map((d) => d.fullName).sort()).toEqual(
      ['Đại biểu 1', 'Đại biểu 2', 'Đại biểu 3', 'Đại biểu 4'].sort(),
    );
    expect(list.items.every((d) => d.phone === null && d.email === null && d.position === null)).toBe(true);
    const db = ctx.handle.db;
    const tables = [
      'events',
      'delegates',
      'delegate_terms',
      'reply_tokens',
      'invitations',
      'document_jobs',
      'checkins',
      'attendance',
      'seat_assignments',
      'award_batches',
      'award_recipients',
      'composition_groups',
      'audit_log',
      'mc_scripts',
      'booths',
      'badge_tokens',
      'agreement_parties',
      'program_presenters',
    ] as const;
    const dump: string[] = [];
    for (const table of tables) {
      const column = table === 'events' ? 'id' : 'event_id';
      // biome-ignore lint/suspicious/noExplicitAny: one scan over tables of different shapes
      const rows = await (db as any).selectFrom(table).selectAll().where(column, '=', pastEventId).execute();
      dump.push(JSON.stringify(rows));
    }
    const text = dump.join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
    // Folded and digit-only forms too: the search terms and keys held them so.
    expect(text).not.toMatch(/nhung|quyet|bach|huyen|091234567/);
    // The badge's check-in code went with the person; the booth stays, without its contact.
    expect(
      await db.selectFrom('badge_tokens').select('token_hash').where('event_id', '=', pastEventId).execute(),
    ).toEqual([]);
    expect(
      await db
        .selectFrom('booths')
        .select(['number', 'person_name'])
        .where('event_id', '=', pastEventId)
        .execute(),
    ).toEqual([{ number: 1, person_name: null }]);
  });

  it('stops the reply links and the search', async () => {
    const tokens = await ctx.handle.db
      .selectFrom('reply_tokens')
      .select('revoked_at')
      .where('event_id', '=', pastEventId)
      .execute();
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.revoked_at !== null)).toBe(true);
    const search = await call(organizer, 'GET', `/api/events/${pastEventId}/delegates?q=0912`);
    expect(search.json().total).toBe(0);
  });

  it('is recorded, shown on the event, and not done twice', async () => {
    const rows = await auditOf(pastEventId, 'entity=personal_data&action=erase');
    expect(rows[0]).toMatchObject({ after: { delegates: 4 } });
    const event = (await call(organizer, 'GET', `/api/events/${pastEventId}`)).json() as Event;
    expect(event.personalDataErasedAt).toBe(erased.erasedAt);
    const again = await call(organizer, 'POST', `/api/events/${pastEventId}/personal-data/erase`);
    expect(again.statusCode).toBe(409);
  });

  it('leaves the other event untouched', async () => {
    const kept = await call(organizer, 'GET', `/api/events/${futureEventId}/delegates?q=nhung`);
    expect(kept.json().total).toBe(1);
    expect(substituteId).not.toBe('');
  });
});

describe('erase-expired (the command line)', () => {
  it('erases every event whose period has passed and no other', async () => {
    const other = await ctx.buildEvent({ personalDataRetentionDays: 30 });
    await createDelegate(ctx.handle.db, SYSTEM_ACTOR, ALL, other.id, {
      unitId: unitA,
      fullName: 'Hoàng Minh Tuấn',
      phone: '0977000111',
    });
    const results = await eraseExpiredPersonalData(ctx.handle.db, SYSTEM_ACTOR);
    expect(results.map((r) => r.eventId)).toEqual([other.id]);
    const left = await ctx.handle.db
      .selectFrom('delegates')
      .select(['full_name', 'phone'])
      .where('event_id', '=', other.id)
      .execute();
    expect(left).toEqual([{ full_name: 'Đại biểu 1', phone: null }]);
    const future = await ctx.handle.db
      .selectFrom('events')
      .select('erased_at')
      .where('id', '=', futureEventId)
      .executeTakeFirstOrThrow();
    expect(future.erased_at).toBeNull();
  });
});
