import type { Actor } from './actor';

/**
 * Who is behind a session, remembered for two seconds: the check-in desk sends thousands of requests a minute
 * and each would otherwise read the session, the user and their roles. Anything that ends a session or changes
 * roles in this process forgets everything at once; another app server notices within the two seconds.
 */
const TTL_MS = 2000;
const MAX = 10_000;
const cache = new Map<string, { actor: Actor | null; until: number }>();

export function cachedActor(sessionId: string): Actor | null | undefined {
  const hit = cache.get(sessionId);
  if (!hit) return undefined;
  if (hit.until < Date.now()) {
    cache.delete(sessionId);
    return undefined;
  }
  return hit.actor;
}

export function rememberActor(sessionId: string, actor: Actor | null): void {
  if (cache.size >= MAX) cache.clear();
  cache.set(sessionId, { actor, until: Date.now() + TTL_MS });
}

/** After sign-out, a password change, a role or account change: nobody is served from memory any more. */
export function forgetSessions(): void {
  cache.clear();
}
