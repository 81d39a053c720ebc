import { type Actor, roleIn, unitIn } from '../auth/actor';
import type { Executor } from '../db/database';
import { forbidden } from '../errors';
import { findUnitSubtree } from '../units/units.service';

/** Everyone with a role in the event reads delegates; a unit officer only their own unit's part. */
export const canReadDelegates = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) !== null;

/** Organizers change any delegate; unit officers their own unit's (the service checks which). */
export const canWriteDelegates = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || ['organizer', 'unit_officer'].includes(roleIn(actor, eventId) ?? '');

/** Groups, seats and quotas are the organizers'. */
export const canManageComposition = (actor: Actor, eventId: string): boolean =>
  actor.isAdmin || roleIn(actor, eventId) === 'organizer';

/**
 * Which sending units an actor's delegate work reaches: all of them, or a unit officer's unit and every unit
 * under it (a district, its communes, their producers).
 */
export type Scope = { all: true } | { all: false; unitId: string | null; unitIds: Set<string> };

export async function scopeOf(db: Executor, actor: Actor, eventId: string): Promise<Scope> {
  if (actor.isAdmin || roleIn(actor, eventId) !== 'unit_officer') return { all: true };
  const unitId = unitIn(actor, eventId);
  return { all: false, unitId, unitIds: new Set(unitId ? await findUnitSubtree(db, unitId) : []) };
}

export function inScope(scope: Scope, unitId: string | null): boolean {
  return scope.all || (unitId !== null && scope.unitIds.has(unitId));
}

export const OUT_OF_SCOPE =
  'Bạn không có quyền thực hiện thao tác này: đại biểu thuộc đơn vị khác, bạn chỉ làm việc với đơn vị của mình';

/** 403 for a delegate or seat of another unit: an officer of Hoằng Hóa never touches Nga Sơn's. */
export function assertInScope(scope: Scope, unitId: string | null): void {
  if (!inScope(scope, unitId)) throw forbidden(OUT_OF_SCOPE);
}

/**
 * The sending units a query keeps, for a `where unit_id in (…)`: null for everything; never an empty list (no
 * engine accepts `in ()`), so an officer without a unit matches nothing.
 */
export function scopeUnitList(scope: Scope): string[] | null {
  if (scope.all) return null;
  return scope.unitIds.size ? [...scope.unitIds] : [''];
}
