import type { Event } from '../../shared/events';
import type { Executor } from '../db/database';
import type { CompositionGroupsTable } from '../db/schema';
import { findGroupRows } from '../delegates/composition.repository';
import { LISTED_ON_OFFICIAL_LISTS } from '../delegates/delegates.export';
import type { Scope } from '../delegates/delegates.policy';
import { type DelegateRow, findAllDelegateRows } from '../delegates/delegates.repository';
import { getEventById } from '../events/events.service';
import { findAttendanceRows } from './attendance.repository';

/** One composition group after the event: planned against listed, present, substitutes, walk-ins, absent. */
export interface AttendanceGroup {
  groupId: string | null;
  title: string;
  /** The plan's count for the group; null when the plan gave none. */
  planned: number | null;
  /** On the list (invited, not declined, not replaced), walk-ins aside. */
  listed: number;
  /** Everyone checked in, walk-ins included. */
  present: number;
  /** Of those present, people who came in another's place. */
  substitutes: number;
  /** Of those present, people not on the list (registered at the desk). */
  walkIns: number;
  /** On the list and not checked in. */
  absent: number;
}

export interface AttendancePerson {
  row: DelegateRow;
  checkedInAt: string | null;
  walkInReason: string | null;
}

export interface AttendanceReport {
  event: Event;
  groups: AttendanceGroup[];
  total: Omit<AttendanceGroup, 'groupId' | 'title'>;
  /** Present substitutes and absent people by group, in protocol order. */
  substitutes: AttendancePerson[];
  absent: AttendancePerson[];
}

/** "7.2. Đại biểu cấp tỉnh — Văn phòng: …": a group under its parent, as the lists title it. */
export function groupTitle(groups: CompositionGroupsTable[], g: CompositionGroupsTable): string {
  const parent = g.parent_id ? groups.find((p) => p.id === g.parent_id) : undefined;
  return parent ? `${parent.title} — ${g.title}` : g.title;
}

/**
 * The attendance summary from the check-ins: per leaf composition group (a parent's count is its parts'), the
 * planned quota, who was listed, who came (substitutes and walk-ins among them) and who did not. Listed =
 * present − walk-ins + absent in every row.
 */
export async function getAttendanceReport(
  db: Executor,
  scope: Scope,
  eventId: string,
): Promise<AttendanceReport> {
  const event = await getEventById(db, eventId);
  const [groups, rows, attendance] = await Promise.all([
    findGroupRows(db, eventId),
    findAllDelegateRows(db, eventId, scope.all ? null : [...scope.unitIds]),
    findAttendanceRows(db, eventId),
  ]);
  const arrived = new Map(attendance.map((a) => [a.delegate_id, a]));
  const listed = new Set<string>(LISTED_ON_OFFICIAL_LISTS);
  const people: AttendancePerson[] = rows
    .filter((r) => listed.has(r.status) || arrived.has(r.id))
    .map((row) => ({
      row,
      checkedInAt: arrived.get(row.id)?.checked_in_at ?? null,
      walkInReason: arrived.get(row.id)?.walk_in_reason ?? null,
    }));
  const parents = new Set(groups.map((g) => g.parent_id).filter(Boolean));
  const leaves = groups.filter((g) => !parents.has(g.id));
  const count = (mine: AttendancePerson[]) => {
    const present = mine.filter((p) => p.checkedInAt);
    return {
      listed: mine.filter((p) => !p.walkInReason).length,
      present: present.length,
      substitutes: present.filter((p) => p.row.substitute_for_id).length,
      walkIns: present.filter((p) => p.walkInReason).length,
      absent: mine.filter((p) => !p.checkedInAt && !p.walkInReason).length,
    };
  };
  const result: AttendanceGroup[] = leaves.map((g) => ({
    groupId: g.id,
    title: groupTitle(groups, g),
    planned: g.planned_count,
    ...count(people.filter((p) => p.row.group_id === g.id)),
  }));
  const known = new Set(leaves.map((g) => g.id));
  const others = people.filter((p) => !p.row.group_id || !known.has(p.row.group_id));
  if (others.length) result.push({ groupId: null, title: 'Chưa xếp nhóm', planned: null, ...count(others) });
  const sum = (key: keyof ReturnType<typeof count>) => result.reduce((t, g) => t + g[key], 0);
  const planned = result.filter((g) => g.planned !== null);
  return {
    event,
    groups: result,
    total: {
      planned: planned.length ? planned.reduce((t, g) => t + g.planned!, 0) : null,
      listed: sum('listed'),
      present: sum('present'),
      substitutes: sum('substitutes'),
      walkIns: sum('walkIns'),
      absent: sum('absent'),
    },
    substitutes: people.filter((p) => p.checkedInAt && p.row.substitute_for_id),
    absent: people.filter((p) => !p.checkedInAt && !p.walkInReason),
  };
}
