/**
 * Check-in reliability, against the real server process (`npm run reliability [-- --quick] [--db postgres]`):
 *
 * 1. Kill: 50 clients check people in as fast as they can; the server is killed with SIGKILL mid-load and
 *    restarted on the same database. Every check-in that got a 2xx answer must be in the database, nobody may be
 *    counted twice, and resending every request (the clients' retries, same client ids) must change nothing that
 *    was acknowledged.
 * 2. Offline devices: two devices check in the same 50 people while offline, then sync in either order: each
 *    person counted once, 50 duplicates recorded, the earlier device's scans kept.
 *
 * Exits non-zero on the first broken promise. CI runs the short form on SQLite and PostgreSQL.
 */
import { parseArgs } from 'node:util';
import { createBenchDatabase, startApp } from '../bench/lib/app';
import type { BenchContext } from '../bench/lib/types';
import { createDb } from '../src/server/db/database';
import type { CheckinSnapshot } from '../src/shared/checkin';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, db: { type: 'string', default: 'sqlite' } },
});
const engine = values.db === 'postgres' ? 'postgres' : 'sqlite';
const postgresUrl =
  process.env.RELIABILITY_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const ctx = { quick: values.quick, db: engine, postgresUrl, baselines: {}, log: console.log } as BenchContext;
const CLIENTS = 50;
const LOAD_MS = values.quick ? 1500 : 5000;

