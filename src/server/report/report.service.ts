import type { Budget } from '../../shared/budget';
import type { RoomSummary } from '../../shared/checkin';
import type { Event } from '../../shared/events';
import { vietnamDay } from '../../shared/format';
import type { Awards } from '../../shared/ocop';
import type { ExternalSections, Media } from '../../shared/report';
import type { Task } from '../../shared/tasks';
import { getBudget } from '../budget/budget.service';
import { roomSummary } from '../checkin/checkin.room';
import type { Executor } from '../db/database';
import { getComposition } from '../delegates/composition.service';
import { getEventById } from '../events/events.service';
import { getMedia } from '../media/media.service';
import { getAwards } from '../ocop/awards.service';
import { findTasksInScope } from '../tasks/tasks.service';
import { nowIso } from '../util';
import { findDelegateRows } from './report.repository';
import { loadExternalSections } from './report.sources';

/** Everything the closing report states, gathered from each feature's own reading (never a second count). */
export interface ReportData {
  event: Event;
  generatedOn: string;
  /** The room screen's figures, as it counts them. */
  room: RoomSummary;
  attendance: { title: string; planned: number | null; expected: number; arrived: number }[];
  people: {
    fullName: string;
    position: string | null;
    organization: string | null;
    group: string | null;
    status: string;
    checkedInAt: string | null;
    walkIn: boolean;
    substituteFor: string | null;
  }[];
  awards: Awards;
  handedByStars: { stars: number; recipients: number; products: number }[];
  handedByDistrict: { district: string; recipients: number; products: number }[];
  budget: Budget;
  tasks: Task[];
  media: Media;
  external: ExternalSections;
}

export async function collectReport(db: Executor, eventId: string): Promise<ReportData> {
  const all = { all: true } as const;
  const [event, room, composition, people, awards, budget, tasks, media, external] = await Promise.all([
    getEventById(db, eventId),
    roomSummary(db, eventId),
    getComposition(db, all, eventId),
    findDelegateRows(db, eventId),
    getAwards(db, eventId, all),
    getBudget(db, eventId),
    findTasksInScope(db, eventId, all),
    getMedia(db, eventId),
    loadExternalSections(db, eventId),
  ]);
  const groups = new Map(composition.groups.map((g) => [g.id, g]));
  const attendance = room.groups.map((g) => {
    const group = g.groupId ? groups.get(g.groupId) : undefined;
    return {
      title: g.title,
      planned: group ? (group.plannedCount ?? (group.quota || null)) : null,
      expected: g.expected,
      arrived: g.arrived,
    };
  });

  const handed = awards.batches.flatMap((b) => b.recipients).filter((r) => r.handedOverAt);
  const stars = new Map<number, { stars: number; recipients: Set<string>; products: number }>();
  const districts = new Map<string, { district: string; recipients: number; products: number }>();
  for (const r of handed) {
    for (const p of r.products) {
      const s = p.stars ?? 0;
      const entry = stars.get(s) ?? { stars: s, recipients: new Set<string>(), products: 0 };
      entry.products++;
      entry.recipients.add(r.id);
      stars.set(s, entry);
    }
    const name = r.districtName ?? 'Khác';
    const d = districts.get(name) ?? { district: name, recipients: 0, products: 0 };
    d.recipients++;
    d.products += r.products.length;
    districts.set(name, d);
  }

  return {
    event,
    generatedOn: vietnamDay(nowIso()),
    room,
    attendance,
    people: people.map((p) => ({
      fullName: p.full_name,
      position: p.position,
      organization: p.organization,
      group: p.group_title,
      status: p.status,
      checkedInAt: p.checked_in_at,
      walkIn: !!p.walk_in_reason,
      substituteFor: p.substitute_for_name,
    })),
    awards,
    handedByStars: [...stars.values()]
      .sort((a, b) => b.stars - a.stars)
      .map((s) => ({ stars: s.stars, recipients: s.recipients.size, products: s.products })),
    handedByDistrict: [...districts.values()].sort((a, b) => a.district.localeCompare(b.district, 'vi')),
    budget,
    tasks: tasks.items,
    media,
    external,
  };
}

/** Who did not come: declined before, or expected and not checked in (substituted people are not absent). */
export function absencesOf(data: ReportData) {
  const declined = data.people.filter((p) => p.status === 'declined');
  const missing = data.people.filter(
    (p) => !p.checkedInAt && !['declined', 'replaced'].includes(p.status) && !p.walkIn,
  );
  return { declined, missing };
}

export const substitutesOf = (data: ReportData) => data.people.filter((p) => p.substituteFor);
