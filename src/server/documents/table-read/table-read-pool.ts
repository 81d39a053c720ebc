import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import { MAX_IMPORT_READ_HEAP_MB, MAX_IMPORT_READ_SECONDS } from '../../../shared/limits';
import { AppError } from '../../errors';
import type { TableFile } from './grid';
import type { ReadResult, ReadTask } from './table-read.worker';

/**
 * Uploaded tables are read in a worker thread with its own heap ceiling and a time limit, so even a file that
 * slips past every counted limit costs one worker (replaced by the pool), never the server's heap or event loop.
 */

export interface TableReaderOptions {
  maxHeapMb: number;
  timeoutMs: number;
  /** Tests only: hold the worker once it has the file (see ReadTask.pause). */
  pauseForTest?: SharedArrayBuffer;
}

const defaults: TableReaderOptions = {
  maxHeapMb: MAX_IMPORT_READ_HEAP_MB,
  timeoutMs: MAX_IMPORT_READ_SECONDS * 1000,
};
let options = defaults;
let pool: Piscina<ReadTask, ReadResult> | null = null;

/**
 * Under tsx or vitest this module is TypeScript source and so is the worker, loaded through tsx; `npm start` runs
 * the esbuild bundle, beside which bin/hoinghi.mjs writes the worker's own bundle.
 */
function workerEntry(): { filename: string; execArgv?: string[] } {
  if (import.meta.url.endsWith('.ts'))
    return {
      filename: new URL('./table-read.worker.ts', import.meta.url).href,
      execArgv: ['--import', 'tsx'],
    };
  return { filename: new URL('./table-read.worker.js', import.meta.url).href };
}

function getPool(): Piscina<ReadTask, ReadResult> {
  if (!pool) {
    pool = new Piscina<ReadTask, ReadResult>({
      ...workerEntry(),
      // One core stays with the main thread: check-in must keep answering while a file is read.
      maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
      minThreads: 0,
      idleTimeout: 60_000,
      maxQueue: 32,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxHeapMb,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 4,
      },
    });
    // A worker that dies outside a task (at start-up, say) is reported on the pool: unheard, it would end the
    // process. The pool replaces the worker; the task, if any, fails on its own promise.
    pool.on('error', () => {});
  }
  return pool;
}

/** Changes the reader's limits (tests); the next file starts a fresh pool with them. */
export async function configureTableReader(overrides: Partial<TableReaderOptions>): Promise<void> {
  options = { ...defaults, ...overrides };
  const old = pool;
  pool = null;
  await old?.destroy();
}

function workerFailure(error: unknown): AppError {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  if (name === 'AbortError') {
    return new AppError(
      'IMPORT_TOO_LARGE',
      `Đọc tệp mất quá ${Math.max(1, Math.ceil(options.timeoutMs / 1000))} giây, giới hạn của một lần nhập; hãy chia thành nhiều tệp nhỏ hơn`,
    );
  }
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError(
      'IMPORT_TOO_LARGE',
      `Đọc tệp cần hơn ${options.maxHeapMb} MB bộ nhớ, giới hạn của một lần nhập; hãy chia thành nhiều tệp nhỏ hơn`,
    );
  }
  if (message?.includes('queue is at limit')) {
    return new AppError('IMPORT_FAILED', 'Máy chủ đang đọc nhiều tệp cùng lúc; hãy thử lại sau ít phút');
  }
  return new AppError('IMPORT_FAILED', 'Không đọc được tệp: việc đọc bị dừng giữa chừng. Hãy thử lại.');
}

export async function readTableInWorker(buffer: Buffer): Promise<TableFile> {
  let result: ReadResult;
  try {
    result = await getPool().run(
      { buffer, pause: options.pauseForTest },
      { signal: AbortSignal.timeout(options.timeoutMs) },
    );
  } catch (error) {
    throw workerFailure(error);
  }
  if (!result.ok) throw new AppError(result.code, result.message, result.details);
  return result.file;
}
