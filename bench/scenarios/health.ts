import { createBenchDatabase, loadAgainstHello, startApp } from '../lib/app';
import { memoryOf } from '../lib/process';
import type { Scenario } from '../lib/types';

const CONNECTIONS = 10;

/** GET /api/health (a real database round trip) against a bare Fastify hello; also start-up time and idle memory. */
export const health: Scenario = {
  name: 'health',
  description:
    'GET /api/health under load vs a bare Fastify constant JSON; cold start and idle RSS of `npm start`',
  async run(ctx) {
    const duration = ctx.quick ? 3 : 10;
    const database = await createBenchDatabase(ctx);
    try {
      // First start migrates and loads the demo; the second is the everyday cold start on an existing install.
      const first = await startApp(database.env);
      await first.stop();
      const app = await startApp(database.env);
      await new Promise((r) => setTimeout(r, 500));
      const idle = memoryOf(app.child.pid!);
      ctx.log(
        `health: first start ${first.startupMs} ms, cold start ${app.startupMs} ms, idle RSS ${idle.rss_mb} MB`,
      );
      const result = await loadAgainstHello('health', app, {
        path: '/api/health',
        connections: CONNECTIONS,
        durationSeconds: duration,
      });
      return {
        ...result,
        first_start_ms: first.startupMs,
        cold_start_ms: app.startupMs,
        idle_rss_mb: idle.rss_mb,
      };
    } finally {
      await database.dispose();
    }
  },
};
