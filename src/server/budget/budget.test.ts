import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Budget } from '../../shared/budget';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let eventId = '';
let organizer = '';
let leader = '';
let officer = '';

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  cookie: string,
  payload?: object,
) => ctx.app.inject({ method, url: `/api/events/${eventId}${url}`, headers: { cookie }, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  const unit = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa' })).id;
  eventId = (await ctx.buildEvent()).id;
  for (const [name, role] of [
    ['ke-toan', 'organizer'],
    ['lanh-dao', 'viewer'],
    ['can-bo', 'unit_officer'],
  ] as const) {
    const user = await ctx.buildUser({ username: name });
    await ctx.addMember(eventId, user.id, role, role === 'unit_officer' ? unit : null);
  }
  organizer = await ctx.login('ke-toan');
  leader = await ctx.login('lanh-dao');
  officer = await ctx.login('can-bo');
});
afterAll(() => ctx.close());

const line = (over: object) => ({
  category: 'printing',
  content: 'In tài liệu',
  unitLabel: 'Bộ',
  quantity: 300,
  unitPriceVnd: 45_000,
  ...over,
});

describe('budget', () => {
  it('adds up lines in integer đồng and warns over the estimate', async () => {
    expect(
      (
        await call('PUT', '/budget', organizer, {
          sourceDecision: 'Quyết định số 1726/QĐ-UBND ngày 18/5/2020',
        })
      ).statusCode,
    ).toBe(200);
    await call('POST', '/budget/lines', organizer, line({ spentVnd: 12_800_000 }));
    await call(
      'POST',
      '/budget/lines',
      organizer,
      line({
        category: 'hall',
        content: 'Thuê hội trường',
        unitLabel: 'Gói',
        quantity: 1,
        unitPriceVnd: 25_000_000,
        spentVnd: 25_000_000,
      }),
    );
    const over = await call(
      'POST',
      '/budget/lines',
      organizer,
      line({
        category: 'booths',
        content: 'Dựng gian hàng',
        unitLabel: 'Gian',
        quantity: 10,
        unitPriceVnd: 6_000_000,
        committedVnd: 61_000_000,
        spentVnd: 63_500_000,
      }),
    );
    expect(over.statusCode).toBe(201);

    const budget = (await call('GET', '/budget', leader)).json() as Budget;
    expect(budget.sourceDecision).toContain('1726/QĐ-UBND');
    expect(budget.lines.map((l) => [l.category, l.estimateVnd, l.spentVnd])).toEqual([
      ['printing', 13_500_000, 12_800_000],
      ['hall', 25_000_000, 25_000_000],
      ['booths', 60_000_000, 63_500_000],
    ]);
    expect(budget.totals).toEqual({
      estimateVnd: 98_500_000,
      committedVnd: 61_000_000,
      spentVnd: 101_300_000,
    });
    expect(budget.byCategory.find((c) => c.category === 'booths')).toMatchObject({ estimateVnd: 60_000_000 });
    expect(budget.lines.map((l) => l.isOverEstimate)).toEqual([false, false, true]);
    expect(budget.warnings).toHaveLength(2);
    expect(budget.warnings[0]).toMatchObject({ lineId: budget.lines[2]!.id });
    expect(budget.warnings[0]!.message).toContain('vượt dự toán 60.000.000 đ (3.500.000 đ)');
    expect(budget.warnings[1]!.message).toContain('Tổng đã chi 101.300.000 đ vượt tổng dự toán 98.500.000 đ');

    // Bringing the spending back under clears the warnings.
    const fixed = (
      await call('PATCH', `/budget/lines/${budget.lines[2]!.id}`, organizer, { quantity: 11 })
    ).json() as Budget;
    expect(fixed.lines[2]).toMatchObject({ estimateVnd: 66_000_000, isOverEstimate: false });
    expect(fixed.warnings).toEqual([]);
  });

  it('takes integer đồng only', async () => {
    expect(
      (await call('POST', '/budget/lines', organizer, line({ unitPriceVnd: 45_000.5 }))).statusCode,
    ).toBe(400);
    expect((await call('POST', '/budget/lines', organizer, line({ spentVnd: -1 }))).statusCode).toBe(400);
    // A line's amount stays an exact integer: quantity × unit price within the ceiling, on creation and on edit.
    const huge = await call(
      'POST',
      '/budget/lines',
      organizer,
      line({ quantity: 1_000_000, unitPriceVnd: 1_000_000_000_000 }),
    );
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.details[0].field).toBe('unitPriceVnd');
    const first = ((await call('GET', '/budget', organizer)).json() as Budget).lines[0]!;
    expect(
      (await call('PATCH', `/budget/lines/${first.id}`, organizer, { unitPriceVnd: 1_000_000_000_000 }))
        .statusCode,
    ).toBe(400);
  });

  it('is the organizers’ to write and the leader’s to read; units do not see money', async () => {
    expect((await call('GET', '/budget', officer)).statusCode).toBe(403);
    expect((await call('POST', '/budget/lines', leader, line({}))).statusCode).toBe(403);
  });

  it('exports the estimate and the settlement with the columns finance offices use, totals that add up', async () => {
    const budget = (await call('GET', '/budget', organizer)).json() as Budget;
    for (const kind of ['estimate', 'settlement'] as const) {
      const response = await call('GET', `/budget/${kind}.xlsx`, leader);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      let headerRow = 0;
      sheet.eachRow((row, n) => {
        if (row.getCell(1).value === 'STT') headerRow = n;
      });
      const header = (sheet.getRow(headerRow).values as unknown[]).slice(1);
      expect(header.slice(0, 6)).toEqual([
        'STT',
        'Nội dung chi',
        'Đơn vị tính',
        'Số lượng',
        'Đơn giá',
        kind === 'estimate' ? 'Thành tiền' : 'Dự toán',
      ]);
      expect(header.at(-1)).toBe('Ghi chú');
      const value = (cell: ExcelJS.Cell) => {
        const v = cell.value as number | { result: number };
        return typeof v === 'number' ? v : v.result;
      };
      let lineSum = 0;
      let groupSum = 0;
      let total = 0;
      let spent = 0;
      for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
        const row = sheet.getRow(n);
        const first = row.getCell(1).value;
        if (typeof first === 'number') {
          // A line: numbers as numbers, Thành tiền = Số lượng × Đơn giá.
          expect(typeof row.getCell(4).value).toBe('number');
          expect(typeof row.getCell(5).value).toBe('number');
          expect(value(row.getCell(6))).toBe(
            (row.getCell(4).value as number) * (row.getCell(5).value as number),
          );
          lineSum += value(row.getCell(6));
          if (kind === 'settlement') spent += value(row.getCell(7));
        } else if (typeof first === 'string' && /^[IVX]+$/.test(first)) groupSum += value(row.getCell(6));
        else if (row.getCell(2).value === 'TỔNG CỘNG') total = value(row.getCell(6));
      }
      expect(lineSum).toBe(budget.totals.estimateVnd);
      expect(groupSum).toBe(budget.totals.estimateVnd);
      expect(total).toBe(budget.totals.estimateVnd);
      if (kind === 'settlement') expect(spent).toBe(budget.totals.spentVnd);
      const cells: string[] = [];
      sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
      expect(cells.some((c) => c.startsWith('Bằng chữ: '))).toBe(true);
    }
  });

  it('keeps receipts (PDF or JPEG) with a line', async () => {
    const budget = (await call('GET', '/budget', organizer)).json() as Budget;
    const lineId = budget.lines[0]!.id;
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/budget/lines/${lineId}/receipts?name=hoa-don`,
      headers: { cookie: organizer, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(response.statusCode).toBe(201);
    const after = (await call('GET', '/budget', leader)).json() as Budget;
    expect(after.lines[0]!.receipts.map((r) => r.fileName)).toEqual(['hoa-don.pdf']);
    const file = await call(
      'GET',
      `/budget/lines/${lineId}/receipts/${after.lines[0]!.receipts[0]!.id}`,
      leader,
    );
    expect(file.rawPayload.equals(pdf)).toBe(true);
    // The receipt of one line is not reachable under another.
    expect(
      (
        await call(
          'GET',
          `/budget/lines/${after.lines[1]!.id}/receipts/${after.lines[0]!.receipts[0]!.id}`,
          leader,
        )
      ).statusCode,
    ).toBe(404);
  });
});
