import type { ErrorCode, ErrorDetail } from '../shared/errors';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_TOKEN: 404,
  CONFLICT: 409,
  INVALID_STATUS_TRANSITION: 409,
  NOT_ISSUED: 409,
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  IMPORT_FAILED: 422,
  IMPORT_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  DEMO_PASSWORD_REMOTE: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  CERTIFICATE_NUMBER_MISSING: 409,
  PUBLIC_URL_MISSING: 409,
};

/** The one error type services throw; the HTTP layer maps it to `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly status: number;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.status = STATUS_BY_CODE[code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `Không tìm thấy ${what}`);
}

export function forbidden(message = 'Bạn không có quyền thực hiện thao tác này'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function conflict(message: string, details?: ErrorDetail[]): AppError {
  return new AppError('CONFLICT', message, details);
}

export function invalid(message: string, details?: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', message, details);
}

/** Bad input in one field: the message names it, and the form puts it under that field. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field, message }]);
}
