import { type Actor, roleIn } from '../auth/actor';

/** Everyone in the event follows the duties (the leader included); a unit officer sees their unit's only. */
export const canViewTasks = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) !== null;

/** Organizers work on every duty, unit officers on their unit's (the service checks which). */
export const canWorkOnTasks = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'unit_officer'].includes(roleIn(actor, eventId) ?? '');

/** Creating, deleting, retitling and dating duties is the organizers'. */
export const canManageTasks = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) === 'organizer';
