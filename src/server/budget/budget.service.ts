import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type Budget,
  type BudgetCategory,
  type BudgetLine,
  type CreateBudgetLineInput,
  createBudgetLineSchema,
  LINE_TOO_LARGE,
  MAX_BUDGET_LINES,
  MAX_VND,
  type UpdateBudgetLineInput,
  updateBudgetLineSchema,
} from '../../shared/budget';
import { formatVnd } from '../../shared/format';
import type { Attachment } from '../../shared/tasks';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { conflict, invalidField, notFound } from '../errors';
import {
  addAttachment,
  deleteAttachment,
  deleteAttachmentsOf,
  findAttachments,
  getAttachmentFile,
} from '../tasks/attachments.service';
import { newId, nowIso, toBool } from '../util';
import {
  countBudgetLineRows,
  deleteBudgetLineRow,
  findBudgetLineRow,
  findBudgetLineRows,
  findBudgetRow,
  insertBudgetLineRows,
  updateBudgetLineRow,
  upsertBudgetRow,
} from './budget.repository';

type LineRow = Awaited<ReturnType<typeof findBudgetLineRows>>[number];

/** quantity × unit price, in whole đồng. */
const estimateOf = (r: { quantity: number; unit_price_vnd: number | string }) =>
  Number(r.quantity) * Number(r.unit_price_vnd);

function toLine(r: LineRow, receipts: Attachment[]): BudgetLine {
  const estimateVnd = estimateOf(r);
  const committedVnd = Number(r.committed_vnd);
  const spentVnd = Number(r.spent_vnd);
  return {
    id: r.id,
    position: Number(r.position),
    category: r.category as BudgetCategory,
    content: r.content,
    unitLabel: r.unit_label,
    quantity: Number(r.quantity),
    unitPriceVnd: Number(r.unit_price_vnd),
    estimateVnd,
    committedVnd,
    spentVnd,
    notes: r.notes,
    isSample: toBool(r.is_sample),
    isOverEstimate: committedVnd > estimateVnd || spentVnd > estimateVnd,
    receipts,
  };
}

/** The budget with its sums (by line, by category, in all) and a warning for each line over its estimate. */
export async function getBudget(db: Executor, eventId: string): Promise<Budget> {
  const [head, rows] = await Promise.all([findBudgetRow(db, eventId), findBudgetLineRows(db, eventId)]);
  const receipts = await findAttachments(
    db,
    eventId,
    'budget_line',
    rows.map((r) => r.id),
  );
  const lines = rows.map((r) => toLine(r, receipts.get(r.id) ?? []));
  const sum = (list: BudgetLine[]) => ({
    estimateVnd: list.reduce((s, l) => s + l.estimateVnd, 0),
    committedVnd: list.reduce((s, l) => s + l.committedVnd, 0),
    spentVnd: list.reduce((s, l) => s + l.spentVnd, 0),
  });
  const totals = sum(lines);
  const warnings: Budget['warnings'] = lines
    .filter((l) => l.isOverEstimate)
    .map((l) => ({
      lineId: l.id,
      message: `"${l.content}": ${l.spentVnd > l.estimateVnd ? 'đã chi' : 'đã cam kết'} ${formatVnd(
        Math.max(l.spentVnd, l.committedVnd),
      )}, vượt dự toán ${formatVnd(l.estimateVnd)} (${formatVnd(Math.max(l.spentVnd, l.committedVnd) - l.estimateVnd)})`,
    }));
  if (totals.spentVnd > totals.estimateVnd)
    warnings.push({
      lineId: null,
      message: `Tổng đã chi ${formatVnd(totals.spentVnd)} vượt tổng dự toán ${formatVnd(totals.estimateVnd)}`,
    });
  return {
    sourceDecision: head?.source_decision ?? null,
    lines,
    totals,
    byCategory: BUDGET_CATEGORIES.map((category) => ({
      category,
      ...sum(lines.filter((l) => l.category === category)),
    })).filter((c) => c.estimateVnd > 0 || c.spentVnd > 0 || c.committedVnd > 0),
    warnings,
  };
}

export async function setBudgetSource(
  db: Db,
  actor: Actor,
  eventId: string,
  sourceDecision: string | null,
): Promise<Budget> {
  await db.transaction().execute(async (trx) => {
    const before = await findBudgetRow(trx, eventId);
    await upsertBudgetRow(trx, { event_id: eventId, source_decision: sourceDecision, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'budget',
      entityId: eventId,
      action: 'update',
      before: { sourceDecision: before?.source_decision ?? null },
      after: { sourceDecision },
    });
  });
  return getBudget(db, eventId);
}

