import { type Actor, roleIn } from '../auth/actor';

/** The organizers keep the budget; the leader (viewer) reads it. Units and the reception do not see money. */
export const canViewBudget = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'viewer'].includes(roleIn(actor, eventId) ?? '');

export const canEditBudget = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) === 'organizer';
