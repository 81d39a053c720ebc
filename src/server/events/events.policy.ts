import { type Actor, organizesAnyEvent, roleIn } from '../auth/actor';

export const canCreateEvent = (actor: Actor): boolean => actor.isAdmin || organizesAnyEvent(actor);

/** Anyone with a role in the event sees it; a unit officer then sees only their unit's part of each feature. */
export const canViewEvent = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) !== null;

export const canEditEvent = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) === 'organizer';

export const canDeleteEvent = (actor: Actor): boolean => actor.isAdmin;

export const canManageMembers = canEditEvent;

export const canReadAudit = canEditEvent;
