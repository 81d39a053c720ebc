import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import { getEventStatus } from '../events/events.service';
import { authenticate, authorize } from './session';

/**
 * The actor behind a request on /api/events/:eventId/…, allowed by the policy for that event; 404 when the event
 * does not exist, unless the service finds its own way there (`eventCheckedByService`, for the door's hot path).
 */
export async function actorInEvent(
  db: Db,
  request: FastifyRequest & { params: { eventId: string } },
  policy: (actor: Actor, eventId: string) => boolean,
  options: { eventCheckedByService?: boolean } = {},
): Promise<Actor> {
  const actor = await authenticate(db, request);
  authorize(policy(actor, request.params.eventId));
  if (!options.eventCheckedByService) await getEventStatus(db, request.params.eventId);
  return actor;
}
