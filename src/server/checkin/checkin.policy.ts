import { type Actor, roleIn } from '../auth/actor';

/** The desk: reception staff and organizers check people in, hand documents, register walk-ins and substitutes. */
export const canCheckIn = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'checkin'].includes(roleIn(actor, eventId) ?? '');

/** The live room figures: anyone with a role in the event (a leader watching from the stage included). */
export const canWatchRoom = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) !== null;
