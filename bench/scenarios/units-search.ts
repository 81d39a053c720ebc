import { SYSTEM_ACTOR } from '../../src/server/auth/actor';
import { createDb } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { ensureAdmin, seedDemo } from '../../src/server/demo/demo.service';
import { createEvent } from '../../src/server/events/events.service';
import { createUnit } from '../../src/server/units/units.service';
import { BENCH_ADMIN_PASSWORD, createBenchDatabase, startApp, startHelloBaseline } from '../lib/app';
import { runLoad } from '../lib/load';
import { memoryOf } from '../lib/process';
import { generateEvents, generateUnits, SCALE } from '../lib/scale';
import type { Scenario } from '../lib/types';

const CONNECTIONS = 10;
/** What people type into the unit pickers: accent-free, partial, short. */
const TERMS = ['hoang', 'xa thanh', 'htx', 'duc', 'son 1', 'thieu hoa', 'cong ty', 'ngoc'];

/** Accent-insensitive catalogue search (GET /api/units?q=…) over the L catalogue, signed in, vs a bare Fastify hello. */
export const unitsSearchL: Scenario = {
  name: 'units-search-L',
  description: `GET /api/units?q=… over ${SCALE.L.units.toLocaleString('en-US')} units and ${SCALE.L.events} events, signed in`,
  async run(ctx) {
    const duration = ctx.quick ? 3 : 10;
    const database = await createBenchDatabase(ctx);
    try {
      const loadStarted = performance.now();
      const handle = createDb(database.env.DATABASE_URL || `${database.dataDir}/hoinghi.db`);
      await migrateToLatest(handle);
      await ensureAdmin(handle.db, BENCH_ADMIN_PASSWORD);
      await seedDemo(handle.db);
      for (const unit of generateUnits(SCALE.L.units))
        await createUnit(handle.db, SYSTEM_ACTOR, unit, { isSample: true });
      for (const event of generateEvents(SCALE.L.events))
        await createEvent(handle.db, SYSTEM_ACTOR, event, { isDemo: true });
      await handle.close();
      ctx.log(`units-search-L: loaded L data in ${Math.round(performance.now() - loadStarted)} ms`);

      const app = await startApp(database.env);
      const login = await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')?.split(';')[0];
      if (!login.ok || !cookie) throw new Error(`units-search-L: sign-in failed (${login.status})`);
      const paths = TERMS.map((term) => `/api/units?q=${encodeURIComponent(term)}&pageSize=30`);
      const ours = await runLoad({
        url: app.url,
        paths,
        connections: CONNECTIONS,
        durationSeconds: duration,
        headers: { cookie },
      });
      const peak = memoryOf(app.child.pid!).peak_rss_mb;
      await app.stop();
      if (ours.non2xx || ours.errors)
        throw new Error(`units-search-L: ${ours.non2xx} non-2xx, ${ours.errors} errors`);

      const hello = await startHelloBaseline();
      const base = await runLoad({
        url: `${hello.url}/hello`,
        connections: CONNECTIONS,
        durationSeconds: duration,
      });
      await hello.stop();
      return {
        throughput_rps: ours.throughput_rps,
        p50_ms: ours.p50_ms,
        p95_ms: ours.p95_ms,
        p99_ms: ours.p99_ms,
        peak_rss_mb: peak,
        baseline: {
          name: 'fastify-hello',
          throughput_rps: base.throughput_rps,
          p50_ms: base.p50_ms,
          p95_ms: base.p95_ms,
          p99_ms: base.p99_ms,
        },
        ratio: Number((ours.throughput_rps / base.throughput_rps).toFixed(3)),
      };
    } finally {
      await database.dispose();
    }
  },
};
