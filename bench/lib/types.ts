/** One measurement. Every field is optional: a scenario reports what applies to it. */
export interface Figures {
  throughput_rps?: number;
  p50_ms?: number;
  p95_ms?: number;
  p99_ms?: number;
  wall_s?: number;
  peak_rss_mb?: number;
  /** Bundle: the heaviest route's download, and each route's. */
  gzip_kb?: number;
  routes?: Record<string, number>;
  /** Health: `npm start` to healthy on an empty database and on an existing one; memory once idle. */
  first_start_ms?: number;
  cold_start_ms?: number;
  idle_rss_mb?: number;
}

export interface ScenarioResult extends Figures {
  baseline: Figures & { name: string };
  /** Ours over the baseline for throughputs, the baseline over ours for times and sizes: higher is better, 1.0 the ceiling. */
  ratio: number;
}

export interface BenchContext {
  quick: boolean;
  /** The server's database: SQLite in a temporary folder, or a fresh PostgreSQL database. */
  db: 'sqlite' | 'postgres';
  postgresUrl: string | null;
  /** The run's top-level baselines (sqlite-inserts, pdfkit-pages), measured before any scenario. */
  baselines: Record<string, Figures>;
  log(message: string): void;
}

export interface Scenario {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<ScenarioResult>;
}
