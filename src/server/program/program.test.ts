import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delegate } from '../../shared/delegates';
import type { Event } from '../../shared/events';
import type { HallState, McScriptVersion, Program, ProgramItem } from '../../shared/program';
import { seedDemo } from '../demo/demo.service';
import { extractDocumentText } from '../documents/text-extract';
import { createTestContext, type TestContext } from '../test/harness';
import { sseEvents } from '../test/sse';

// The demo conference through the real app: its program from the seed plan, the MC script as the hall fills,
// editing and timing the program, and the hall screen over SSE.

let ctx: TestContext;
let organizer = '';
let desk = '';
let officer = '';
let eventId = '';
let event: Event;
let people: Delegate[] = [];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const program = async () =>
  (await call(organizer, 'GET', `/api/events/${eventId}/program`)).json() as Program;
const scriptText = async () => {
  const response = await call(organizer, 'GET', `/api/events/${eventId}/mc-script.docx`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('wordprocessingml');
  return (await extractDocumentText(response.rawPayload)).replace(/\s+/g, ' ');
};
let clientCounter = 0;
const scan = (delegateId: string) =>
  call(desk, 'POST', `/api/events/${eventId}/checkins`, {
    delegateId,
    clientId: `program-test-${++clientCounter}`,
    scannedAt: new Date().toISOString(),
    deviceId: 'desk-1',
  });
const all = (items: ProgramItem[]): ProgramItem[] => items.flatMap((i) => [i, ...all(i.children)]);

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.handle.db);
  eventId = (await ctx.handle.db.selectFrom('events').select('id').executeTakeFirstOrThrow()).id;
  const user = await ctx.buildUser({ username: 'btc-chuong-trinh' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-chuong-trinh');
  const reception = await ctx.buildUser({ username: 'le-tan-chuong-trinh' });
  await ctx.addMember(eventId, reception.id, 'checkin');
  desk = await ctx.login('le-tan-chuong-trinh');
  const unitUser = await ctx.buildUser({ username: 'can-bo-don-vi-ct' });
  const someUnit = (
    await ctx.handle.db
      .selectFrom('units')
      .select('id')
      .where('kind', '=', 'district')
      .executeTakeFirstOrThrow()
  ).id;
  await ctx.addMember(eventId, unitUser.id, 'unit_officer', someUnit);
  officer = await ctx.login('can-bo-don-vi-ct');
  event = (await call(organizer, 'GET', `/api/events/${eventId}`)).json() as Event;
  people = (
    await call(organizer, 'GET', `/api/events/${eventId}/delegates?sort=protocol&pageSize=200&page=1`)
  ).json().items as Delegate[];
  const second = (
    await call(organizer, 'GET', `/api/events/${eventId}/delegates?sort=protocol&pageSize=200&page=2`)
  ).json().items as Delegate[];
  people = [...people, ...second];
}, 120_000);
afterAll(() => ctx.close());

/** Confirmed department leaders (Phó Giám đốc Sở …) who have no role in the program. */
async function leadersWithoutRole(): Promise<Delegate[]> {
  const roles = new Set(all((await program()).items).flatMap((i) => i.presenters.map((p) => p.delegateId)));
  return people.filter(
    (d) =>
      d.status === 'confirmed' &&
      d.protocolRank <= 160 &&
      /Sở /.test(d.organization ?? d.unitName ?? '') &&
      !roles.has(d.id),
  );
}

