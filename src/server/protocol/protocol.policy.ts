import { type Actor, roleIn } from '../auth/actor';

/** The ladder of titles is shared by every event: only an admin edits it; anyone signed in reads it. */
export const canEditLadder = (actor: Actor): boolean => actor.isAdmin;

/** The chair and presidium name the province's leaders: the event's organizers, leaders and desk see them. */
export const canViewPresidium = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'viewer', 'checkin'].includes(roleIn(actor, eventId) ?? '');

export const canSetPresidium = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) === 'organizer';
