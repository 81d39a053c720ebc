import { createBenchDatabase, startApp, startHelloBaseline } from '../lib/app';
import { runLoad } from '../lib/load';
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
      const ours = await runLoad({
        url: `${app.url}/api/health`,
        connections: CONNECTIONS,
        durationSeconds: duration,
      });
      const peak = memoryOf(app.child.pid!).peak_rss_mb;
      await app.stop();

      const hello = await startHelloBaseline();
      const base = await runLoad({
        url: `${hello.url}/hello`,
        connections: CONNECTIONS,
        durationSeconds: duration,
      });
      const basePeak = memoryOf(hello.child.pid!).peak_rss_mb;
      await hello.stop();

      if (ours.non2xx || ours.errors)
        throw new Error(`health answered ${ours.non2xx} non-2xx and ${ours.errors} errors`);
      return {
        throughput_rps: ours.throughput_rps,
        p50_ms: ours.p50_ms,
        p95_ms: ours.p95_ms,
        p99_ms: ours.p99_ms,
        peak_rss_mb: peak,
        first_start_ms: first.startupMs,
        cold_start_ms: app.startupMs,
        idle_rss_mb: idle.rss_mb,
        baseline: {
          name: 'fastify-hello',
          throughput_rps: base.throughput_rps,
          p50_ms: base.p50_ms,
          p95_ms: base.p95_ms,
          p99_ms: base.p99_ms,
          peak_rss_mb: basePeak,
        },
        ratio: Number((ours.throughput_rps / base.throughput_rps).toFixed(3)),
      };
    } finally {
      await database.dispose();
    }
  },
};
