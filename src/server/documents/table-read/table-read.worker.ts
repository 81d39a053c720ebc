import type { ErrorCode, ErrorDetail } from '../../../shared/errors';
import { AppError } from '../../errors';
import type { TableFile } from './grid';
import { readTableBuffer } from './table-read';

/** The reader's worker thread (piscina): a file in, grids or the AppError that refused it out. */

export interface ReadTask {
  buffer: Uint8Array;
  /** Tests only: [0] set to 1 once the worker holds the file, then it waits until [1] is set. */
  pause?: SharedArrayBuffer;
}

export type ReadResult =
  | { ok: true; file: TableFile }
  | { ok: false; code: ErrorCode; message: string; details?: ErrorDetail[]; unexpected?: string };

export default async function readTableTask(task: ReadTask): Promise<ReadResult> {
  if (task.pause) {
    const flags = new Int32Array(task.pause);
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    Atomics.wait(flags, 1, 0);
  }
  try {
    const buffer = Buffer.from(task.buffer.buffer, task.buffer.byteOffset, task.buffer.byteLength);
    return { ok: true, file: await readTableBuffer(buffer) };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, code: error.code, message: error.message, details: error.details };
    // A file no rule foresaw (a parser library's own exception): still the file's fault, never a 500.
    return {
      ok: false,
      code: 'IMPORT_FAILED',
      message: 'Không đọc được tệp: tệp bị hỏng hoặc có cấu trúc lạ. Hãy mở bằng Excel và lưu lại.',
      unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}
