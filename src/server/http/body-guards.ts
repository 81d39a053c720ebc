import type { FastifyInstance } from 'fastify';
import { AppError, invalid } from '../errors';

/** What an upload route takes as its raw body; the guard names it when something else arrives. */
export type FileBodyKind = 'spreadsheet' | 'image' | 'document';

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
  document: 'Cần gửi nguyên tệp PDF hoặc ảnh JPEG, với Content-Type của tệp, không phải JSON hay văn bản',
};

const NOTHING_TO_CHANGE = 'Không có gì để thay đổi: hãy gửi ít nhất một trường cần sửa';

/**
 * Upload routes read their body as bytes. A JSON or text body is parsed by Fastify's own parsers into an object or
 * a string, which the file readers cannot take: one guard answers 415 before any such route runs.
 */
function guardFileBodies(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const kind = request.routeOptions.config.fileBody;
    if (kind && !Buffer.isBuffer(request.body)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', EXPECTED[kind], [
        { field: 'body', message: EXPECTED[kind] },
      ]);
    }
  });
}

/**
 * A PATCH of `{}` changes nothing, and an update with no columns is not SQL on either engine: every PATCH route
 * answers it with the same 400, before any service is reached.
 */
function guardEmptyPatches(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (
      request.method === 'PATCH' &&
      typeof body === 'object' &&
      body !== null &&
      !Array.isArray(body) &&
      !Buffer.isBuffer(body) &&
      Object.keys(body).length === 0
    ) {
      throw invalid(NOTHING_TO_CHANGE, [{ field: 'body', message: NOTHING_TO_CHANGE }]);
    }
  });
}

/** Checks on the shape of a request body that hold for every route of a kind, whatever its schema. */
export function guardBodies(app: FastifyInstance) {
  guardFileBodies(app);
  guardEmptyPatches(app);
}
