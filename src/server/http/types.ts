import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RoomFeed } from '../checkin/room-feed';
import type { MailConfig } from '../config';
import type { DbHandle } from '../db/database';

/** The Fastify instance every routes file receives: zod-typed, with the database handle. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteDeps {
  handle: DbHandle;
  mail: MailConfig | null;
  /** Check-in changes, across app servers. */
  room: RoomFeed;
  /** Reply links are derived from this key, kept outside the database. */
  secretKey: Buffer;
  /** PUBLIC_URL from the environment (normalised), or null: the app's own setting applies then. */
  publicUrl: string | null;
  /** The clock documents are dated by; tests move it across midnight. */
  clock: () => Date;
}

/** Where reply links point: this server as the browser reached it. */
export const baseUrlOf = (request: { protocol: string; host: string }) =>
  `${request.protocol}://${request.host}`;

/** OpenAPI: routes behind the session cookie say so. */
export const cookieAuth = [{ cookieAuth: [] }];

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a generated file as a download; the filename is ASCII for old browsers, UTF-8 for the rest. */
export function sendDownload(
  reply: { type(t: string): unknown; header(k: string, v: string): unknown; send(payload: never): unknown },
  file: { buffer: Buffer; mediaType: string; asciiName: string; name: string },
): void {
  reply.type(file.mediaType);
  reply.header(
    'content-disposition',
    `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  reply.send(file.buffer as never);
}
