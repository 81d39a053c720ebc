import { formatDate } from '../../shared/format';
import { formatPhone } from '../../shared/phone';
import type { ReplyCounts, ReplySummary } from '../../shared/replies';
import { compareVietnamese } from '../../shared/text';
import type { Executor } from '../db/database';
import type { Scope } from '../delegates/delegates.policy';
import { type DelegateRow, findAllDelegateRows } from '../delegates/delegates.repository';
import { writeListWorkbook } from '../documents/xlsx';
import { getEventById } from '../events/events.service';
import { nowIso } from '../util';

const empty = (): ReplyCounts => ({ notInvited: 0, awaiting: 0, confirmed: 0, declined: 0 });

function bucket(status: string): keyof ReplyCounts | null {
  if (status === 'draft') return 'notInvited';
  if (status === 'invited') return 'awaiting';
  if (status === 'confirmed' || status === 'checked_in' || status === 'absent') return 'confirmed';
  if (status === 'declined') return 'declined';
  return null; // replaced: their substitute counts instead
}

async function rowsOf(db: Executor, scope: Scope, eventId: string): Promise<DelegateRow[]> {
  await getEventById(db, eventId);
  return findAllDelegateRows(db, eventId, scope.all ? null : [...scope.unitIds]);
}

/** Who has answered, per group and per sending unit: what the office phones around from. */
export async function getReplySummary(db: Executor, scope: Scope, eventId: string): Promise<ReplySummary> {
  const rows = await rowsOf(db, scope, eventId);
  const totals = empty();
  const groups = new Map<string | null, ReplySummary['groups'][number]>();
  const units = new Map<string | null, ReplySummary['units'][number]>();
  for (const d of rows) {
    const key = bucket(d.status);
    if (!key) continue;
    totals[key]++;
    const g = groups.get(d.group_id) ?? {
      groupId: d.group_id,
      title: d.group_title ?? 'Chưa xếp nhóm',
      ...empty(),
    };
    g[key]++;
    groups.set(d.group_id, g);
    const u = units.get(d.unit_id) ?? {
      unitId: d.unit_id,
      name: d.unit_name ?? 'Không thuộc đơn vị cử',
      ...empty(),
    };
    u[key]++;
    units.set(d.unit_id, u);
  }
  return {
    totals,
    groups: [...groups.values()],
    // Most people still to hear from first.
    units: [...units.values()].sort((a, b) => b.awaiting - a.awaiting || compareVietnamese(a.name, b.name)),
  };
}

/** Everyone invited who has not answered, with their phone, by unit: the list to call. */
export async function buildCallListXlsx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const event = await getEventById(db, eventId);
  const waiting = (await rowsOf(db, scope, eventId))
    .filter((d) => d.status === 'invited')
    .sort(
      (a, b) => compareVietnamese(a.unit_name ?? '', b.unit_name ?? '') || (a.name_key < b.name_key ? -1 : 1),
    );
  return writeListWorkbook({
    sheetName: 'Cần gọi',
    titleLines: [
      'DANH SÁCH ĐẠI BIỂU CHƯA TRẢ LỜI GIẤY MỜI',
      `Hội nghị: ${event.name}`,
      `${waiting.length} người — lập ngày ${formatDate(nowIso())}`,
    ],
    columns: [
      { label: 'Họ và tên', width: 26 },
      { label: 'Chức vụ', width: 28 },
      { label: 'Đơn vị', width: 32 },
      { label: 'Số điện thoại', width: 16 },
      { label: 'Email', width: 26 },
      { label: 'Thành phần', width: 30 },
      { label: 'Kết quả gọi', width: 20 },
    ],
    rows: waiting.map((d) => [
      d.full_name,
      d.position,
      d.organization ?? d.unit_name,
      d.phone ? formatPhone(d.phone) : 'Chưa có số',
      d.email,
      d.group_title,
      null,
    ]),
  });
}
