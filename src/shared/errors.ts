import { z } from 'zod';

/** Stable error codes: the web switches on these, never on message text. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'PASSWORD_CHANGE_REQUIRED',
  'DEMO_PASSWORD_REMOTE',
  'RATE_LIMITED',
  'INVALID_STATUS_TRANSITION',
  'IMPORT_FAILED',
  'IMPORT_TOO_LARGE',
  'UNKNOWN_TOKEN',
  'NOT_ISSUED',
  'INTERNAL',
  'CERTIFICATE_NUMBER_MISSING',
  'PUBLIC_URL_MISSING',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorDetailSchema = z.object({
  /** Field path ("name", "partnerUnitIds.2") or, for imports, "Dòng 5, cột Tên đơn vị". */
  field: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
