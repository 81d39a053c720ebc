import type { CreateEventInput } from './events';
import type { PlanDraft } from './plan';
import type { CompositionGroupInput, PlanContentsInput, ProgramItemInput } from './plan-contents';

/** Names as a plan writes them → catalogue unit ids (null when no unit matched). */
export type UnitLinks = Record<string, string | null>;

/** The event fields a plan gives. Times are the caller's: a plan often names no day. */
export function draftToEvent(
  draft: PlanDraft,
  links: UnitLinks,
  times: { startsAt: string; endsAt: string },
): CreateEventInput {
  const e = draft.event;
  const link = (name: string | null) => (name ? (links[name] ?? null) : null);
  // "Hội trường 25B - Thành phố Thanh Hóa": the hall, then where it is.
  const [venueName, venueAddress] = (e.venue ?? '').split(/\s+-\s+(?=[^-]+$)/);
  return {
    name: e.name ?? '',
    planNumber: draft.header.number ?? (draft.header.symbol ? `/${draft.header.symbol}` : null),
    planDate: draft.header.date,
    planIssuer: draft.header.issuer,
    planSignerAuthority: draft.signer?.authority ?? null,
    planSignerTitle: draft.signer?.title ?? null,
    planSignerName: draft.signer?.name ?? null,
    hostUnitId: link(e.host),
    leadUnitId: link(e.lead),
    partners: e.partners.map((p) => ({ unitId: link(p.name), name: p.name })),
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    timeText: e.time.text,
    venueName: venueName || null,
    venueAddress: venueAddress ?? null,
    expectedAttendees: e.expectedAttendees,
    fundingSource: draft.funding?.text ?? null,
  };
}

/** What the plan orders besides the event: composition, program, side activities, tasks, legal bases, recipients. */
export function draftToContents(draft: PlanDraft, links: UnitLinks): PlanContentsInput {
  return {
    purpose: draft.purpose?.text ?? null,
    composition: draft.composition,
    program: draft.program,
    sideActivities: draft.sideActivities,
    tasks: draft.tasks.map((t) => ({ unit: t.unit, unitId: links[t.unit] ?? null, duties: t.duties })),
    legalBases: draft.legalBases,
    recipients: draft.recipients,
  };
}

export interface PlanChange {
  section: 'event' | 'composition' | 'program' | 'sideActivities' | 'tasks';
  label: string;
  before: string | null;
  after: string | null;
}

export interface PlanSide {
  event: {
    name: string;
    hostName?: string | null;
    leadName?: string | null;
    partners: { name: string }[];
    timeText: string | null;
    venueName: string | null;
    venueAddress: string | null;
    expectedAttendees: number | null;
    fundingSource: string | null;
    planNumber: string | null;
    planSignerName: string | null;
  };
  contents: {
    composition: CompositionGroupInput[];
    program: ProgramItemInput[];
    sideActivities: { title: string; count: number | null }[];
    tasks: { unit: string; duties: string[] }[];
  };
}

function leaves(nodes: CompositionGroupInput[], prefix = ''): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const n of nodes) {
    const path = prefix ? `${prefix} › ${n.title}` : n.title;
    if (n.children.length) for (const [k, v] of leaves(n.children, path)) out.set(k, v);
    else out.set(path, n.count);
  }
  return out;
}

function programLines(items: ProgramItemInput[], prefix = ''): string[] {
  return items.flatMap((p) => {
    const time = p.start ? `${p.start}${p.end ? `-${p.end}` : ''} ` : '';
    const line = `${prefix}${time}${p.title}`;
    return [line, ...programLines(p.children, `${prefix}  `)];
  });
}

/**
 * What applying a plan would change: event fields, composition entries (added, removed, count changed),
 * program lines, side activities and duties per unit. Empty when the plan says what the event already holds.
 */
export function diffPlan(current: PlanSide, next: PlanSide): PlanChange[] {
  const changes: PlanChange[] = [];
  const field = (
    label: string,
    before: string | number | null | undefined,
    after: string | number | null | undefined,
  ) => {
    const b = before === undefined || before === null || before === '' ? null : String(before);
    const a = after === undefined || after === null || after === '' ? null : String(after);
    if (b !== a) changes.push({ section: 'event', label, before: b, after: a });
  };
  const c = current.event;
  const n = next.event;
  field('Tên hội nghị', c.name, n.name);
  if (n.hostName !== undefined) field('Cơ quan chủ đạo', c.hostName, n.hostName);
  if (n.leadName !== undefined) field('Đơn vị chủ trì', c.leadName, n.leadName);
  field(
    'Đơn vị phối hợp',
    c.partners.map((p) => p.name).join('; '),
    n.partners.map((p) => p.name).join('; '),
  );
  field('Thời gian (như ghi trong kế hoạch)', c.timeText, n.timeText);
  field(
    'Địa điểm',
    [c.venueName, c.venueAddress].filter(Boolean).join(' - '),
    [n.venueName, n.venueAddress].filter(Boolean).join(' - '),
  );
  field('Số đại biểu dự kiến', c.expectedAttendees, n.expectedAttendees);
  field('Kinh phí', c.fundingSource, n.fundingSource);
  field('Số, ký hiệu', c.planNumber, n.planNumber);
  field('Người ký', c.planSignerName, n.planSignerName);

  const before = leaves(current.contents.composition);
  const after = leaves(next.contents.composition);
  for (const [title, count] of after) {
    if (!before.has(title))
      changes.push({
        section: 'composition',
        label: title,
        before: null,
        after: count === null ? '—' : String(count),
      });
    else if (before.get(title) !== count) {
      changes.push({
        section: 'composition',
        label: title,
        before: String(before.get(title) ?? '—'),
        after: String(count ?? '—'),
      });
    }
  }
  for (const [title, count] of before) {
    if (!after.has(title))
      changes.push({ section: 'composition', label: title, before: String(count ?? '—'), after: null });
  }

  const oldProgram = programLines(current.contents.program);
  const newProgram = programLines(next.contents.program);
  for (const line of newProgram)
    if (!oldProgram.includes(line))
      changes.push({ section: 'program', label: line.trim(), before: null, after: line.trim() });
  for (const line of oldProgram)
    if (!newProgram.includes(line))
      changes.push({ section: 'program', label: line.trim(), before: line.trim(), after: null });

  const activity = (a: { title: string; count: number | null }) =>
    `${a.title}${a.count !== null ? ` (${a.count})` : ''}`;
  const oldActivities = current.contents.sideActivities.map(activity).join('; ') || null;
  const newActivities = next.contents.sideActivities.map(activity).join('; ') || null;
  if (oldActivities !== newActivities) {
    changes.push({
      section: 'sideActivities',
      label: 'Hoạt động bên lề',
      before: oldActivities,
      after: newActivities,
    });
  }

  const duties = (tasks: { unit: string; duties: string[] }[]) =>
    new Map(tasks.map((t) => [t.unit, t.duties.join('\n')]));
  const oldTasks = duties(current.contents.tasks);
  const newTasks = duties(next.contents.tasks);
  for (const [unit, text] of newTasks) {
    if (oldTasks.get(unit) !== text)
      changes.push({ section: 'tasks', label: unit, before: oldTasks.get(unit) ?? null, after: text });
  }
  for (const [unit, text] of oldTasks)
    if (!newTasks.has(unit)) changes.push({ section: 'tasks', label: unit, before: text, after: null });
  return changes;
}
