import { z } from 'zod';
import { MAX_PAGE_SIZE } from './limits';
import { cleanText } from './text';

/** Control characters have no place in a name; they break documents and lists. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** A human-entered name: trimmed, NFC, whitespace collapsed, no control characters. */
export function nameSchema(max: number) {
  return z
    .string()
    .refine((v) => !CONTROL_CHARS.test(v), 'Không được chứa ký tự điều khiển')
    .transform(cleanText)
    .pipe(z.string().min(1, 'Không được để trống').max(max, `Tối đa ${max} ký tự`));
}

/** Optional free text: empty becomes null. */
export function optionalTextSchema(max: number) {
  return z
    .string()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((v) => v.normalize('NFC').trim() || null)
    .nullable()
    .optional();
}

// Control characters (NUL above all, which PostgreSQL cannot store or compare) are refused in ids and searches.
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((v) => !CONTROL_CHARS.test(v), 'Không được chứa ký tự điều khiển');

/** A search box's text. */
export const searchTextSchema = z
  .string()
  .max(200)
  .refine((v) => !CONTROL_CHARS.test(v), 'Không được chứa ký tự điều khiển');

/** Calendar date "YYYY-MM-DD" (validity dates, document dates). */
export const calendarDateSchema = z.iso.date();

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });
