import { SYSTEM_ACTOR } from '../../src/server/auth/actor';
import { createDb } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { ensureAdmin, seedDemo } from '../../src/server/demo/demo.service';
import { createEvent } from '../../src/server/events/events.service';
import { createUnit } from '../../src/server/units/units.service';
import { BENCH_ADMIN_PASSWORD, createBenchDatabase, loadAgainstHello, startApp } from '../lib/app';
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
      return await loadAgainstHello('units-search-L', app, {
        paths,
        connections: CONNECTIONS,
        durationSeconds: duration,
        headers: { cookie },
      });
    } finally {
      await database.dispose();
    }
  },
};