function check(condition: boolean, message: string): void {
  if (!condition) {
    console.error(`✗ ${message}`);
    process.exit(1);
  }
  console.log(`✓ ${message}`);
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bantochuc', password: 'hoinghi2020' }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

type Scan = { delegateId: string; clientId: string; scannedAt: string; deviceId: string };

const database = await createBenchDatabase(ctx);
try {
  let app = await startApp(database.env);
  const cookie = await signIn(app.url);
  const eventId = (
    (await (await fetch(`${app.url}/api/events`, { headers: { cookie } })).json()) as { id: string }[]
  )[0]!.id;
  const snapshot = (await (
    await fetch(`${app.url}/api/events/${eventId}/checkin-snapshot`, { headers: { cookie } })
  ).json()) as CheckinSnapshot;
  const expected = snapshot.delegates
    .filter((d) => ['invited', 'confirmed'].includes(d.status))
    .map((d) => d.id);
  // The first 100 are kept for the offline devices; the load scans the rest.
  const offlinePeople = expected.slice(0, 100);
  const people = expected.slice(100);
  check(
    offlinePeople.length === 100 && people.length > 50,
    `the demo has enough people (${expected.length})`,
  );
  const post = (url: string, path: string, body: unknown) =>
    fetch(`${url}/api/events/${eventId}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  // ── 1. SIGKILL under load ────────────────────────────────────────────────────────────────────────────────
  console.log(`▶ ${CLIENTS} clients, SIGKILL after ${LOAD_MS} ms (${engine})`);
  const sent: Scan[] = [];
  const acknowledged = new Set<string>();
  let stop = false;
  let n = 0;
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    while (!stop) {
      // Half the scans are of people already in (a second device, a badge scanned twice).
      const scan: Scan = {
        delegateId: people[Math.floor(Math.random() * people.length)]!,
        clientId: `kill-${c}-${n++}`,
        scannedAt: new Date().toISOString(),
        deviceId: `may-${c}`,
      };
      sent.push(scan);
      const response = await post(app.url, '/checkins', scan).catch(() => null);
      if (response?.ok) acknowledged.add(scan.clientId);
      else if (response) await response.text();
      else await new Promise((r) => setTimeout(r, 20));
    }
  });
  await new Promise((r) => setTimeout(r, LOAD_MS));
  app.child.kill('SIGKILL');
  await new Promise((r) => app.child.once('exit', r));
  await new Promise((r) => setTimeout(r, 300));
  stop = true;
  await Promise.all(clients);
  console.log(`  ${sent.length} scans sent, ${acknowledged.size} acknowledged before the kill`);
  check(acknowledged.size > 100, 'the load reached the server before it was killed');

  app = await startApp(database.env);
  const handle = createDb(database.env.DATABASE_URL || `${database.dataDir}/hoinghi.db`);
  const db = handle.db;
  const stored = new Set(
    (await db.selectFrom('checkins').select('client_id').where('event_id', '=', eventId).execute()).map(
      (r) => r.client_id,
    ),
  );
  check(
    [...acknowledged].every((id) => stored.has(id)),
    `all ${acknowledged.size} acknowledged check-ins survived the kill`,
  );
  const invariants = async (label: string) => {
    const counted = await db
      .selectFrom('checkins')
      .select(['delegate_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('event_id', '=', eventId)
      .where('outcome', '=', 'checked_in')
      .groupBy('delegate_id')
      .execute();
    check(
      counted.every((r) => Number(r.n) === 1),
      `${label}: nobody counted twice (${counted.length} people in)`,
    );
    const attendance = await db
      .selectFrom('attendance')
      .select(['delegate_id', 'checkin_id'])
      .where('event_id', '=', eventId)
      .execute();
    check(attendance.length === counted.length, `${label}: one attendance per person counted`);
    const primary = new Set(
      (
        await db
          .selectFrom('checkins')
          .select('id')
          .where('event_id', '=', eventId)
          .where('outcome', '=', 'checked_in')
          .execute()
      ).map((r) => r.id),
    );
    check(
      attendance.every((a) => primary.has(a.checkin_id)),
      `${label}: each attendance points at its counting scan`,
    );
  };
  await invariants('after restart');

  // Every client retries everything it sent (acknowledged or not): nothing acknowledged may change.
  const before = await db
    .selectFrom('checkins')
    .select(['client_id', 'outcome', 'delegate_id'])
    .where('event_id', '=', eventId)
    .execute();
  const cookie2 = await signIn(app.url);
  for (let i = 0; i < sent.length; i += 500) {
    const response = await fetch(`${app.url}/api/events/${eventId}/checkins/batch`, {
      method: 'POST',
      headers: { cookie: cookie2, 'content-type': 'application/json' },
      body: JSON.stringify({ checkins: sent.slice(i, i + 500) }),
    });
    if (!response.ok) throw new Error(`retry batch failed: ${response.status} ${await response.text()}`);
  }
  const after = await db
    .selectFrom('checkins')
    .select(['client_id', 'outcome', 'delegate_id'])
    .where('event_id', '=', eventId)
    .execute();
  const afterById = new Map(after.map((r) => [r.client_id, r]));
  check(
    after.length === new Set(sent.map((s) => s.clientId)).size,
    `retries add only the scans that never arrived (${after.length} in all)`,
  );
  check(
    before.every((r) => afterById.get(r.client_id)?.delegate_id === r.delegate_id),
    'retries change no scan already stored',
  );
  await invariants('after retries');

  // ── 2. Two offline devices, the same 50 people, synced in either order ─────────────────────────────────────
  for (const order of [
    ['A', 'B'],
    ['B', 'A'],
  ] as const) {
    console.log(`▶ two offline devices, device ${order[0]} syncs first`);
    const fresh = (
      await db
        .selectFrom('delegates as d')
        .leftJoin('attendance as a', (j) =>
          j.onRef('a.delegate_id', '=', 'd.id').onRef('a.event_id', '=', 'd.event_id'),
        )
        .select('d.id')
        .where('d.event_id', '=', eventId)
        .where('a.delegate_id', 'is', null)
        .where('d.status', 'in', ['invited', 'confirmed'])
        .limit(50)
        .execute()
    ).map((r) => r.id);
    check(fresh.length === 50, '50 people, not scanned before, for this round');
    const t0 = Date.now();
    const queue = (device: 'A' | 'B') =>
      fresh.map((delegateId, i) => ({
        delegateId,
        clientId: `offline-${order[0]}-${device}-${i}`,
        // Device A scanned everyone first: its scans are the ones that count.
        scannedAt: new Date(t0 + (device === 'A' ? 0 : 60_000) + i * 1000).toISOString(),
        deviceId: `offline-${device}`,
      }));
    const duplicatesBefore = Number(
      (
        await db
          .selectFrom('checkins')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event_id', '=', eventId)
          .where('outcome', '=', 'duplicate')
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const device of order) {
      const response = await post(app.url, '/checkins/batch', { checkins: queue(device) });
      check(response.ok, `device ${device} synced (${response.status})`);
    }
    const kept = await db
      .selectFrom('attendance as a')
      .innerJoin('checkins as c', 'c.id', 'a.checkin_id')
      .select('c.device_id')
      .where('a.event_id', '=', eventId)
      .where('a.delegate_id', 'in', fresh)
      .execute();
    check(
      kept.length === 50 && kept.every((k) => k.device_id === 'offline-A'),
      'each person counted once, by the earlier device',
    );
    const duplicatesAfter = Number(
      (
        await db
          .selectFrom('checkins')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('event_id', '=', eventId)
          .where('outcome', '=', 'duplicate')
          .executeTakeFirstOrThrow()
      ).n,
    );
    check(duplicatesAfter - duplicatesBefore === 50, '50 duplicates recorded');
  }
  await handle.close();
  await app.stop();
  console.log('reliability: all promises kept');
} finally {
  await database.dispose();
}
