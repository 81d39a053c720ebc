// Two app servers on one PostgreSQL behind nginx, on loopback, proven under load (`npm run topology`).
//
// Starts a fresh PostgreSQL database (BENCH_DATABASE_URL, default the local test server), a conference of 5,000
// people, two `hoinghi serve` processes and Debian's nginx in front of them, then:
//   1. figures: check-in through nginx with one app server, then with two (autocannon, 50 connections);
//   2. a session opened through nginx is valid on each server directly;
//   3. the failover run: 50 desks scan through nginx while room screens listen (SSE, through nginx); server A is
//      killed (SIGKILL) mid-load; every acknowledged scan must be in the database, the desks carry on through B,
//      and every room screen must reconnect and see the final count;
//   4. a document job started through nginx runs exactly once and its file downloads identically from either server.
// Prints a JSON report and exits non-zero if any check fails. Needs nginx (apt-get install -y nginx).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createBenchDatabase, startApp } from '../bench/lib/app';
import { runLoad } from '../bench/lib/load';
import { freePort, type Running } from '../bench/lib/process';
import { checkinLoad } from '../bench/scenarios/checkin';
import { loadConferences, signIn } from '../bench/scenarios/delegates';
import type { CheckinSnapshot, RoomSummary } from '../src/shared/checkin';

const POSTGRES = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const DESKS = 50;

