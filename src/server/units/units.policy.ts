import type { Actor } from '../auth/actor';

/** The catalogue is reference data every signed-in user needs to pick units. */
export const canReadUnits = (_actor: Actor): boolean => true;

/**
 * The catalogue is shared by every event, and a unit officer's scope is the subtree under their unit: renaming or
 * re-parenting a unit changes what officers of other events see. So only admins keep it; an organizer picks units
 * for their own event's composition (seats), which is the event's business, not the catalogue's.
 */
export const canEditUnits = (actor: Actor): boolean => actor.isAdmin;

export const canImportUnits = (actor: Actor): boolean => actor.isAdmin;

export const canDeleteUnits = (actor: Actor): boolean => actor.isAdmin;
