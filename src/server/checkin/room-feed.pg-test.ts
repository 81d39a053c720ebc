import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createDb, type DbHandle } from '../db/database';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { createTestContext, type TestContext } from '../test/harness';
import { roomEvents } from '../test/sse';

// Two app servers on one PostgreSQL database: a check-in on one reaches a projector watching the other.
let ctx: TestContext;
let second: { handle: DbHandle; app: Awaited<ReturnType<typeof buildApp>> };
let cookie = '';
let eventId = '';
let groupId = '';
let unitId = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const handle = createDb(process.env.TEST_DATABASE_URL!, { schema: ctx.handle.schema!, poolSize: 3 });
  second = { handle, app: await buildApp({ handle }) };
  unitId = (await ctx.buildUnit({ name: 'Huyện Nga Sơn' })).id;
  eventId = (await ctx.buildEvent()).id;
  const staff = await ctx.buildUser({ username: 'le-tan-hai-may' });
  await ctx.addMember(eventId, staff.id, 'checkin');
  cookie = await ctx.login('le-tan-hai-may');
  groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: 'Đại biểu huyện' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, { seats: [{ unitId, quota: 10 }] });
});
afterAll(async () => {
  await second.app.close();
  await second.handle.close();
  await ctx.close();
});

it('a check-in on server A updates the live room streamed by server B within a second', async () => {
  await second.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = second.app.server.address() as AddressInfo;
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/api/events/${eventId}/room/live`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const nextRoom = roomEvents(response);
  const before = await nextRoom();
  const delegate = await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, {
    groupId,
    unitId,
    fullName: 'Mai Thị Lan',
  });
  const started = Date.now();
  const scan = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/checkins`,
    headers: { cookie },
    payload: {
      delegateId: delegate.id,
      clientId: 'server-a-0001',
      scannedAt: new Date().toISOString(),
      deviceId: 'may-A',
    },
  });
  expect(scan.statusCode).toBe(200);
  const after = await nextRoom();
  expect(Date.now() - started).toBeLessThan(1000);
  expect(after.arrived).toBe(before.arrived + 1);
  expect(after.groups).toEqual([expect.objectContaining({ title: 'Đại biểu huyện', arrived: 1 })]);
  controller.abort();
});
