import { type Actor, organizesAnyEvent } from '../auth/actor';
import { canEditEvent, canViewEvent } from '../events/events.policy';
import { canEditUnits } from '../units/units.policy';

/** The product register is reference data every signed-in user may read. */
export const canReadProducts = (_actor: Actor): boolean => true;

/** Admins and organizers keep the register (as they keep producers in the units catalogue). */
export const canEditProducts = (actor: Actor): boolean => actor.isAdmin || organizesAnyEvent(actor);

/** A product import that adds unknown producers writes the shared units catalogue: whoever keeps the catalogue. */
export const canCreateProducers = canEditUnits;

/** The catalogue of OCOP groups follows the criteria decisions: admins only. */
export const canEditProductGroups = (actor: Actor): boolean => actor.isAdmin;

/** Everyone in the event follows the ceremony (reception marks who is present); organizers lay it out. */
export const canViewAwards = canViewEvent;
export const canEditAwards = canEditEvent;

/** Certificates carry the province's signature block: organizers print them. */
export const canPrintCertificates = canEditEvent;
