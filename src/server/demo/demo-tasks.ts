import type { CreateBudgetLineInput } from '../../shared/budget';
import { vietnamLocalToInstant } from '../../shared/format';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createBudgetLines, setBudgetSource } from '../budget/budget.service';
import type { Db } from '../db/database';
import { createMediaItem } from '../media/media.service';
import { addDays, findTasks, updateTask } from '../tasks/tasks.service';
import { findUserByUsername } from '../users/users.service';

/**
 * The plan's duties (section IV, seven units) followed up, its funding (section III: decision 1726/QĐ-UBND) laid
 * out in sample lines, and the media around the conference. The plan gives neither dates nor amounts: the due
 * dates (D-n), progress, amounts and media are samples ("mẫu").
 */

/** Due dates by what the duty is about, in days before the event day. */
const DUE_BY_TOPIC: [RegExp, number][] = [
  [/kinh phí/i, -21],
  [/mời/i, -10],
  [/clip/i, -7],
  [/tham luận|phát biểu|báo cáo/i, -7],
  [/gian hàng/i, -3],
  [/đưa tin|báo chí|tuyên truyền/i, -3],
  [/an ninh|giao thông|y tế/i, -1],
];

/** Which duties the demo shows done, and how many days after their due date (negative: early). */
const DONE: [RegExp, number][] = [
  [/kinh phí/i, -3],
  [/mời/i, -2],
  [/clip/i, 3],
  [/phát biểu/i, 1],
  [/chuẩn bị các điều kiện/i, -1],
];

/**
 * Units the plan names collectively: the demo gives each a catalogue unit to answer for it (UBND thành phố Thanh
 * Hóa for the districts, the Department of Agriculture for the departments). The plan's own wording stays the
 * duty's unit name, so the plan written back from the event reads as signed.
 */
const LEADS: [RegExp, string][] = [
  [/^UBND các huyện/i, 'district-380'],
  [/^Các Sở, ngành/i, 'so-nn'],
];

const SAMPLE_BUDGET: CreateBudgetLineInput[] = [
  {
    category: 'hall',
    content: 'Thuê hội trường, âm thanh, ánh sáng, màn hình LED',
    unitLabel: 'Gói',
    quantity: 1,
    unitPriceVnd: 25_000_000,
    committedVnd: 25_000_000,
    spentVnd: 25_000_000,
  },
  {
    category: 'printing',
    content: 'In giấy mời, tài liệu hội nghị',
    unitLabel: 'Bộ',
    quantity: 300,
    unitPriceVnd: 45_000,
    committedVnd: 13_500_000,
    spentVnd: 12_800_000,
  },
  {
    category: 'printing',
    content: 'Phông, khẩu hiệu, pa nô',
    unitLabel: 'Gói',
    quantity: 1,
    unitPriceVnd: 8_000_000,
    committedVnd: 8_000_000,
    spentVnd: 8_000_000,
  },
  {
    category: 'certificates',
    content: 'In giấy chứng nhận sản phẩm OCOP và khung',
    unitLabel: 'Bộ',
    quantity: 120,
    unitPriceVnd: 150_000,
    committedVnd: 18_000_000,
    spentVnd: 17_400_000,
  },
  {
    category: 'clip',
    content: 'Xây dựng clip tổng kết Chương trình OCOP giai đoạn 2018 - 2020',
    unitLabel: 'Clip',
    quantity: 1,
    unitPriceVnd: 60_000_000,
    committedVnd: 60_000_000,
    spentVnd: 60_000_000,
  },
  {
    category: 'booths',
    content: 'Dựng gian hàng trưng bày sản phẩm OCOP',
    unitLabel: 'Gian',
    quantity: 10,
    unitPriceVnd: 6_000_000,
    committedVnd: 63_500_000,
    spentVnd: 63_500_000,
    notes: 'Phát sinh điện, chiếu sáng gian hàng',
  },
  {
    category: 'refreshments',
    content: 'Nước uống, giải khát giữa giờ',
    unitLabel: 'Người',
    quantity: 300,
    unitPriceVnd: 40_000,
    committedVnd: 12_000_000,
    spentVnd: 11_200_000,
  },
  {
    category: 'media',
    content: 'Tuyên truyền, đưa tin trên Đài Phát thanh và Truyền hình, Báo Thanh Hóa',
    unitLabel: 'Gói',
    quantity: 1,
    unitPriceVnd: 20_000_000,
    committedVnd: 20_000_000,
    spentVnd: 15_000_000,
  },
  {
    category: 'other',
    content: 'Văn phòng phẩm, hoa tươi, chi khác',
    unitLabel: 'Gói',
    quantity: 1,
    unitPriceVnd: 5_000_000,
    committedVnd: 5_000_000,
    spentVnd: 3_100_000,
  },
];

export async function seedDemoTasks(db: Db, eventId: string, units: Map<string, string>): Promise<void> {
  const organizer = await findUserByUsername(db, 'bantochuc');
  const { eventDay, items } = await findTasks(db, SYSTEM_ACTOR, eventId);
  for (const task of items) {
    const lead = LEADS.find(([pattern]) => pattern.test(task.unitName));
    const offset = DUE_BY_TOPIC.find(([pattern]) => pattern.test(task.title))?.[1] ?? -5;
    const done = DONE.find(([pattern]) => pattern.test(task.title))?.[1];
    const isCoordinationOffice = /Văn phòng Điều phối/i.test(task.unitName);
    await updateTask(
      db,
      SYSTEM_ACTOR,
      eventId,
      task.id,
      {
        ...(lead && units.get(lead[1]) ? { unitId: units.get(lead[1])!, unitName: task.unitName } : {}),
        dueOffsetDays: offset,
        ...(organizer && isCoordinationOffice ? { ownerUserId: organizer.id } : {}),
        status: done !== undefined ? 'done' : isCoordinationOffice ? 'in_progress' : 'todo',
      },
      done !== undefined ? { doneAt: vietnamLocalToInstant(addDays(eventDay, offset + done), '16:00') } : {},
    );
  }

  await setBudgetSource(
    db,
    SYSTEM_ACTOR,
    eventId,
    'Quyết định số 1726/QĐ-UBND ngày 18/5/2020 của UBND tỉnh Thanh Hóa (dự toán kinh phí Chương trình OCOP năm 2020)',
  );
  await createBudgetLines(db, SYSTEM_ACTOR, eventId, SAMPLE_BUDGET, { isSample: true });

  const sample = { isSample: true };
  await createMediaItem(
    db,
    SYSTEM_ACTOR,
    eventId,
    {
      kind: 'clip',
      title: 'Clip tổng kết Chương trình OCOP giai đoạn 2018 - 2020 (mẫu)',
      outlet: 'Đài Phát thanh và Truyền hình tỉnh',
    },
    sample,
  );
  await createMediaItem(
    db,
    SYSTEM_ACTOR,
    eventId,
    {
      kind: 'coverage',
      title: 'Tin Hội nghị tổng kết Chương trình OCOP (mẫu)',
      outlet: 'Báo Thanh Hóa',
      publishedOn: eventDay,
    },
    sample,
  );
}
