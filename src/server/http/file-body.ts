import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/** What an upload route takes as its raw body; the guard names it when something else arrives. */
export type FileBodyKind = 'spreadsheet' | 'image';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body must be the uploaded file itself (a buffer), never JSON or text. */
    fileBody?: FileBodyKind;
  }
}

const EXPECTED: Record<FileBodyKind, string> = {
  spreadsheet:
    'Cần gửi nguyên tệp bảng tính Excel (.xlsx) hoặc .csv, với Content-Type của tệp đó, không phải JSON hay văn bản',
  image: 'Cần gửi nguyên tệp ảnh JPEG, PNG hoặc WebP, với Content-Type của ảnh, không phải JSON hay văn bản',
};

/**
 * Upload routes read their body as bytes. A JSON or text body is parsed by Fastify's own parsers into an object or
 * a string, which the file readers cannot take: one guard answers 415 before any such route runs.
 */
export function guardFileBodies(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const kind = request.routeOptions.config.fileBody;
    if (kind && !Buffer.isBuffer(request.body)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', EXPECTED[kind], [
        { field: 'body', message: EXPECTED[kind] },
      ]);
    }
  });
}
