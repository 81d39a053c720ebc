import { type Actor, organizesAnyEvent } from '../auth/actor';

export const canManageUsers = (actor: Actor): boolean => actor.isAdmin;

/** Organizers see the accounts so they can give people roles in their events. */
export const canListUsers = (actor: Actor): boolean => actor.isAdmin || organizesAnyEvent(actor);
