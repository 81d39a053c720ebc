import type { EventRole, Membership } from '../../shared/auth';

/** Who is acting: every service call receives one, and every policy reads one. */
export interface Actor {
  id: string;
  username: string;
  fullName: string;
  isAdmin: boolean;
  memberships: Membership[];
  /** Set while the account holds a temporary password: the API then answers only /api/auth/*. */
  mustChangePassword?: boolean;
}

export function roleIn(actor: Actor, eventId: string): EventRole | null {
  return actor.memberships.find((m) => m.eventId === eventId)?.role ?? null;
}

export function unitIn(actor: Actor, eventId: string): string | null {
  return actor.memberships.find((m) => m.eventId === eventId)?.unitId ?? null;
}

export function organizesAnyEvent(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === 'organizer');
}

/** The actor used by command-line tools and the demo loader. */
export const SYSTEM_ACTOR: Actor = {
  id: 'system',
  username: 'system',
  fullName: 'Hệ thống',
  isAdmin: true,
  memberships: [],
};
