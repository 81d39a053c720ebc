import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, type Running, startProcess } from './process';
import type { BenchContext } from './types';

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
