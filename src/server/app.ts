import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../shared/limits';
import { agreementsRoutes } from './agreements/agreements.routes';
import { attendanceRoutes } from './attendance/attendance.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { boothsRoutes } from './booths/booths.routes';
import { budgetRoutes } from './budget/budget.routes';
import { checkinRoutes } from './checkin/checkin.routes';
import { RoomFeed } from './checkin/room-feed';
import { seatingRoutes } from './checkin/seating.routes';
import type { MailConfig } from './config';
import type { DbHandle } from './db/database';
import { delegatesRoutes } from './delegates/delegates.routes';
import { AppError } from './errors';
import { eventsRoutes } from './events/events.routes';
import { healthRoutes } from './health/health.routes';
import { guardBodies } from './http/body-guards';
import { errorHandler } from './http/errors';
import { withRedaction } from './http/log-redaction';
import { type RateLimits, registerSecurity, staticCacheControl } from './http/security';
import { authenticate } from './http/session';
import { XLSX_MEDIA_TYPE } from './http/types';
import { invitationsRoutes } from './invitations/invitations.routes';
import { mediaRoutes } from './media/media.routes';
import { awardsRoutes } from './ocop/awards.routes';
import { productsRoutes } from './ocop/products.routes';
import { publicRoutes } from './ocop/public.routes';
import { plansRoutes } from './plans/plans.routes';
import { privacyRoutes } from './privacy/privacy.routes';
import { papersRoutes } from './program/papers.routes';
import { programRoutes } from './program/program.routes';
import { protocolRoutes } from './protocol/protocol.routes';
import { repliesRoutes } from './replies/replies.routes';
import { reportRoutes } from './report/report.routes';
import { settingsRoutes } from './settings/settings.routes';
import { tasksRoutes } from './tasks/tasks.routes';
import { unitsRoutes } from './units/units.routes';
import { usersRoutes } from './users/users.routes';
import { APP_VERSION } from './version';

// Vietnamese messages for every schema check; English is the web's job, keyed on the error code.
z.config(z.locales.vi());

export interface BuildAppOptions {
  handle: DbHandle;
  /** Folder of the built web app; omitted → API only. */
  webRoot?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-* from a reverse proxy (so `Secure` cookies and client IPs are right behind HTTPS). */
  trustProxy?: boolean;
  /** Outgoing mail; null or omitted: invitations are not emailed (links are exported instead). */
  mail?: MailConfig | null;
  /**
   * The key reply links are derived from (see secret-key.ts). `serve` always passes the configured one; without it
   * the app makes a key of its own, so links it gives cannot be re-derived by any other process.
   */
  secretKey?: Buffer;
  /** Requests a minute per client address or reply token; omitted → the generous defaults. */
  rateLimits?: Partial<RateLimits>;
  /**
   * The public address printed on letters and badges (PUBLIC_URL); it wins over the one an administrator saves in
   * the app. Omitted or null: the app's setting, and without one, letters and badges are refused.
   */
  publicUrl?: string | null;
  /** The clock letters are dated by (Vietnam's day is taken from it); omitted → the system clock. */
  clock?: () => Date;
}

/** Builds the whole app; tests call this with their own database, `serve` with the configured one. */
export async function buildApp(options: BuildAppOptions) {
  const app = Fastify({
    logger: withRedaction(options.logger ?? false),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Live feeds (Server-Sent Events) never go idle: closing the server closes them instead of waiting.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  // Spreadsheets arrive as the raw file body, capped well above any real list.
  app.addContentTypeParser(
    [XLSX_MEDIA_TYPE, 'text/csv', 'application/vnd.ms-excel', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_req, body, done) => done(null, body),
  );

  await registerSecurity(app, { trustProxy: options.trustProxy ?? false, rateLimits: options.rateLimits });
  guardBodies(app);
  await app.register(fastifyCookie);
  // API answers over 1 KB (lists, search results) go compressed to a district officer on a slow line; brotli at a
  // low level costs little CPU. Server-Sent Events are never compressed (the default types leave them out), and
  // built files are sent already compressed (preCompressed below).
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // Sign-in is checked before validation, so an anonymous caller learns nothing but 401.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url?.startsWith('/api/') && !request.routeOptions.config.public) {
      await authenticate(options.handle.db, request);
    }
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'hoinghi API',
        description:
          'API của hệ thống tổ chức hội nghị hoinghi. Lỗi luôn có dạng { error: { code, message, details } }.',
        version: APP_VERSION,
      },
      components: {
        securitySchemes: { cookieAuth: { type: 'apiKey', in: 'cookie', name: 'hoinghi_session' } },
      },
    },
    transform: jsonSchemaTransform,
    // Collects the schemas routes refer to (recursive trees such as composition and program) into components.
    transformObject: jsonSchemaTransformObject,
  });

  const room = new RoomFeed(options.handle);
  await room.start();
  app.addHook('onClose', () => room.close());
  const deps = {
    handle: options.handle,
    mail: options.mail ?? null,
    room,
    secretKey: options.secretKey ?? randomBytes(32),
    publicUrl: options.publicUrl ?? null,
    clock: options.clock ?? (() => new Date()),
  };
  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(usersRoutes, deps);
  await app.register(unitsRoutes, deps);
  await app.register(eventsRoutes, deps);
  await app.register(plansRoutes, deps);
  await app.register(delegatesRoutes, deps);
  await app.register(repliesRoutes, deps);
  await app.register(invitationsRoutes, deps);
  await app.register(productsRoutes, deps);
  await app.register(awardsRoutes, deps);
  await app.register(publicRoutes, deps);
  await app.register(checkinRoutes, deps);
  await app.register(seatingRoutes, deps);
  await app.register(protocolRoutes, deps);
  await app.register(privacyRoutes, deps);
  await app.register(attendanceRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(agreementsRoutes, deps);
  await app.register(boothsRoutes, deps);
  await app.register(programRoutes, deps);
  await app.register(papersRoutes, deps);
  await app.register(tasksRoutes, deps);
  await app.register(budgetRoutes, deps);
  await app.register(mediaRoutes, deps);
  await app.register(reportRoutes, deps);
  await app.register(auditRoutes, deps);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  const webRoot = options.webRoot;
  const hasWeb = !!webRoot && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each text file (scripts/vite-precompress.ts); sent when accepted.
      preCompressed: true,
      // One rule for every built file, whichever way it is reached (a path, or a page sent for a client route).
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', staticCacheControl(path));
        // Caches between here and the browser must keep the compressed and plain copies apart.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && request.method === 'GET' && hasWeb) {
      // Client-side routes: every page URL serves its page, which never caches stale code. The public showcase
      // (/san-pham) is a page of its own, without the app.
      const page = /^\/san-pham(\/|\?|$)/.test(request.url)
        ? 'showcase.html'
        : /^\/checkin\//.test(request.url)
          ? 'checkin.html'
          : 'index.html';
      return reply.sendFile(page);
    }
    throw new AppError('NOT_FOUND', `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}`);
  });

  return app;
}

export type HoinghiApp = Awaited<ReturnType<typeof buildApp>>;