/** Adds lines in one transaction (the demo and an import add many; the form one). */
export async function createBudgetLines(
  db: Db,
  actor: Actor,
  eventId: string,
  inputs: CreateBudgetLineInput[],
  options: { isSample?: boolean } = {},
): Promise<BudgetLine[]> {
  const data = inputs.map((i) => createBudgetLineSchema.parse(i));
  const ids = await db.transaction().execute(async (trx) => {
    const { n, last } = await countBudgetLineRows(trx, eventId);
    if (n + data.length > MAX_BUDGET_LINES) throw conflict(`Dự toán có tối đa ${MAX_BUDGET_LINES} dòng`);
    const at = nowIso();
    const rows = data.map((d, i) => ({
      id: newId(),
      event_id: eventId,
      position: last + 1 + i,
      category: d.category,
      content: d.content,
      unit_label: d.unitLabel ?? null,
      quantity: d.quantity,
      unit_price_vnd: d.unitPriceVnd,
      committed_vnd: d.committedVnd,
      spent_vnd: d.spentVnd,
      notes: d.notes ?? null,
      is_sample: options.isSample ? 1 : 0,
      updated_at: at,
    }));
    await insertBudgetLineRows(trx, rows);
    for (const r of rows)
      await recordAudit(trx, actor, {
        eventId,
        entity: 'budget_line',
        entityId: r.id,
        action: 'create',
        after: r,
      });
    return rows.map((r) => r.id);
  });
  const budget = await getBudget(db, eventId);
  return budget.lines.filter((l) => ids.includes(l.id));
}

export async function updateBudgetLine(
  db: Db,
  actor: Actor,
  eventId: string,
  lineId: string,
  input: UpdateBudgetLineInput,
): Promise<Budget> {
  const data = updateBudgetLineSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await findBudgetLineRow(trx, eventId, lineId);
    if (!before) throw notFound('dòng dự toán');
    const quantity = data.quantity ?? Number(before.quantity);
    const price = data.unitPriceVnd ?? Number(before.unit_price_vnd);
    if (quantity * price > MAX_VND) throw invalidField('unitPriceVnd', LINE_TOO_LARGE);
    await updateBudgetLineRow(trx, lineId, {
      ...(data.category !== undefined && { category: data.category }),
      ...(data.content !== undefined && { content: data.content }),
      ...(data.unitLabel !== undefined && { unit_label: data.unitLabel }),
      ...(data.quantity !== undefined && { quantity: data.quantity }),
      ...(data.unitPriceVnd !== undefined && { unit_price_vnd: data.unitPriceVnd }),
      ...(data.committedVnd !== undefined && { committed_vnd: data.committedVnd }),
      ...(data.spentVnd !== undefined && { spent_vnd: data.spentVnd }),
      ...(data.notes !== undefined && { notes: data.notes }),
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'budget_line',
      entityId: lineId,
      action: 'update',
      before,
      after: data,
    });
  });
  return getBudget(db, eventId);
}

export async function deleteBudgetLine(db: Db, actor: Actor, eventId: string, lineId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findBudgetLineRow(trx, eventId, lineId);
    if (!before) throw notFound('dòng dự toán');
    await deleteAttachmentsOf(trx, eventId, 'budget_line', lineId);
    await deleteBudgetLineRow(trx, lineId);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'budget_line',
      entityId: lineId,
      action: 'delete',
      before,
    });
  });
}

export async function addReceipt(
  db: Db,
  actor: Actor,
  eventId: string,
  lineId: string,
  fileName: string,
  bytes: Buffer,
): Promise<Attachment> {
  return db.transaction().execute(async (trx) => {
    if (!(await findBudgetLineRow(trx, eventId, lineId))) throw notFound('dòng dự toán');
    return addAttachment(trx, actor, eventId, { kind: 'budget_line', id: lineId }, fileName, bytes);
  });
}

export async function getReceiptFile(db: Executor, eventId: string, lineId: string, attachmentId: string) {
  const file = await getAttachmentFile(db, eventId, attachmentId);
  if (file.ownerKind !== 'budget_line' || file.ownerId !== lineId) throw notFound('chứng từ');
  return file;
}

export async function deleteReceipt(
  db: Db,
  actor: Actor,
  eventId: string,
  lineId: string,
  attachmentId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getReceiptFile(trx, eventId, lineId, attachmentId);
    await deleteAttachment(trx, actor, eventId, attachmentId);
  });
}

export const categoryLabel = (c: BudgetCategory) => BUDGET_CATEGORY_LABELS[c];
