import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { ensureWebBuild } from '../src/server/web-build';
import { pdfkitPagesBaseline, sqliteInsertsBaseline } from './lib/baselines';
import type { BenchContext, Figures, Scenario, ScenarioResult } from './lib/types';
import { bundle } from './scenarios/bundle';
import { checkinScenario } from './scenarios/checkin';
import { checkinUnderHostileImport } from './scenarios/checkin-hostile';
import { delegateSearchL, delegateSearchOneEvent, importXlsx10k } from './scenarios/delegates';
import { health } from './scenarios/health';
import { invitationsDocx300, invitationsPdf300 } from './scenarios/invitations';
import { certificates1000, showcaseSearch15k } from './scenarios/ocop';
import { planParse60k } from './scenarios/plan-parse';
import { reportDocx } from './scenarios/report';
import { unitsSearchL } from './scenarios/units-search';

/**
 * Every scenario of the harness, in run order. A feature adds its scenario here when it lands; until then
 * the scenario is simply not listed (see bench/README.md for the planned names).
 */
const SCENARIOS: Scenario[] = [
  health,
  unitsSearchL,
  delegateSearchL,
  delegateSearchOneEvent,
  importXlsx10k,
  invitationsDocx300,
  invitationsPdf300,
  showcaseSearch15k,
  certificates1000,
  checkinScenario,
  checkinUnderHostileImport,
  planParse60k,
  reportDocx,
  bundle,
];
/** Scenarios that measure no database work, so `--db postgres` does not change them. */
const DATABASE_FREE = new Set(['bundle', 'plan-parse-60k']);

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    out: { type: 'string' },
  },
});

if (values.db !== 'sqlite' && values.db !== 'postgres') throw new Error('--db is sqlite or postgres');
const postgresUrl = values.db === 'postgres' ? (process.env.BENCH_DATABASE_URL ?? null) : null;
if (values.db === 'postgres' && !postgresUrl) {
  console.error('--db postgres needs BENCH_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}
const out =
  values.out ??
  (values.db === 'postgres' ? 'bench/results/latest-postgres.json' : 'bench/results/latest.json');
const selected = values.only ? SCENARIOS.filter((s) => s.name === values.only) : SCENARIOS;
if (selected.length === 0) {
  console.error(`Unknown scenario "${values.only}". Available: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const ctx: BenchContext = {
  quick: values.quick!,
  db: values.db,
  postgresUrl,
  baselines: {},
  log: (message) => console.log(`  ${message}`),
};

const started = performance.now();
await ensureWebBuild((m) => console.log(m));
console.log('▶ baselines: raw SQLite inserts in one transaction, bare pdfkit pages with the Tinos font');
const baselines = {
  'sqlite-inserts': sqliteInsertsBaseline(ctx.quick ? 10_000 : 100_000),
  'pdfkit-pages': await pdfkitPagesBaseline(ctx.quick ? 50 : 300),
};
ctx.baselines = baselines;
for (const [name, b] of Object.entries(baselines))
  ctx.log(`${name}: ${b.throughput_rps?.toLocaleString('en-US')} per second`);
const scenarios: Record<string, ScenarioResult> = {};
for (const scenario of selected) {
  if (ctx.db === 'postgres' && DATABASE_FREE.has(scenario.name) && values.only !== scenario.name) continue;
  console.log(`▶ ${scenario.name}: ${scenario.description}`);
  scenarios[scenario.name] = await scenario.run(ctx);
}

const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  db: ctx.db,
  quick: ctx.quick,
  wall_s: Number(((performance.now() - started) / 1000).toFixed(1)),
  /** Ceilings for the scenarios that will use them (imports: rows/s; documents: pages/s). */
  baselines,
  scenarios,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

const fmt = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : '—');
console.log(`\n| scenario | ours | baseline | ratio | p50 / p95 / p99 ms | peak RSS MB |`);
console.log('|---|---|---|---|---|---|');
for (const [name, r] of Object.entries(scenarios)) {
  const show = (f: Figures) =>
    f.throughput_rps !== undefined
      ? `${fmt(f.throughput_rps)} req/s`
      : f.gzip_kb !== undefined
        ? `${fmt(f.gzip_kb)} KB gz`
        : `p50 ${fmt(f.p50_ms)} ms`;
  const figure = show(r);
  const baseFigure = show(r.baseline);
  const latency = r.p50_ms !== undefined ? `${r.p50_ms} / ${r.p95_ms} / ${r.p99_ms}` : '—';
  console.log(
    `| ${name} | ${figure} | ${r.baseline.name}: ${baseFigure} | ${r.ratio} | ${latency} | ${fmt(r.peak_rss_mb)} |`,
  );
}
console.log(
  `\n${ctx.db}, ${report.machine.cpus} CPUs, Node ${report.machine.node}, ${report.wall_s} s; written to ${out}`,
);
