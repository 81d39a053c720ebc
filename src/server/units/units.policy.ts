import { type Actor, organizesAnyEvent } from '../auth/actor';

/** The catalogue is reference data every signed-in user needs to pick units. */
export const canReadUnits = (_actor: Actor): boolean => true;

/** Admins keep the catalogue; organizers add the producers and guests their events bring. */
export const canEditUnits = (actor: Actor): boolean => actor.isAdmin || organizesAnyEvent(actor);

export const canImportUnits = (actor: Actor): boolean => actor.isAdmin;

export const canDeleteUnits = (actor: Actor): boolean => actor.isAdmin;
