import type { Citation } from '../../shared/plan';
import type { CreateEventFromPlanInput, PlanContents, ProgramItemInput } from '../../shared/plan-contents';
import {
  type ApplyPlanInput,
  applyPlanSchema,
  createEventFromPlanSchema,
  planContentsSchema,
} from '../../shared/plan-contents';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { forgetSessions } from '../auth/session-cache';
import type { Db, Executor } from '../db/database';
import type { ProgramItemsTable } from '../db/schema';
import { findCompositionTree, syncCompositionFromPlan } from '../delegates/composition.service';
import { invalid } from '../errors';
import {
  getEventPlanTexts,
  insertEvent,
  setEventPlanPurpose,
  setEventPlanText,
  writeEventUpdate,
} from '../events/events.service';
import { findUnitsByIds } from '../units/units.service';
import { newId } from '../util';
import {
  deletePlanContentRows,
  findPlanContentRows,
  insertPlanContentRows,
  type PlanContentRows,
} from './plan-contents.repository';

/** Trees flattened parents-first, with a running position that keeps the document's order. */
function flatten<I extends { children: I[] }, R>(
  items: I[],
  row: (item: I, id: string, parentId: string | null, position: number) => R,
) {
  const rows: R[] = [];
  const visit = (list: I[], parentId: string | null) => {
    for (const item of list) {
      const id = newId();
      rows.push(row(item, id, parentId, rows.length));
      visit(item.children, id);
    }
  };
  visit(items, null);
  return rows;
}

function toRows(eventId: string, contents: PlanContents): PlanContentRows {
  let taskPosition = 0;
  return {
    program: flatten<ProgramItemInput, ProgramItemsTable>(contents.program, (p, id, parentId, position) => ({
      id,
      event_id: eventId,
      parent_id: parentId,
      position,
      title: p.title,
      start_time: p.start,
      end_time: p.end,
      session: p.session,
    })),
    sideActivities: contents.sideActivities.map((a, position) => ({
      id: newId(),
      event_id: eventId,
      position,
      title: a.title,
      count: a.count,
      count_unit: a.countUnit,
    })),
    tasks: contents.tasks.flatMap((t) =>
      t.duties.map((title) => ({
        id: newId(),
        event_id: eventId,
        position: taskPosition++,
        unit_id: t.unitId ?? null,
        unit_name: t.unit,
        title,
      })),
    ),
    legalBases: contents.legalBases.map((b, position) => ({
      event_id: eventId,
      position,
      text: b.text,
      citations_json: JSON.stringify(b.citations),
    })),
    recipients: contents.recipients.map((r, position) => ({
      event_id: eventId,
      position,
      name: r.name,
      purpose: r.purpose,
    })),
  };
}

function tree<R extends { id: string; parent_id: string | null }, T extends { children: T[] }>(
  rows: R[],
  map: (row: R) => T,
): T[] {
  const byId = new Map(rows.map((r) => [r.id, map(r)]));
  const roots: T[] = [];
  for (const row of rows) {
    const node = byId.get(row.id)!;
    const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** What the plan ordered for the event, with the plan's text as it was read (null when typed in by hand). */
export async function getPlanContents(
  db: Executor,
  eventId: string,
): Promise<PlanContents & { planText: string | null }> {
  const texts = await getEventPlanTexts(db, eventId);
  const rows = await findPlanContentRows(db, eventId);
  const tasks: PlanContents['tasks'] = [];
  for (const t of rows.tasks) {
    const last = tasks[tasks.length - 1];
    if (last && last.unit === t.unit_name && (last.unitId ?? null) === t.unit_id) last.duties.push(t.title);
    else tasks.push({ unit: t.unit_name, unitId: t.unit_id, duties: [t.title] });
  }
  return {
    planText: texts.text,
    purpose: texts.purpose,
    composition: await findCompositionTree(db, eventId),
    program: tree(rows.program, (r) => ({
      title: r.title,
      start: r.start_time,
      end: r.end_time,
      session: r.session,
      children: [],
    })),
    sideActivities: rows.sideActivities.map((a) => ({
      title: a.title,
      count: a.count,
      countUnit: a.count_unit,
    })),
    tasks,
    legalBases: rows.legalBases.map((b) => ({
      text: b.text,
      citations: JSON.parse(b.citations_json) as Citation[],
    })),
    recipients: rows.recipients.map((r) => ({ name: r.name, purpose: r.purpose })),
  };
}

/** Replaces what a plan ordered for an event, in the caller's transaction, with one audit row. */
/** A task may name a catalogue unit; an id that is not in the catalogue is the caller's mistake, not a broken key. */
async function assertTaskUnitsExist(trx: Executor, contents: PlanContents) {
  const refs = contents.tasks.flatMap((t, i) => (t.unitId ? [[`tasks.${i}.unitId`, t.unitId] as const] : []));
  if (refs.length === 0) return;
  const found = await findUnitsByIds(
    trx,
    refs.map(([, id]) => id),
  );
  const missing = refs.filter(([, id]) => !found.has(id));
  if (missing.length) {
    throw invalid(
      'Có đơn vị không có trong danh mục',
      missing.map(([field]) => ({ field, message: 'Không tìm thấy đơn vị' })),
    );
  }
}

export async function replacePlanContents(
  trx: Executor,
  actor: Actor,
  eventId: string,
  contents: PlanContents,
): Promise<void> {
  await assertTaskUnitsExist(trx, contents);
  const { planText: _, ...before } = await getPlanContents(trx, eventId);
  await deletePlanContentRows(trx, eventId);
  await insertPlanContentRows(trx, toRows(eventId, contents));
  await syncCompositionFromPlan(trx, eventId, contents.composition);
  await setEventPlanPurpose(trx, eventId, contents.purpose);
  await recordAudit(trx, actor, {
    eventId,
    entity: 'plan_contents',
    entityId: eventId,
    action: 'update',
    before,
    after: contents,
  });
}

/** One transaction: the event, its composition, program, side activities, tasks, legal bases and recipients. */
export async function createEventFromPlan(
  db: Db,
  actor: Actor,
  input: CreateEventFromPlanInput,
  options: { isDemo?: boolean } = {},
) {
  const parsed = createEventFromPlanSchema.parse(input);
  const created = await db.transaction().execute(async (trx) => {
    const event = await insertEvent(trx, actor, parsed.event, {
      planText: parsed.planText,
      isDemo: options.isDemo ?? false,
    });
    const contents = planContentsSchema.parse(parsed.contents);
    await assertTaskUnitsExist(trx, contents);
    await insertPlanContentRows(trx, toRows(event.id, contents));
    await syncCompositionFromPlan(trx, event.id, contents.composition);
    await setEventPlanPurpose(trx, event.id, contents.purpose);
    await recordAudit(trx, actor, {
      eventId: event.id,
      entity: 'plan_contents',
      entityId: event.id,
      action: 'create',
      after: parsed.contents,
    });
    return event;
  });
  // The creator organizes the new event: their cached roles are stale.
  forgetSessions();
  return created;
}

/** Updates an event from a plan it was given later: event fields, contents and plan text in one transaction. */
export async function applyPlanToEvent(db: Db, actor: Actor, eventId: string, input: ApplyPlanInput) {
  const parsed = applyPlanSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const event = await writeEventUpdate(trx, actor, eventId, parsed.event);
    await replacePlanContents(trx, actor, eventId, planContentsSchema.parse(parsed.contents));
    await setEventPlanText(trx, eventId, parsed.planText);
    return event;
  });
}
