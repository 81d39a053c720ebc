import { z } from 'zod';
import type { ApiError } from './api';
import { i18n } from './i18n';

// Form checks use the same zod schemas as the server; their built-in messages follow the UI language.
// Configured here, with the forms, so zod stays out of the sign-in page's download.
const applyZodLocale = (lang: string) => z.config(lang === 'en' ? z.locales.en() : z.locales.vi());
// The page's CSP forbids eval: without this, zod's first parse probes `Function('')` and the browser reports a
// violation (zod then falls back to the same checks without compiled code).
z.config({ jitless: true });
applyZodLocale(i18n.language);
i18n.on('languageChanged', applyZodLocale);

/** The shared zod schema's issues as form errors keyed by field path ("partners.0.name"). */
export function zodFieldErrors(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The server's field details as form errors, so its verdict lands next to the field. */
export function apiFieldErrors(error: unknown): Record<string, string> {
  const details = (error as ApiError | null)?.details ?? [];
  return Object.fromEntries(details.filter((d) => d.field).map((d) => [d.field!, d.message]));
}
