import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** Requests a minute allowed per key; generous, so a hall behind one NAT address never meets them. */
export interface RateLimits {
  /** The reply page's API, per client address: 300 delegates opening their link at once stay well under it. */
  repliesPerIp: number;
  /** The reply page's API, per reply token: one person's page, however often reloaded. */
  repliesPerToken: number;
  /** The public showcase's API, per client address. */
  publicPerIp: number;
  /** Sign-in attempts per client address (the lock-out per account is the auth service's). */
  loginPerIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  repliesPerIp: 3000,
  repliesPerToken: 120,
  publicPerIp: 3000,
  loginPerIp: 60,
};

const MINUTE = 60_000;

/**
 * What the pages need and nothing more: the SPA, the showcase and the check-in desk load only their own hashed
 * scripts; Mantine writes style tags at run time (hence 'unsafe-inline' for styles only); product photos and QR
 * previews are data:/blob: images; qr-scanner starts its decoder as a blob: worker and the desk registers
 * /checkin-sw.js. No upgrade-insecure-requests: a plain-HTTP install on the hall's LAN must keep working.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  // The reply page's buttons work without sign-in: no other site may frame it to trick a click.
  frameAncestors: ["'none'"],
};

/** The house error for a request over its limit; the plugin sets Retry-After. */
function rateLimited(retryAfterSeconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    'RATE_LIMITED',
    `Quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau khoảng ${minutes} phút.`,
    [{ message: `Thử lại sau ${retryAfterSeconds} giây` }],
  );
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** Which limiters a request counts against, by the route it matched (all of them must allow it). */
function limitersFor(
  request: FastifyRequest,
  limiters: Record<'repliesIp' | 'repliesToken' | 'publicIp' | 'login', Limiter>,
): Limiter[] {
  const route = request.routeOptions.url ?? '';
  if (route.startsWith('/api/replies/')) return [limiters.repliesIp, limiters.repliesToken];
  if (route.startsWith('/api/public/')) return [limiters.publicIp];
  if (route === '/api/auth/login' && request.method === 'POST') return [limiters.login];
  return [];
}

/**
 * Security headers (helmet), caching rules and rate limits. Headers go on every answer; HSTS only behind a
 * proxy (TRUST_PROXY), which is how an HTTPS install is run; browsers ignore it over plain HTTP anyway.
 */
export async function registerSecurity(
  app: FastifyInstance,
  options: { trustProxy: boolean; rateLimits?: Partial<RateLimits> | undefined },
) {
  const https = options.trustProxy;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // The reply token is in the page's URL: no Referer may carry it to another site.
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    // Both are ignored with a console warning on a plain-HTTP origin, and nothing here is cross-origin isolated.
    crossOriginOpenerPolicy: https,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: https,
  });

  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  await app.register(fastifyRateLimit, { global: false });
  const perIp = (max: number) => app.createRateLimit({ max, timeWindow: MINUTE });
  const limiters = {
    repliesIp: perIp(limits.repliesPerIp),
    repliesToken: app.createRateLimit({
      max: limits.repliesPerToken,
      timeWindow: MINUTE,
      keyGenerator: (request) => `token:${(request.params as { token?: string }).token ?? ''}`,
    }),
    publicIp: perIp(limits.publicPerIp),
    login: perIp(limits.loginPerIp),
  };
  // onRequest, before the session check, so an over-eager client is turned away before any database work.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    for (const limiter of limitersFor(request, limiters)) {
      const state = await limiter(request);
      if (!state.isAllowed && state.isExceeded) {
        reply.header('retry-after', String(state.ttlInSeconds));
        throw rateLimited(state.ttlInSeconds);
      }
    }
  });

  // Personal data must not sit in shared or browser caches; routes that are safe to cache say so themselves.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

/** Built files: hashed names under /assets/ never change; everything else (pages, service worker) revalidates. */
export function staticCacheControl(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
