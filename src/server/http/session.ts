import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { findActorBySessionToken, SESSION_TTL_MS } from '../auth/auth.service';
import type { Db } from '../db/database';
import { AppError, forbidden } from '../errors';

export const SESSION_COOKIE = 'hoinghi_session';

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

/** The signed-in actor, or 401. Looked up once per request. */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Actor> {
  if (request.actor === undefined) {
    const token = sessionTokenOf(request);
    request.actor = token ? await findActorBySessionToken(db, token) : null;
  }
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục');
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

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
