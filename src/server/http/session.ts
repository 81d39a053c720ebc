import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { findActorBySessionToken, SESSION_TTL_MS } from '../auth/auth.service';
import type { Db } from '../db/database';
import { AppError, forbidden } from '../errors';

export const SESSION_COOKIE = 'hoinghi_session';
/** Marks a browser that signed in before; sent only to the sign-in and password routes. */
export const DEVICE_COOKIE = 'hoinghi_device';
const DEVICE_COOKIE_PATH = '/api/auth';
const DEVICE_TTL_S = 365 * 24 * 3600;

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, public pages). Every other /api route needs a session. */
    public?: boolean;
  }
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  return request.cookies[SESSION_COOKIE] ?? null;
}

export function deviceTokenOf(request: FastifyRequest): string | null {
  return request.cookies[DEVICE_COOKIE] ?? null;
}

/**
 * The signed-in actor, or 401. Looked up once per request. While the account holds a temporary password only
 * /api/auth/* (me, sign-out, password) answers: the web's redirect is a convenience, this is the rule.
 */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Actor> {
  if (request.actor === undefined) {
    const token = sessionTokenOf(request);
    request.actor = token ? await findActorBySessionToken(db, token) : null;
  }
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục');
  if (request.actor.mustChangePassword && !request.routeOptions.url?.startsWith('/api/auth/')) {
    throw new AppError(
      'PASSWORD_CHANGE_REQUIRED',
      'Bạn đang dùng mật khẩu tạm. Hãy đổi mật khẩu trước khi tiếp tục.',
    );
  }
  return request.actor;
}

/** Fails with 403 unless the policy allows; called before any data is touched. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

/** HttpOnly so scripts never read it; SameSite=Lax against cross-site posts; Secure whenever the request came over HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

/** Long-lived and HttpOnly: it only says "this browser signed in to these accounts before", never who is signed in. */
export function setDeviceCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: DEVICE_TTL_S,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
