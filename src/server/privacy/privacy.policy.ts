import { type Actor, roleIn } from '../auth/actor';

/**
 * One person's data: the organizers, and the unit officer of the unit that sent them (the service checks the
 * unit through the delegates' scope).
 */
export const canExportPersonalData = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'unit_officer'].includes(roleIn(actor, eventId) ?? '');

/** Erasing a whole event's personal data is the organizers' (or an admin's) decision. */
export const canErasePersonalData = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) === 'organizer';
