import type { FastifyServerOptions } from 'fastify';

// Nghị định 13/2023/NĐ-CP: phones and emails never reach the logs. Requests carry them in query strings (a delegate
// searched by phone), error messages may quote them (a database constraint names the value), and reply links carry
// a token that is a credential.

const EMAIL = /[^\s@/?&=:;,"'<>]+@[^\s@/?&=:;,"'<>]+\.[a-z]{2,}/gi;
/** Seven or more digits, with the spaces, dots and dashes people type between them (0912 345 678, +84.912…). */
const DIGIT_RUN = /\+?\d(?:[\s.\-()]*\d){6,}/g;
const TOKEN_PATH = /(\/(?:api\/replies|r)\/)[^/?#]+/g;

/** The text with every email and long digit run masked. */
export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(DIGIT_RUN, '[số]');
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}

/** A request URL fit for a log line: the path without reply tokens, the query decoded and masked. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(TOKEN_PATH, '$1[token]');
  // Decoded first: "0912%20345%20678" hides its digits from the mask, and "%20" adds digits of its own.
  const query = at < 0 ? '' : `?${redactPersonalData(decoded(url.slice(at + 1)))}`;
  return redactPersonalData(decoded(path)) + query;
}

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
  routeOptions?: { url?: string };
}

interface LoggedError {
  name?: string;
  message?: string;
  stack?: string;
  code?: string;
  statusCode?: number;
}

export const redactingSerializers = {
  req: (request: LoggedRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    route: request.routeOptions?.url,
    remoteAddress: request.ip,
  }),
  // Only what explains the failure: driver errors carry extra fields (PostgreSQL's `detail` quotes the row).
  err: (error: LoggedError) => ({
    type: error.name ?? 'Error',
    message: redactPersonalData(String(error.message ?? '')),
    stack: redactPersonalData(error.stack ?? ''),
    code: error.code,
    statusCode: error.statusCode,
  }),
};

/** The logger options with the redacting serializers on top of whatever the caller asked for. */
export function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { ...base, serializers: { ...(base.serializers ?? {}), ...redactingSerializers } };
}
