import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boldRunStarting, documentXml } from '../test/documents';
import { createTestContext, type TestContext } from '../test/harness';

const SEED = readFileSync(
  join(import.meta.dirname, '..', 'demo', 'ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt'),
  'utf8',
);

let ctx: TestContext;
let organizer: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const user = await ctx.buildUser({ username: 'bantochuc' });
  const home = await ctx.buildEvent();
  await ctx.addMember(home.id, user.id, 'organizer');
  organizer = await ctx.login('bantochuc');
});
afterAll(() => ctx.close());

const post = (url: string, payload: object | Buffer | string, contentType = 'application/json') =>
  ctx.app.inject({
    method: 'POST',
    url,
    headers: { cookie: organizer, 'content-type': contentType },
    payload,
  });

describe('plans over HTTP', () => {
  it('parses pasted text and an uploaded DOCX into the same draft', async () => {
    const fromText = await post('/api/plans/parse', { text: SEED });
    expect(fromText.statusCode).toBe(200);
    expect(fromText.json().draft.compositionTotal).toBe(268);

    const docx = await Packer.toBuffer(
      new Document({
        sections: [{ children: SEED.split('\n').map((line) => new Paragraph({ text: line })) }],
      }),
    );
    const fromDocx = await post(
      '/api/plans/parse',
      Buffer.from(docx),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(fromDocx.statusCode).toBe(200);
    expect(fromDocx.json().draft.event.partners).toHaveLength(11);
    expect(fromDocx.json().draft.tasks).toHaveLength(7);
  });

  it('refuses what is not a conference document, with a Vietnamese message', async () => {
    const shopping = await post('/api/plans/parse', 'Danh sách mua hàng: táo, cam', 'text/plain');
    expect(shopping.statusCode).toBe(422);
    expect(shopping.json().error.message).toContain('Không nhận ra văn bản về hội nghị');
    const noText = await post('/api/plans/parse', { body: 'x' });
    expect(noText.statusCode).toBe(400);
    expect(noText.json().error.details[0].field).toBe('text');
  });

  it('creates an event with its plan contents in one step, and replaces them later', async () => {
    const { draft, text } = (await post('/api/plans/parse', { text: SEED })).json();
    const created = await post('/api/events/from-plan', {
      event: {
        name: draft.event.name,
        startsAt: '2020-11-27T08:00:00+07:00',
        endsAt: '2020-11-27T11:30:00+07:00',
        venueName: draft.event.venue,
        expectedAttendees: draft.event.expectedAttendees,
        timeText: draft.event.time.text,
      },
      contents: {
        composition: draft.composition,
        program: draft.program,
        sideActivities: draft.sideActivities,
        tasks: draft.tasks,
        legalBases: draft.legalBases,
        recipients: draft.recipients,
      },
      planText: text,
    });
    expect(created.statusCode).toBe(201);
    const eventId = created.json().id;
    const contents = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/events/${eventId}/plan-contents`,
        headers: { cookie: organizer },
      })
    ).json();
    expect(contents.composition).toHaveLength(4);
    expect(contents.composition[2].children[0]).toMatchObject({ count: 81, perUnit: 3, unitCount: 27 });
    expect(contents.program[5].children).toHaveLength(5);
    expect(contents.tasks.map((t: { unit: string }) => t.unit)).toHaveLength(7);
    expect(contents.tasks[0].duties).toHaveLength(5);
    expect(contents.planText).toBe(text);

    const replaced = await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/${eventId}/plan-contents`,
      headers: { cookie: organizer },
      payload: { ...contents, program: [{ title: 'Khai mạc', start: '08:00', end: '08:15' }] },
    });
    expect(replaced.statusCode).toBe(200);
    const after = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/events/${eventId}/plan-contents`,
        headers: { cookie: organizer },
      })
    ).json();
    expect(after.program).toEqual([
      { title: 'Khai mạc', start: '08:00', end: '08:15', session: null, children: [] },
    ]);
    expect(after.composition).toEqual(contents.composition);

    const badTime = await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/${eventId}/plan-contents`,
      headers: { cookie: organizer },
      payload: { program: [{ title: 'Khai mạc', start: '25:00' }] },
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.details[0]).toMatchObject({
      field: 'program.0.start',
      message: 'Giờ có dạng HH:MM',
    });
  });

  it('applies a later plan to an existing event: fields, contents and text together, or nothing', async () => {
    const event = await ctx.buildEvent({ name: 'Hội nghị cũ' });
    const user = (
      await ctx.handle.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'bantochuc')
        .executeTakeFirstOrThrow()
    ).id;
    await ctx.addMember(event.id, user, 'organizer');
    const applied = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/apply-plan`,
      headers: { cookie: organizer },
      payload: {
        event: { name: 'Hội nghị mới', venueName: 'Hội trường 25B', expectedAttendees: 300 },
        contents: {
          composition: [{ title: 'Đại biểu tỉnh', count: 12 }],
          program: [{ title: 'Khai mạc', start: '08:00' }],
        },
        planText: 'KẾ HOẠCH …',
      },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({
      name: 'Hội nghị mới',
      venueName: 'Hội trường 25B',
      expectedAttendees: 300,
    });
    const contents = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/events/${event.id}/plan-contents`,
        headers: { cookie: organizer },
      })
    ).json();
    expect(contents.composition).toEqual([
      { title: 'Đại biểu tỉnh', count: 12, perUnit: null, unitCount: null, children: [] },
    ]);

    // An invalid event part leaves the contents as they were.
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/apply-plan`,
      headers: { cookie: organizer },
      payload: { event: { endsAt: '2000-01-01T00:00:00Z' }, contents: { composition: [] } },
    });
    expect(refused.statusCode).toBe(400);
    const still = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/events/${event.id}/plan-contents`,
        headers: { cookie: organizer },
      })
    ).json();
    expect(still.composition).toHaveLength(1);
  });

  it('writes nothing when the event part of a plan is invalid', async () => {
    const before = await ctx.handle.db
      .selectFrom('composition_groups')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await post('/api/events/from-plan', {
      event: { name: 'Hội nghị', startsAt: '2021-01-05T04:00:00Z', endsAt: '2021-01-05T01:00:00Z' },
      contents: { composition: [{ title: 'Đại biểu', count: 5 }] },
    });
    expect(bad.statusCode).toBe(400);
    const after = await ctx.handle.db
      .selectFrom('composition_groups')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a task naming a unit that is not in the catalogue (was a foreign-key 500)', async () => {
    const event = await ctx.buildEvent();
    const user = await ctx.buildUser();
    await ctx.addMember(event.id, user.id, 'organizer');
    const cookie = await ctx.login(user.username);
    const tasks = [{ unit: 'Sở Tài chính', unitId: 'khong-co-don-vi-nay', duties: ['Bố trí kinh phí'] }];
    const replaced = await ctx.app.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/plan-contents`,
      headers: { cookie },
      payload: { tasks },
    });
    expect(replaced.statusCode).toBe(400);
    expect(replaced.json().error.details).toEqual([
      { field: 'tasks.0.unitId', message: 'Không tìm thấy đơn vị' },
    ]);
    const created = await post('/api/events/from-plan', {
      event: { name: 'Hội nghị', startsAt: '2021-01-05T01:00:00Z', endsAt: '2021-01-05T04:00:00Z' },
      contents: { tasks },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0].field).toBe('tasks.0.unitId');
  });
});

describe('writing the plan back', () => {
  it('exports the demo event as a Kế hoạch DOCX that parses back to the same plan', async () => {
    const { seedDemo } = await import('../demo/demo.service');
    const { findEventsForActor } = await import('../events/events.service');
    const { SYSTEM_ACTOR } = await import('../auth/actor');
    const { default: mammoth } = await import('mammoth');
    const { parsePlanDocument, parsePlanText } = await import('./plans.service');
    // A database of its own: the demo loads only where there is no event yet.
    const fresh = await createTestContext();
    await seedDemo(fresh.handle.db);
    const demo = (await findEventsForActor(fresh.handle.db, SYSTEM_ACTOR)).find((e) => e.isDemo)!;
    await fresh.buildUser({ username: 'quantri', isAdmin: true });
    const admin = await fresh.login('quantri');

    const response = await fresh.app.inject({
      method: 'GET',
      url: `/api/events/${demo.id}/plan.docx`,
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Nơi nhận:');

    // The paragraph between the legal bases and section I, and the plan's own closing paragraph, come back.
    expect(text).toContain(
      'Trên cơ sở báo cáo và đề xuất tại Công văn số 596/VPĐP-OCOP ngày 26/10/2020 của Văn phòng Điều phối xây dựng NTM tỉnh',
    );
    expect(text).toContain('gồm các nội dung sau:');
    expect(text).toContain('Trong quá trình triển khai, tổ chức thực hiện,');
    expect(text).toContain('báo cáo UBND tỉnh xem xét, giải quyết./.');
    // Item 7.4 is bold like 7.1–7.3.
    const xml = await documentXml(response.rawPayload);
    for (const item of ['7.1.', '7.2.', '7.3.', '7.4.']) expect(boldRunStarting(xml, item)).toBe(true);

    // Parse the seed → write DOCX → parse the DOCX: the same draft, field by field (where each came from aside).
    const original = parsePlanText(SEED).draft;
    const again = (await parsePlanDocument(response.rawPayload)).draft;
    const comparable = (draft: typeof original) => {
      const {
        sources: _s,
        warnings: _w,
        ...rest
      } = JSON.parse(JSON.stringify(draft, (key, value) => (key === 'source' ? undefined : value)));
      return rest as Omit<typeof original, 'sources' | 'warnings'>;
    };
    const [before, after] = [comparable(original), comparable(again)];
    for (const field of Object.keys(before) as (keyof typeof before)[]) {
      expect({ field, value: after[field] }).toEqual({ field, value: before[field] });
    }
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    await fresh.close();
  });
});