const checks: { name: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? '✓' : '✗'} ${name}: ${detail}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function nginxConfig(prefix: string, port: number, upstreams: string[]): string {
  const asRoot = process.getuid?.() === 0 ? 'user root;' : '';
  return `${asRoot}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  client_max_body_size 25m;
  upstream hoinghi {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://hoinghi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A check-in carries its desk's client id, so a scan retried on the other server is answered, never doubled:
      # POSTs may be retried when a server is gone before it answered.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_connect_timeout 2s;
      # Server-Sent Events (the room screen): no buffering, long reads.
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

async function startNginx(upstreams: string[]) {
  const prefix = mkdtempSync(join(tmpdir(), 'hoinghi-nginx-'));
  const port = await freePort();
  writeFileSync(join(prefix, 'nginx.conf'), nginxConfig(prefix, port, upstreams));
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(25);
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGQUIT');
      await new Promise((r) => child.once('exit', r));
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** A room screen: reads the SSE stream, reconnects (after the server's `retry`) when it ends, keeps the last count. */
function roomScreen(url: string, cookie: string) {
  let last: RoomSummary | null = null;
  let reconnects = 0;
  let stopped = false;
  const controller = new AbortController();
  void (async () => {
    while (!stopped) {
      try {
        const response = await fetch(url, {
          headers: { cookie, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = frame.split('\n').find((l) => l.startsWith('data: '));
            if (frame.includes('event: room') && data) last = JSON.parse(data.slice(6));
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // the server went away mid-stream
      }
      if (stopped) break;
      reconnects++;
      await sleep(2000);
    }
  })();
  return {
    get last() {
      return last;
    },
    get reconnects() {
      return reconnects;
    },
    stop: () => {
      stopped = true;
      controller.abort();
    },
  };
}

/** 50 desks scanning as fast as answers come, each scan a new client id; the acknowledged ones are remembered. */
function desks(url: string, eventId: string, cookie: string, ids: string[]) {
  const acknowledged = new Set<string>();
  let refused = 0;
  let failed = 0;
  let stopped = false;
  let n = 0;
  const started = Date.now();
  const one = async () => {
    while (!stopped) {
      const i = n++;
      const clientId = `topo-${started}-${i}`;
      try {
        const response = await fetch(`${url}/api/events/${eventId}/checkins`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({
            delegateId: ids[i % ids.length],
            clientId,
            scannedAt: new Date().toISOString(),
            deviceId: `quay-${i % DESKS}`,
          }),
        });
        await response.arrayBuffer();
        if (response.ok) acknowledged.add(clientId);
        else refused++;
      } catch {
        failed++;
      }
    }
  };
  const running = Promise.all(Array.from({ length: DESKS }, one));
  return {
    acknowledged,
    counts: () => ({ sent: n, acknowledged: acknowledged.size, refused, failed }),
    stop: async () => {
      stopped = true;
      await running;
    },
  };
}

async function main() {
  if (spawnSync(NGINX, ['-v']).status !== 0) {
    console.error(`nginx is not installed (${NGINX}): apt-get install -y nginx`);
    process.exit(2);
  }
  const database = await createBenchDatabase({
    db: 'postgres',
    postgresUrl: POSTGRES,
    quick: false,
    baselines: {},
    log: console.log,
  });
  const servers: Running[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  const report: Record<string, unknown> = {};
  try {
    const { eventId } = await loadConferences(database.env, database.dataDir, {
      units: 50,
      delegates: 5000,
      events: 1,
    });
    const env = { ...database.env, PUBLIC_URL: 'https://hoinghi.example.gov.vn', TRUST_PROXY: 'true' };
    const a = await startApp(env);
    servers.push(a);
    const b = await startApp(env);
    servers.push(b);
    const hostOf = (s: Running) => new URL(s.url).host;

    // 1. Figures: one server behind nginx, then two.
    const cookie0 = await signIn(a.url);
    const snapshot = (await (
      await fetch(`${a.url}/api/events/${eventId}/checkin-snapshot`, { headers: { cookie: cookie0 } })
    ).json()) as CheckinSnapshot;
    const ids = snapshot.delegates.map((d) => d.id);
    for (const [label, upstreams] of [
      ['one', [hostOf(a)]],
      ['two', [hostOf(a), hostOf(b)]],
    ] as const) {
      const front = await startNginx([...upstreams]);
      const load = checkinLoad(eventId, cookie0, ids, false);
      const result = await runLoad({ ...load, url: `${front.url}${load.path}` });
      report[`checkin_${label}_server`] = result;
      console.log(
        `check-in through nginx, ${label} app server(s): ${result.throughput_rps} /s, p99 ${result.p99_ms} ms`,
      );
      await front.stop();
    }

    nginx = await startNginx([hostOf(a), hostOf(b)]);
    // 2. Sessions: opened through nginx, valid on each server.
    const cookie = await signIn(nginx.url);
    const me = await Promise.all(
      [a, b].map((s) => fetch(`${s.url}/api/auth/me`, { headers: { cookie } }).then((r) => r.status)),
    );
    check(
      'session valid on both servers',
      me.every((s) => s === 200),
      `A ${me[0]}, B ${me[1]}`,
    );

    // 3. Failover under load.
    const before = await scansIn(database.env.DATABASE_URL!, eventId);
    const screens = Array.from({ length: 6 }, () =>
      roomScreen(`${nginx!.url}/api/events/${eventId}/room/live`, cookie),
    );
    await sleep(1000);
    const load = desks(nginx.url, eventId, cookie, ids);
    await sleep(4000);
    a.child.kill('SIGKILL');
    const killedAt = load.counts();
    await sleep(6000);
    await load.stop();
    const counts = load.counts();
    report.failover = { atKill: killedAt, total: counts };
    const stored = await scanIdsIn(database.env.DATABASE_URL!, eventId, [...load.acknowledged]);
    check(
      'no acknowledged scan lost',
      stored === load.acknowledged.size,
      `${load.acknowledged.size} acknowledged, ${stored} of them in the database`,
    );
    check(
      'the door kept working through B',
      counts.acknowledged - killedAt.acknowledged > 0,
      `${counts.acknowledged - killedAt.acknowledged} scans acknowledged after A was killed; ${counts.failed} network failures, ${counts.refused} refusals`,
    );
    // Scans after everything settled (the screens on A have had time to reconnect): every screen must show them.
    await sleep(3000);
    for (let i = 0; i < 5; i++) {
      await fetch(`${nginx.url}/api/events/${eventId}/checkins`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          delegateId: ids[ids.length - 1 - i],
          clientId: `topo-sau-${Date.now()}-${i}`,
          scannedAt: new Date().toISOString(),
          deviceId: 'quay-sau',
        }),
      });
    }
    const final = await roomCount(nginx.url, eventId, cookie);
    await sleep(2500);
    const seen = screens.map((s) => s.last?.arrived ?? -1);
    check(
      'room screens reconnected and see every later scan',
      seen.every((n) => n === final),
      `final ${final}; screens ${seen.join(', ')}; reconnects ${screens.map((s) => s.reconnects).join(', ')}`,
    );
    for (const s of screens) s.stop();
    report.scans_before = before;

    // 4. A document job runs once; its file downloads the same from B and through nginx.
    // One unit's people (about 100 letters), not all 5,000.
    const unitId = (
      await query<{ unit_id: string }>(
        database.env.DATABASE_URL!,
        'select unit_id from delegates where event_id = $1 and unit_id is not null limit 1',
        [eventId],
      )
    )[0]?.unit_id;
    const job = await fetch(`${nginx.url}/api/events/${eventId}/invitation-jobs`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'pdf', audience: 'people', ...(unitId ? { unitId } : {}) }),
    });
    const started = (await job.json()) as { id?: string; error?: { message: string } };
    if (!job.ok || !started.id) {
      check('document job started', false, `${job.status} ${JSON.stringify(started).slice(0, 200)}`);
    } else {
      let status = '';
      for (let i = 0; i < 600 && status !== 'done' && status !== 'failed'; i++) {
        await sleep(500);
        status = (
          (await (
            await fetch(`${b.url}/api/events/${eventId}/invitation-jobs/${started.id}`, {
              headers: { cookie },
            })
          ).json()) as { status: string }
        ).status;
      }
      const files = await Promise.all(
        [b.url, nginx.url].map(async (u) =>
          Buffer.from(
            await (
              await fetch(`${u}/api/events/${eventId}/invitation-jobs/${started.id}/file`, {
                headers: { cookie },
              })
            ).arrayBuffer(),
          ),
        ),
      );
      const rows = await jobRows(database.env.DATABASE_URL!, eventId);
      check(
        'document job ran once, file the same from either server',
        status === 'done' && rows === 1 && files[0]!.length > 1000 && files[0]!.equals(files[1]!),
        `status ${status}, ${rows} job row(s), ${files.map((f) => f.length).join(' / ')} bytes`,
      );
    }
  } finally {
    await nginx?.stop();
    for (const s of servers) await s.stop();
    await database.dispose();
  }
  console.log(JSON.stringify({ checks, report }, null, 2));
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
const scansIn = async (url: string, eventId: string) =>
  Number(
    (await query<{ n: string }>(url, 'select count(*) as n from checkins where event_id = $1', [eventId]))[0]!
      .n,
  );
const scanIdsIn = async (url: string, eventId: string, clientIds: string[]) =>
  Number(
    (
      await query<{ n: string }>(
        url,
        'select count(*) as n from checkins where event_id = $1 and client_id = any($2)',
        [eventId, clientIds],
      )
    )[0]!.n,
  );
const jobRows = async (url: string, eventId: string) =>
  Number(
    (
      await query<{ n: string }>(url, 'select count(*) as n from document_jobs where event_id = $1', [
        eventId,
      ])
    )[0]!.n,
  );
async function roomCount(url: string, eventId: string, cookie: string): Promise<number> {
  const summary = (await (
    await fetch(`${url}/api/events/${eventId}/room`, { headers: { cookie } })
  ).json()) as RoomSummary;
  return summary.arrived;
}

await main();
