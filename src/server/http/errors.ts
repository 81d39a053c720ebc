import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorDetail } from '../../shared/errors';
import { AppError } from '../errors';

const FIELD_LABELS: Record<string, string> = {
  body: 'dữ liệu gửi lên',
  querystring: 'tham số truy vấn',
  params: 'đường dẫn',
};

/** One place turns every failure into `{ error: { code, message, details } }` with a Vietnamese message. */
export function errorHandler(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const send = (status: number, body: ErrorBody) => reply.status(status).send(body);

  if (error instanceof AppError) {
    return send(error.status, {
      error: { code: error.code, message: error.message, details: error.details },
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = FIELD_LABELS[(error as FastifyError).validationContext ?? 'body'] ?? 'dữ liệu';
    const details: ErrorDetail[] = error.validation.map((v) => ({
      // An unknown key has no path of its own; zod lists it in `keys`.
      field:
        v.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
        (v.params as { keys?: string[] }).keys?.join(', ') ||
        undefined,
      message: v.message ?? 'Không hợp lệ',
    }));
    const first = details[0];
    const summary = first ? `${first.field ? `${first.field}: ` : ''}${first.message}` : '';
    return send(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: `Dữ liệu không hợp lệ ở ${part}${summary ? ` — ${summary}` : ''}`,
        details,
      },
    });
  }
  const code = (error as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(413, {
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: /\/photos(\?|$)/.test(request.url)
          ? 'Ảnh quá lớn: mỗi ảnh sản phẩm tối đa 5 MB'
          : /\/papers(\?|$)/.test(request.url)
            ? 'Tệp tham luận quá lớn: tối đa 20 MB'
            : 'Tệp hoặc dữ liệu gửi lên quá lớn: bảng tính (.xlsx, .csv) tối đa 10 MB, văn bản kế hoạch tối đa 5 MB',
      },
    });
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(415, {
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Định dạng dữ liệu gửi lên không được hỗ trợ' },
    });
  }
  const status = (error as FastifyError).statusCode;
  if (status === 400 && (code?.startsWith('FST_ERR_CTP_') || error instanceof SyntaxError)) {
    return send(400, { error: { code: 'INVALID_JSON', message: 'Dữ liệu gửi lên không phải JSON hợp lệ' } });
  }
  if (status && status >= 400 && status < 500) {
    return send(status, { error: { code: 'VALIDATION_FAILED', message: 'Yêu cầu không hợp lệ' } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, {
    error: { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị hệ thống.' },
  });
}
