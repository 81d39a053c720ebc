import { type Actor, roleIn } from '../auth/actor';

/** Everyone with a role in the event reads the program. */
export const canReadProgram = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) !== null;

/** The program, speakers and paper reviews are the organizers'. */
export const canEditProgram = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) === 'organizer';

/** A unit sends its own papers (the service checks which unit); organizers send any. */
export const canSubmitPapers = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'unit_officer'].includes(roleIn(actor, eventId) ?? '');

/** Papers: everyone with a role; a unit officer sees only their own units' (the service filters). */
export const canReadPapers = canReadProgram;

/**
 * The MC script names every leader of every unit and who is in the hall: the organizers, the desk and the leaders
 * watching (viewer), not a unit officer.
 */
export const canReadMcScript = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'checkin', 'viewer'].includes(roleIn(actor, eventId) ?? '');

/** Who presses "next" for the hall screen: the organizers and the desk. */
export const canDriveHall = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'checkin'].includes(roleIn(actor, eventId) ?? '');

/** The projector and the MC's phone follow the hall. */
export const canWatchHall = canReadMcScript;
