import { BUDGET_CATEGORY_LABELS } from '../../shared/budget';
import { formatVnd } from '../../shared/format';
import type { Readiness } from '../../shared/report';
import { getBudget } from '../budget/budget.service';
import { roomSummary } from '../checkin/checkin.room';
import type { Executor } from '../db/database';
import { getComposition } from '../delegates/composition.service';
import { getAwards } from '../ocop/awards.service';
import { findTasksInScope } from '../tasks/tasks.service';
import {
  countDelegatesByStatus,
  countIssuedInvitations,
  countSeated,
  countWithBadgeCode,
} from './report.repository';
import { loadExternalSections } from './report.sources';

/** One number, one bar, one link per part of the preparation, for the organizer's and the leader's board. */
export async function getReadiness(db: Executor, eventId: string): Promise<Readiness> {
  const all = { all: true } as const;
  const [composition, statuses, issued, seated, badges, awards, tasks, budget, room, external] =
    await Promise.all([
      getComposition(db, all, eventId),
      countDelegatesByStatus(db, eventId),
      countIssuedInvitations(db, eventId),
      countSeated(db, eventId),
      countWithBadgeCode(db, eventId),
      getAwards(db, eventId, all),
      findTasksInScope(db, eventId, all),
      getBudget(db, eventId),
      roomSummary(db, eventId),
      loadExternalSections(db, eventId),
    ]);
  const count = (...keys: string[]) => keys.reduce((s, k) => s + (statuses.get(k) ?? 0), 0);
  const people = count('draft', 'invited', 'confirmed', 'declined', 'checked_in', 'absent');
  const coming = people - count('declined');
  const done = tasks.items.filter((t) => t.status === 'done').length;
  const overdue = tasks.items.filter((t) => t.isOverdue).length;
  const { agreements, booths } = external;
  const byUnit = new Map<string, Readiness['tasksByUnit'][number]>();
  for (const t of tasks.items) {
    const u = byUnit.get(t.unitName) ?? { unitName: t.unitName, done: 0, open: 0, overdue: 0 };
    if (t.status === 'done') u.done++;
    else if (t.isOverdue) u.overdue++;
    else u.open++;
    byUnit.set(t.unitName, u);
  }
  return {
    eventDay: tasks.eventDay,
    items: [
      {
        key: 'quotas',
        done: composition.totals.filled,
        total: composition.totals.quota,
        note: null,
        tab: 'composition',
      },
      {
        key: 'replies',
        done: count('confirmed', 'declined', 'checked_in'),
        total: people,
        note: `${count('confirmed', 'checked_in')} nhận lời, ${count('declined')} báo vắng`,
        tab: 'delegates',
      },
      { key: 'invitations', done: issued, total: people, note: null, tab: 'delegates' },
      { key: 'seats', done: seated, total: coming, note: null, tab: 'seating' },
      { key: 'badges', done: badges, total: coming, note: null, tab: 'seating' },
      {
        key: 'certificates',
        done: awards.totals.handedOver,
        total: awards.totals.recipients,
        note: `${awards.totals.products} sản phẩm trong danh sách trao`,
        tab: 'awards',
      },
      {
        key: 'agreements',
        done: agreements ? agreements.ready + agreements.signed : null,
        total: agreements ? agreements.count : null,
        note: agreements ? `${agreements.signed} đã ký, ${formatVnd(agreements.signedValueVnd)}` : null,
        tab: 'agreements',
      },
      {
        key: 'booths',
        done: booths ? booths.assigned : null,
        total: booths ? booths.booths : null,
        note: booths?.withoutPersonInCharge
          ? `${booths.withoutPersonInCharge} gian chưa có người phụ trách`
          : null,
        tab: 'booths',
      },
      {
        key: 'tasks',
        done,
        total: tasks.items.length,
        note: overdue ? `${overdue} nhiệm vụ quá hạn` : null,
        tab: 'tasks',
      },
      {
        key: 'budget',
        done: budget.totals.spentVnd,
        total: budget.totals.estimateVnd,
        note: `Đã chi ${formatVnd(budget.totals.spentVnd)} / ${formatVnd(budget.totals.estimateVnd)}`,
        tab: 'budget',
      },
    ],
    tasksByUnit: [...byUnit.values()],
    budgetByCategory: budget.byCategory.map((c) => ({
      category: BUDGET_CATEGORY_LABELS[c.category],
      estimateVnd: c.estimateVnd,
      spentVnd: c.spentVnd,
    })),
    attendanceByGroup: room.groups.map((g) => ({ title: g.title, expected: g.expected, arrived: g.arrived })),
  };
}
