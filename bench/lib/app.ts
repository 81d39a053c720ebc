import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type LoadOptions, type LoadResult, runLoad } from './load';
import { freePort, memoryOf, type Running, startProcess } from './process';
import type { BenchContext, ScenarioResult } from './types';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

export interface AppInstance extends Running {
  dataDir: string;
}

/** A database for one server: a temporary SQLite folder, or a fresh PostgreSQL database dropped afterwards. */
export async function createBenchDatabase(
  ctx: BenchContext,
): Promise<{ env: NodeJS.ProcessEnv; dataDir: string; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoinghi-bench-'));
  if (ctx.db === 'sqlite') {
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      dataDir,
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const admin = new URL(ctx.postgresUrl!);
  const name = `hoinghi_bench_${Date.now()}_${process.pid}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await run(`create database ${name}`);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    dispose: async () => {
      await run(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app as `npm start` runs it (same entry, web already built), on the given database. */
export async function startApp(env: NodeJS.ProcessEnv): Promise<Running> {
  const port = await freePort();
  return startProcess('node', ['bin/hoinghi.mjs', 'serve', '--no-build'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      // Letters and badges are refused without a public address (issue 15).
      PUBLIC_URL: 'https://hoinghi.example.gov.vn',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    port,
    healthPath: '/api/health',
  });
}

export async function startHelloBaseline(): Promise<Running> {
  const port = await freePort();
  return startProcess('node', ['bench/baselines/hello-server.mjs'], {
    env: { ...process.env, PORT: String(port) },
    port,
    healthPath: '/hello',
  });
}

/**
 * The figures of an HTTP scenario: load the running app (then stop it), load a bare Fastify hello with the same
 * connections and duration, and report ours, the baseline and ours ÷ baseline throughput. Any non-2xx fails the run.
 */
export async function loadAgainstHello(
  label: string,
  app: Running,
  load: Omit<LoadOptions, 'url'> & { path?: string },
): Promise<ScenarioResult> {
  const ours = await runLoad({ ...load, url: `${app.url}${load.path ?? ''}` });
  if (app.child.exitCode !== null || app.child.signalCode !== null) {
    throw new Error(`${label}: the server exited during the load:\n${app.output().slice(0, 3000)}`);
  }
  const peak = memoryOf(app.child.pid!).peak_rss_mb;
  await app.stop();
  if (ours.non2xx || ours.errors)
    throw new Error(`${label}: ${ours.non2xx} non-2xx answers, ${ours.errors} errors`);

  const hello = await startHelloBaseline();
  const base = await runLoad({
    url: `${hello.url}/hello`,
    connections: load.connections,
    durationSeconds: load.durationSeconds,
  });
  const basePeak = memoryOf(hello.child.pid!).peak_rss_mb;
  await hello.stop();
  const figures = (r: LoadResult) => ({
    throughput_rps: r.throughput_rps,
    p50_ms: r.p50_ms,
    p95_ms: r.p95_ms,
    p99_ms: r.p99_ms,
  });
  return {
    ...figures(ours),
    peak_rss_mb: peak,
    baseline: { name: 'fastify-hello', ...figures(base), peak_rss_mb: basePeak },
    ratio: Number((ours.throughput_rps / base.throughput_rps).toFixed(3)),
  };
}
