import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnd } from '../../shared/format';
import type { ExternalSections, Readiness } from '../../shared/report';
import { agreementTotals } from '../agreements/agreements.service';
import { SYSTEM_ACTOR } from '../auth/actor';
import { boothTotals } from '../booths/booths.service';
import { getBudget, updateBudgetLine } from '../budget/budget.service';
import { vndInWords } from '../budget/vnd-words';
import { roomSummary } from '../checkin/checkin.room';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.service';
import { findEventsForActor } from '../events/events.service';
import { getAwards, updateAwardRecipient } from '../ocop/awards.service';
import { listPapers } from '../program/papers.service';
import { getProgram } from '../program/program.service';
import { findTasks } from '../tasks/tasks.service';
import { createTestContext, type TestContext } from '../test/harness';
import { writeClosingReportDocx } from './report.docx';
import { collectReport } from './report.service';
import { annexSheets } from './report.xlsx';

let ctx: TestContext;
let eventId = '';
let organizer = '';
let leader = '';
let officer = '';
let seq = 0;

const docxText = async (buffer: Buffer) =>
  (await mammoth.extractRawText({ buffer })).value.replace(/\s+/g, ' ');
const get = (url: string, cookie: string) =>
  ctx.app.inject({ method: 'GET', url: `/api/events/${eventId}${url}`, headers: { cookie } });

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.handle.db);
  eventId = (await findEventsForActor(ctx.handle.db, SYSTEM_ACTOR))[0]!.id;
  organizer = await ctx.login('bantochuc', DEMO_PASSWORD);
  leader = await ctx.login('lanhdao', DEMO_PASSWORD);
  officer = await ctx.login('hoanghoa', DEMO_PASSWORD);

  // Part of the conference has happened: people checked in (one substitute at the door), certificates handed.
  const people = await ctx.handle.db
    .selectFrom('delegates')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', 'in', ['invited', 'confirmed'])
    .orderBy('protocol_key')
    .limit(40)
    .execute();
  for (const p of people.slice(0, 37)) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/checkins`,
      headers: { cookie: organizer },
      payload: {
        delegateId: p.id,
        clientId: `bao-cao-${++seq}`,
        scannedAt: new Date().toISOString(),
        deviceId: 'may-1',
      },
    });
    expect(response.statusCode).toBe(200);
  }
  const substitute = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/delegates/${people[38]!.id}/substitute`,
    headers: { cookie: organizer },
    payload: { fullName: 'Trần Thị Thay' },
  });
  expect(substitute.statusCode).toBe(201);
  const awards = await getAwards(ctx.handle.db, eventId);
  const recipients = awards.batches.flatMap((b) => b.recipients);
  for (const r of recipients.slice(0, 7))
    await updateAwardRecipient(ctx.handle.db, SYSTEM_ACTOR, eventId, r.id, { handedOver: true });
  // The whole demo and forty scans: slow on a busy PostgreSQL, and no speed is measured here.
}, 240_000);
afterAll(() => ctx.close());

