import type { CheckinSnapshot } from '../../src/shared/checkin';
import { createBenchDatabase, loadAgainstHello, startApp } from '../lib/app';
import type { BenchContext, Scenario } from '../lib/types';
import { loadConferences, signIn } from './delegates';

const CONNECTIONS = 50;
const DELEGATES = 20_000;

/**
 * The hall door at its busiest: 50 receptionists' phones sending check-ins at once (POST /api/events/{id}/checkins,
 * a new client id each, a different person each time as at a real door: 20,000 people, more than a run reaches), signed in,
 * against a bare Fastify hello with the same 50 connections. Target on SQLite: ≥ 2,000 check-ins/s, p99 < 50 ms.
 */
export const checkinScenario: Scenario = {
  name: 'checkin',
  description: `POST /api/events/{id}/checkins, ${CONNECTIONS} connections, ${DELEGATES.toLocaleString('en-US')} delegates, a new client id per scan`,
  async run(ctx: BenchContext) {
    const database = await createBenchDatabase(ctx);
    try {
      const { app, eventId, cookie, ids } = await openDoor(database);
      return await loadAgainstHello('checkin', app, checkinLoad(eventId, cookie, ids, ctx.quick));
    } finally {
      await database.dispose();
    }
  },
};

/** The door's load: 50 connections scanning the event's people in turn, each scan with a new client id. */
export function checkinLoad(eventId: string, cookie: string, ids: string[], quick: boolean) {
  let n = 0;
  const started = Date.now();
  return {
    path: `/api/events/${eventId}/checkins`,
    method: 'POST' as const,
    connections: CONNECTIONS,
    durationSeconds: quick ? 3 : 10,
    headers: { cookie, 'content-type': 'application/json' },
    nextBody: () => {
      const i = n++;
      return JSON.stringify({
        delegateId: ids[i % ids.length],
        clientId: `bench-${started}-${i}`,
        scannedAt: new Date().toISOString(),
        deviceId: `may-${i % CONNECTIONS}`,
      });
    },
  };
}

/** One conference of 20,000 people, the app started on it, signed in, and the people the desk would scan. */
export async function openDoor(database: Awaited<ReturnType<typeof createBenchDatabase>>) {
  const { eventId } = await loadConferences(database.env, database.dataDir, {
    units: 50,
    delegates: DELEGATES,
    events: 1,
  });
  const app = await startApp(database.env);
  const cookie = await signIn(app.url);
  const snapshot = (await (
    await fetch(`${app.url}/api/events/${eventId}/checkin-snapshot`, { headers: { cookie } })
  ).json()) as CheckinSnapshot;
  return { app, eventId, cookie, ids: snapshot.delegates.map((d) => d.id) };
}
