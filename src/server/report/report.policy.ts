import { type Actor, roleIn } from '../auth/actor';

/** The readiness board and the closing report are for the organizers and the leader (event viewer). */
export const canViewReadiness = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'viewer'].includes(roleIn(actor, eventId) ?? '');

export const canDownloadReport = canViewReadiness;