describe('the demo program from the seed plan', () => {
  it("has the plan's nine items, the speeches item with its five categories, all within the event", async () => {
    const p = await program();
    expect(p.items).toHaveLength(9);
    const speeches = p.items.find((i) => i.children.length > 0)!;
    expect(speeches.title).toMatch(/Phát biểu của các đại biểu/);
    expect(speeches.children).toHaveLength(5);
    expect(p.items.map((i) => i.kind)).toEqual([
      'registration',
      'ceremony',
      'leader_speech',
      'report',
      'clip',
      'speech',
      'award',
      'signing',
      'closing',
    ]);
    for (const item of all(p.items)) {
      expect(item.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(item.startsAt >= event.startsAt).toBe(true);
      expect(item.endsAt <= event.endsAt).toBe(true);
      expect(item.isSample).toBe(true);
      for (const key of [
        'id',
        'position',
        'kind',
        'title',
        'startsAt',
        'durationMinutes',
        'presenters',
        'children',
      ])
        expect(item).toHaveProperty(key);
    }
    expect(p.items[0]!.startsAt).toBe(event.startsAt);
    expect(p.endsAt).toBe(event.endsAt);
    expect(p.warnings).toEqual([]);
    // Every speech slot is bound to a real delegate of the event.
    for (const child of speeches.children) {
      expect(child.presenters).toHaveLength(1);
      expect(people.some((d) => d.id === child.presenters[0]!.delegateId)).toBe(true);
    }
  });

  it('lets every role of the event read the program, but only organizers change it', async () => {
    expect((await call(officer, 'GET', `/api/events/${eventId}/program`)).statusCode).toBe(200);
    const item = (await program()).items[4]!;
    expect(
      (
        await call(officer, 'PATCH', `/api/events/${eventId}/program/items/${item.id}`, {
          durationMinutes: 5,
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(officer, 'GET', `/api/events/${eventId}/mc-script.docx`)).statusCode).toBe(403);
  });
});

describe('the MC script', () => {
  it('before check-in names confirmed leaders as expected, and the speakers with their papers', async () => {
    const text = await scriptText();
    const [leader] = await leadersWithoutRole();
    expect(text).toContain(`đồng chí ${leader!.fullName}, ${leader!.position}`);
    expect(text).toMatch(/trước giờ điểm danh/);
    expect(text).toContain('(dự kiến)');
    // A leader only invited (no answer yet) and without a role is not introduced.
    const invitedOnly = people.find(
      (d) => d.status === 'invited' && d.protocolRank <= 160 && /Sở /.test(d.organization ?? ''),
    );
    if (invitedOnly) expect(text).not.toContain(invitedOnly.fullName);
    expect(text).toContain('Xây dựng thương hiệu mật ong Hưởng Hoa');
    // The signing item reads the ceremony's rounds from the agreements, pair by pair.
    expect(text).toContain('Tiếp theo chương trình là phần ký kết. Xin trân trọng kính mời: Lượt 1:');
    expect(text).toContain('bên tiêu thụ Đỗ Văn Quân, Giám đốc, Siêu thị Co.opmart Thanh Hóa (Saigon Co.op)');
    expect(text).toMatch(/Lượt 2: - Hợp đồng tiêu thụ cam Như Xuân qua hệ thống WinMart/);
  });

  it('after check-in begins names only the leaders in the hall, and shows what changed', async () => {
    const [present, absent] = await leadersWithoutRole();
    expect((await scan(present!.id)).statusCode).toBe(200);
    const text = await scriptText();
    expect(text).toContain(`đồng chí ${present!.fullName}`);
    expect(text).not.toContain(absent!.fullName);
    expect(text).not.toContain('(dự kiến)');
    // A speaker not yet checked in is still named (they have a role), with a warning for the MC.
    expect(text).toMatch(/chưa điểm danh — kiểm tra trước khi mời/);

    expect((await scan(absent!.id)).statusCode).toBe(200);
    const version = (
      await call(organizer, 'POST', `/api/events/${eventId}/mc-script`)
    ).json() as McScriptVersion;
    expect(version.text).toContain(absent!.fullName);
    expect(version.previousText).not.toContain(absent!.fullName);
    const added = version.changes
      .filter((c) => c.added)
      .map((c) => c.value)
      .join('\n');
    expect(added).toContain(absent!.fullName);
  });

  it('introduces a substitute as standing in for the leader who sent them', async () => {
    const [, , sender] = await leadersWithoutRole();
    const response = await call(desk, 'POST', `/api/events/${eventId}/checkins/substitute`, {
      delegateId: sender!.id,
      fullName: 'Trương Văn Thế',
      position: 'Trưởng phòng',
      clientId: 'program-test-substitute',
      scannedAt: new Date().toISOString(),
      deviceId: 'desk-1',
    });
    expect(response.statusCode).toBe(200);
    const text = await scriptText();
    expect(text).toContain(`Trương Văn Thế, Trưởng phòng`);
    expect(text).toContain(`thay mặt đồng chí ${sender!.fullName}`);
  });

  it('reads award batches with their presenter and only the recipients present', async () => {
    const text = await scriptText();
    expect(text).toMatch(/Đợt 1: Xin trân trọng kính mời/);
    expect(text).toMatch(/chủ thể vắng mặt, chưa có người nhận thay/);
  });
});

describe('editing and timing the program', () => {
  it('recomputes times when items are reordered, and refuses an order that misses an item', async () => {
    const before = await program();
    const ids = before.items.map((i) => i.id);
    const [clip, speeches] = [before.items[4]!, before.items[5]!];
    const swapped = [...ids.slice(0, 4), speeches.id, clip.id, ...ids.slice(6)];
    const response = await call(organizer, 'PUT', `/api/events/${eventId}/program/order`, {
      parentId: null,
      ids: swapped,
    });
    expect(response.statusCode).toBe(200);
    const after = response.json() as Program;
    expect(after.items.map((i) => i.id)).toEqual(swapped);
    expect(after.items[4]!.startsAt).toBe(clip.startsAt);
    expect(after.items[5]!.startsAt).toBe(
      new Date(Date.parse(clip.startsAt) + speeches.durationMinutes * 60_000).toISOString(),
    );
    // The speeches' parts move with them.
    expect(after.items[4]!.children[0]!.startsAt).toBe(clip.startsAt);
    const bad = await call(organizer, 'PUT', `/api/events/${eventId}/program/order`, {
      parentId: null,
      ids: swapped.slice(1),
    });
    expect(bad.statusCode).toBe(400);
    await call(organizer, 'PUT', `/api/events/${eventId}/program/order`, { parentId: null, ids });
  });

  it('warns when the day overruns the event or a part overruns its item', async () => {
    const p = await program();
    const report = p.items[3]!;
    const patched = await call(organizer, 'PATCH', `/api/events/${eventId}/program/items/${report.id}`, {
      durationMinutes: 60,
    });
    expect(patched.statusCode).toBe(200);
    expect((patched.json() as ProgramItem).isSample).toBe(false);
    const after = await program();
    expect(after.warnings.some((w) => w.code === 'overrun')).toBe(true);
    expect(after.endsAt > event.endsAt).toBe(true);
    const speeches = after.items[5]!;
    await call(organizer, 'PATCH', `/api/events/${eventId}/program/items/${speeches.id}`, {
      durationMinutes: 30,
    });
    const squeezed = await program();
    expect(squeezed.warnings.find((w) => w.code === 'children_overrun')?.itemId).toBe(speeches.id);
    await call(organizer, 'PATCH', `/api/events/${eventId}/program/items/${report.id}`, {
      durationMinutes: 25,
    });
    await call(organizer, 'PATCH', `/api/events/${eventId}/program/items/${speeches.id}`, {
      durationMinutes: 65,
    });
    expect((await program()).warnings.filter((w) => w.code.endsWith('overrun'))).toEqual([]);
  });

  it('warns when a presenter has declined', async () => {
    const declined = people.find((d) => d.status === 'declined')!;
    const created = await call(organizer, 'POST', `/api/events/${eventId}/program/items`, {
      kind: 'paper',
      title: 'Tham luận bổ sung',
      durationMinutes: 0,
      presenters: [{ delegateId: declined.id }],
    });
    expect(created.statusCode).toBe(201);
    const item = created.json() as ProgramItem;
    expect(item.presenters[0]!.name).toBe(declined.fullName);
    const warnings = (await program()).warnings;
    expect(warnings.find((w) => w.itemId === item.id)?.code).toBe('presenter_declined');
    const foreign = await call(organizer, 'POST', `/api/events/${eventId}/program/items`, {
      kind: 'speech',
      title: 'Người ngoài',
      presenters: [{ delegateId: 'khong-co' }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      (await call(organizer, 'DELETE', `/api/events/${eventId}/program/items/${item.id}`)).statusCode,
    ).toBe(200);
    expect((await program()).items).toHaveLength(9);
  });

  it('prints the program as DOCX and PDF', async () => {
    const docx = await call(organizer, 'GET', `/api/events/${eventId}/program.docx`);
    expect(docx.statusCode).toBe(200);
    const text = await extractDocumentText(docx.rawPayload);
    expect(text).toContain('CHƯƠNG TRÌNH');
    expect(text).toContain('8h00 - 8h15');
    const pdf = await call(organizer, 'GET', `/api/events/${eventId}/program.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the hall screen', () => {
  it('advances "now / next" over the live feed when the organizer presses next', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/events/${eventId}/program/now/live`, {
      headers: { cookie: desk, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const nextHall = sseEvents<HallState>(response, 'hall');
    const p = await program();
    const first = await nextHall();
    expect(first.current).toBeNull();
    expect(first.next?.id).toBe(p.items[0]!.id);

    expect(
      (await call(organizer, 'POST', `/api/events/${eventId}/program/now`, { action: 'next' })).statusCode,
    ).toBe(200);
    const second = await nextHall();
    expect(second.current?.id).toBe(p.items[0]!.id);
    expect(second.next?.id).toBe(p.items[1]!.id);

    await call(desk, 'POST', `/api/events/${eventId}/program/now`, { action: 'next' });
    const third = await nextHall();
    expect(third.current?.id).toBe(p.items[1]!.id);
    // The MC's page for the ceremony: the introductions.
    expect(third.page?.lines.join(' ')).toMatch(/Về dự Hội nghị hôm nay/);
    controller.abort();

    expect(
      (await call(officer, 'POST', `/api/events/${eventId}/program/now`, { action: 'next' })).statusCode,
    ).toBe(403);
    expect(
      (
        await call(organizer, 'POST', `/api/events/${eventId}/program/now`, {
          action: 'set',
          itemId: 'khong-co',
        })
      ).statusCode,
    ).toBe(400);
  });
});
