import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Paths under `url` that each connection cycles through; default: `url` itself. */
  paths?: string[];
  /** A fresh body for every request (POSTs that must differ: a new client id per check-in). */
  nextBody?: () => string;
}

export interface LoadResult {
  throughput_rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number(sorted[Math.max(0, index)]!.toFixed(3));
}

/**
 * HTTP load over loopback, bounded in time. Every response time is kept (autocannon's summary has no p95),
 * so the percentiles are exact for the run.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.url))
    throw new Error(`load only targets loopback, not ${options.url}`);
  let times = new Float64Array(1 << 16);
  let count = 0;
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      method: options.method ?? 'GET',
      headers: options.headers,
      body: options.body,
      ...(options.paths
        ? { requests: options.paths.map((path) => ({ method: options.method ?? 'GET', path })) }
        : {}),
      ...(options.nextBody
        ? {
            requests: [
              {
                method: options.method ?? 'POST',
                setupRequest: (request: autocannon.Request) => ({
                  ...request,
                  body: options.nextBody!(),
                }),
              },
            ],
          }
        : {}),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    if (count === times.length) {
      const grown = new Float64Array(times.length * 2);
      grown.set(times);
      times = grown;
    }
    times[count++] = responseTime;
  });
  const result = await done;
  const sorted = times.slice(0, count).sort();
  return {
    throughput_rps: Math.round(result.requests.total / options.durationSeconds),
    p50_ms: percentile(sorted, 50),
    p95_ms: percentile(sorted, 95),
    p99_ms: percentile(sorted, 99),
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