describe('closing report', () => {
  it('states the room screen’s check-ins, the certificates handed and the money spent, as the sources count them', async () => {
    const response = await get('/report.docx', leader);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(response.rawPayload);

    const room = await roomSummary(ctx.handle.db, eventId);
    expect(room.arrived).toBe(37);
    expect(text).toContain(`Số đại biểu có mặt (theo điểm danh): ${room.arrived} đại biểu`);
    expect(text).toContain(`danh sách mời: ${room.expected} đại biểu`);

    const awards = await getAwards(ctx.handle.db, eventId);
    const handed = awards.batches.flatMap((b) => b.recipients).filter((r) => r.handedOverAt);
    expect(handed).toHaveLength(awards.totals.handedOver);
    const products = handed.reduce((s, r) => s + r.products.length, 0);
    expect(text).toContain(`Đã trao chứng nhận cho ${handed.length} chủ thể với ${products} sản phẩm OCOP`);

    const budget = await getBudget(ctx.handle.db, eventId);
    expect(budget.sourceDecision).toContain('1726/QĐ-UBND');
    expect(text).toContain(`đã chi: ${formatVnd(budget.totals.spentVnd)}`);
    expect(text).toContain(`Dự toán: ${formatVnd(budget.totals.estimateVnd)}`);

    const tasks = (await findTasks(ctx.handle.db, SYSTEM_ACTOR, eventId)).items;
    const done = tasks.filter((t) => t.status === 'done');
    expect(text).toContain(`Tổng số ${tasks.length} nhiệm vụ: hoàn thành ${done.length}`);
    expect(text).toContain(`trễ hạn ${tasks.filter((t) => t.isLate).length}`);

    expect(text).toContain('Đại biểu cử người dự thay: 1 (Trần Thị Thay thay ');
    // The day's other features, as their own services count them.
    const signings = await agreementTotals(ctx.handle.db, eventId);
    expect(text).toContain(
      `Đã ký kết ${signings.signed}/${signings.count} bản thỏa thuận, hợp đồng, ghi nhớ (giá trị đã ký: ${formatVnd(signings.signedValueVnd)}`,
    );
    const booths = await boothTotals(ctx.handle.db, eventId);
    expect(text).toContain(`Bố trí ${booths.booths} gian hàng, đã giao ${booths.assigned} gian`);
    const program = await getProgram(ctx.handle.db, eventId);
    const papers = await listPapers(ctx.handle.db, eventId);
    const items = program.items.reduce((sum, item) => sum + 1 + item.children.length, 0);
    expect(text).toContain(
      `Hội nghị đã thực hiện ${items} nội dung chương trình và ${papers.length} bài tham luận.`,
    );
    expect(text).not.toContain('chưa có dữ liệu');
    // ND 30 layout: the motto, the document type and the closing block.
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Nơi nhận:');
  });

  it('moves with the sources: one more check-in and one more certificate change the report', async () => {
    const before = await collectReport(ctx.handle.db, eventId);
    const next = await ctx.handle.db
      .selectFrom('delegates')
      .select('id')
      .where('event_id', '=', eventId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/checkins`,
      headers: { cookie: organizer },
      payload: {
        delegateId: next.id,
        clientId: `bao-cao-${++seq}`,
        scannedAt: new Date().toISOString(),
        deviceId: 'may-1',
      },
    });
    const line = before.budget.lines[0]!;
    await updateBudgetLine(ctx.handle.db, SYSTEM_ACTOR, eventId, line.id, {
      spentVnd: line.spentVnd + 1_234,
    });
    const after = await collectReport(ctx.handle.db, eventId);
    expect(after.room.arrived).toBe(before.room.arrived + 1);
    expect(after.budget.totals.spentVnd).toBe(before.budget.totals.spentVnd + 1_234);
    const text = await docxText(await writeClosingReportDocx(after));
    expect(text).toContain(`có mặt (theo điểm danh): ${after.room.arrived} đại biểu`);
    expect(text).toContain(`đã chi: ${formatVnd(after.budget.totals.spentVnd)}`);
  });

  it('renders the program, agreements and booths when their features give data', async () => {
    const external: ExternalSections = {
      program: {
        items: [
          {
            title: 'Báo cáo tổng kết Chương trình OCOP',
            kind: 'Báo cáo',
            presenters: [{ name: 'Lê Văn Báo' }],
          },
        ],
        papers: [
          {
            title: 'Kinh nghiệm xây dựng sản phẩm nem chua',
            unitName: 'Huyện Hoằng Hóa',
            status: 'Đã trình bày',
          },
        ],
      },
      agreements: {
        count: 12,
        ready: 2,
        signed: 9,
        valueVnd: 5_500_000_000,
        signedValueVnd: 4_200_000_000,
        products: 31,
        producers: 17,
        buyers: ['Siêu thị Mẫu A', 'Công ty Mẫu B'],
      },
      booths: { booths: 10, assigned: 9, withoutPersonInCharge: 1 },
    };
    const data = { ...(await collectReport(ctx.handle.db, eventId)), external };
    const text = await docxText(await writeClosingReportDocx(data));
    expect(text).toContain('Hội nghị đã thực hiện 1 nội dung chương trình và 1 bài tham luận');
    expect(text).toContain('Kinh nghiệm xây dựng sản phẩm nem chua');
    expect(text).toContain('Lê Văn Báo');
    expect(text).toContain(
      `Đã ký kết 9/12 bản thỏa thuận, hợp đồng, ghi nhớ (giá trị đã ký: ${formatVnd(4_200_000_000)}`,
    );
    expect(text).toContain('bên mua: Siêu thị Mẫu A, Công ty Mẫu B');
    expect(text).toContain('Bố trí 10 gian hàng, đã giao 9 gian');
    expect(text).toContain('1 gian chưa có người phụ trách');
    expect(text).not.toContain('chưa có dữ liệu');
    const names = annexSheets(data).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Tham luận', 'Ký kết', 'Gian hàng']));
  });

  it('sends an annex with every list, numbers as numbers', async () => {
    const response = await get('/report-annex.xlsx', organizer);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'Có mặt',
      'Dự thay',
      'Vắng mặt',
      'Chứng nhận',
      'Kinh phí',
      'Nhiệm vụ',
      'Truyền thông',
      'Tham luận',
      'Ký kết',
      'Gian hàng',
    ]);
    const room = await roomSummary(ctx.handle.db, eventId);
    // Title, subtitle, blank, header, then one row per person present.
    expect(workbook.getWorksheet('Có mặt')!.rowCount).toBe(4 + room.arrived);
    // Printed like every list: the header row (row 4) on each page, "Trang N/M" at the foot.
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('4:4');
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain('Trang &P/&N');
    }
    const money = workbook.getWorksheet('Kinh phí')!;
    const budget = await getBudget(ctx.handle.db, eventId);
    let spent = 0;
    money.eachRow((row, n) => {
      if (n > 4) spent += row.getCell(9).value as number;
    });
    expect(spent).toBe(budget.totals.spentVnd);
  });

  it('is for the organizers and the leader: a unit officer gets 403', async () => {
    expect((await get('/report.docx', officer)).statusCode).toBe(403);
    expect((await get('/readiness', officer)).statusCode).toBe(403);
  });
});

describe('readiness board', () => {
  it('gives the leader each part of the preparation with the same figures as its feature', async () => {
    const response = await get('/readiness', leader);
    expect(response.statusCode).toBe(200);
    const board = response.json() as Readiness;
    const item = (key: string) => board.items.find((i) => i.key === key)!;
    const tasks = (await findTasks(ctx.handle.db, SYSTEM_ACTOR, eventId)).items;
    expect(item('tasks')).toMatchObject({
      done: tasks.filter((t) => t.status === 'done').length,
      total: tasks.length,
    });
    const budget = await getBudget(ctx.handle.db, eventId);
    expect(item('budget')).toMatchObject({ done: budget.totals.spentVnd, total: budget.totals.estimateVnd });
    const awards = await getAwards(ctx.handle.db, eventId);
    expect(item('certificates')).toMatchObject({
      done: awards.totals.handedOver,
      total: awards.totals.recipients,
    });
    const signings = await agreementTotals(ctx.handle.db, eventId);
    expect(item('agreements')).toMatchObject({
      done: signings.ready + signings.signed,
      total: signings.count,
    });
    expect(signings.count).toBeGreaterThanOrEqual(3);
    const booths = await boothTotals(ctx.handle.db, eventId);
    expect(item('booths')).toMatchObject({ done: booths.assigned, total: booths.booths });
    expect(booths.booths).toBe(10);
    expect(board.tasksByUnit).toHaveLength(7);
    // The contract's demo: the plan's duties for its seven units, each a catalogue unit.
    const contract = (await get('/tasks', organizer)).json() as { items: { unitId: string | null }[] };
    expect(contract.items).toHaveLength(14);
    expect(new Set(contract.items.map((t) => t.unitId)).size).toBe(7);
    expect(contract.items.every((t) => t.unitId)).toBe(true);
    const room = await roomSummary(ctx.handle.db, eventId);
    expect(board.attendanceByGroup.reduce((s, g) => s + g.arrived, 0)).toBe(room.arrived);
  });
});

describe('amounts in words', () => {
  it('writes đồng as finance offices do', () => {
    expect(vndInWords(0)).toBe('Không đồng');
    expect(vndInWords(215_000_000)).toBe('Hai trăm mười lăm triệu đồng');
    expect(vndInWords(1_005_021)).toBe('Một triệu không trăm lẻ năm nghìn không trăm hai mươi mốt đồng');
    expect(vndInWords(14_000)).toBe('Mười bốn nghìn đồng');
  });
});
