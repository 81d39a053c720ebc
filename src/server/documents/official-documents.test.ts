import type ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delegate } from '../../shared/delegates';
import { SYSTEM_ACTOR } from '../auth/actor';
import { seedDemo } from '../demo/demo.service';
import { findEventsForActor } from '../events/events.service';
import {
  documentXml,
  languageGaps,
  paragraphsOf,
  readWorkbook,
  sheetRows,
  tableRowsOf,
} from '../test/documents';
import { createTestContext, type TestContext } from '../test/harness';

// Every document a clerk prints, read back from the demo: text, numbers, totals, order, language.

let ctx: TestContext;
let admin = '';
let eventId = '';

const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: admin } });
const download = async (path: string) => {
  const response = await get(`/api/events/${eventId}/${path}`);
  expect(response.statusCode, `${path}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.rawPayload;
};
const docxText = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value;

/** Everyone of the event in the order `GET …/delegates?sort=protocol` pages them. */
async function protocolOrder(): Promise<Delegate[]> {
  const all: Delegate[] = [];
  for (let page = 1; ; page++) {
    const body = (
      await get(`/api/events/${eventId}/delegates?sort=protocol&pageSize=100&page=${page}`)
    ).json() as { items: Delegate[]; total: number };
    all.push(...body.items);
    if (all.length >= body.total || body.items.length === 0) return all;
  }
}

const listed = (d: Delegate) => d.status !== 'declined' && d.status !== 'replaced';

/** People rows of a list sheet: STT a number, a name in column 3 (list) or 2 (sign-in). */
function personRows(sheet: ExcelJS.Worksheet, nameColumn: number) {
  return sheetRows(sheet).filter((r) => typeof r[0] === 'number' && r[nameColumn - 1]);
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.handle.db);
  eventId = (await findEventsForActor(ctx.handle.db, SYSTEM_ACTOR)).find((e) => e.isDemo)!.id;
  await ctx.buildUser({ username: 'van-thu', isAdmin: true });
  admin = await ctx.login('van-thu');
});
afterAll(() => ctx.close());

describe('delegate list', () => {
  it('counts the same people in DOCX and XLSX, under one issuer, in protocol order', async () => {
    const everyone = await protocolOrder();
    const expected = everyone.filter(listed);
    expect(everyone.some((d) => d.status === 'declined')).toBe(true);

    const docx = await download('delegates/export.docx');
    const text = await docxText(docx);
    expect(text).toContain(`Tổng số: ${expected.length} đại biểu.`);
    expect(text).toContain('không gồm đại biểu đã báo không tham dự');
    const xml = await documentXml(docx);
    const [header, ...rows] = tableRowsOf(xml).slice(1);
    expect(header).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Ghi chú']);
    const people = rows.filter((r) => r.length === 5);
    expect(people).toHaveLength(expected.length);
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('TỈNH THANH HÓA');
    // Landscape, and a name column of about 60 mm (1 mm = 56.7 twips) so names stay on one line.
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const grid = [
      ...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(xml.split('</w:tbl>')[1] ?? '')?.[1] ?? '').matchAll(
        /w:w="(\d+)"/g,
      ),
    ].map((m) => Number(m[1]));
    expect(grid[1]! / 56.7).toBeGreaterThan(55);

    const workbook = await readWorkbook(await download('delegates/export.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN TỈNH THANH HÓA');
    expect(String(sheet.getCell('A4').value)).toContain(`Tổng số: ${expected.length} đại biểu.`);
    const xlsxPeople = personRows(sheet, 3);
    expect(xlsxPeople).toHaveLength(expected.length);
    // Printing: the header row on every page, "Trang N/M" in the footer.
    const headerRow = sheetRows(sheet).findIndex((r) => r[0] === 'STT') + 1;
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect(sheet.headerFooter.oddFooter).toContain('Trang &P/&N');

    // Inside each group, people follow GET …?sort=protocol; DOCX and XLSX list them identically.
    const docxNames = people.map((r) => r[1]);
    const xlsxNames = xlsxPeople.map((r) => [r[1], r[2]].filter(Boolean).join(' '));
    expect(xlsxNames).toEqual(docxNames);
    const byGroup = new Map<string | null, string[]>();
    for (const d of expected) byGroup.set(d.groupId, [...(byGroup.get(d.groupId) ?? []), d.fullName]);
    const inDocx = people.map((r) => r[1]!);
    for (const names of byGroup.values()) {
      const positions = names.map((n) => inDocx.findIndex((line) => line.endsWith(n)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });
});

describe('OCOP statistics', () => {
  it('stores numbers as numbers with totals, percentages apart, right-aligned in the DOCX', async () => {
    const response = await get('/api/ocop/statistics.xlsx?fromYear=2018&toYear=2020');
    expect(response.statusCode).toBe(200);
    const sheet = (await readWorkbook(response.rawPayload)).worksheets[0]!;
    const rows = sheetRows(sheet);
    const headers = rows.flatMap((r, i) => (r[1] === 'Số sản phẩm' ? [i] : []));
    expect(headers.length).toBe(5);
    for (const h of headers) {
      const header = rows[h]!;
      const end = rows.findIndex((r, i) => i > h && r[0] === 'Cộng');
      const body = rows.slice(h + 1, end);
      const total = rows[end]!;
      expect(body.length).toBeGreaterThan(0);
      for (let c = 1; c < header.filter(Boolean).length; c++) {
        for (const r of [...body, total]) expect(typeof r[c], `${header[c]} in ${r[0]}`).toBe('number');
        const sum = body.reduce((t, r) => t + (r[c] as number), 0);
        expect(total[c] as number).toBeCloseTo(sum, 6);
      }
      expect(total[1]).toBe(69);
      expect(total[2]).toBeCloseTo(1, 6);
      const percent = sheet.getRow(end + 1).getCell(3);
      expect(percent.numFmt).toBe('0.0%');
      // No column mixes shares and counts.
      expect(header[2]).toBe('Tỷ lệ');
    }

    const docx = await get('/api/ocop/statistics.docx?fromYear=2018&toYear=2020');
    const xml = await documentXml(docx.rawPayload);
    const tables = xml.split('</w:tbl>').slice(0, -1);
    expect(tables).toHaveLength(5);
    for (const table of tables) {
      const rowsXml = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      const last = tableRowsOf(rowsXml.at(-1)!)[0]!;
      expect(last[1]).toBe('Cộng');
      expect(last[2]).toBe('69');
      expect(last[3]).toBe('100,0%');
      // The number cells of a body row are right-aligned.
      const cells = [...rowsXml[1]!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
      expect(cells[2]).toContain('<w:jc w:val="right"/>');
      expect(cells[1]).not.toContain('<w:jc w:val="right"/>');
    }
  });
});

describe('certificates of the demo', () => {
  it('print with a number, the province in the address, and each decision’s own signer', async () => {
    const pdf = async (decision: string) => {
      const response = await get(
        `/api/events/${eventId}/certificates.pdf?decisionNumber=${encodeURIComponent(decision)}`,
      );
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      const parser = new PDFParse({ data: new Uint8Array(response.rawPayload) });
      const { text, pages } = await parser.getText();
      await parser.destroy();
      return { text: text.normalize('NFC'), pages: pages.length };
    };
    const old = await pdf('5445/QĐ-UBND');
    const first = await pdf('2436/QĐ-UBND');
    const second = await pdf('4612/QĐ-UBND');
    expect(old.pages + first.pages + second.pages).toBe(69);
    for (const { text } of [old, first, second]) {
      expect(text).not.toMatch(/Số: …/);
      expect(text).toContain('tỉnh Thanh Hóa');
    }
    expect(old.text).toContain('Thanh Hóa, ngày 23 tháng 12 năm 2019');
    expect(old.text).not.toContain('Nguyễn Đức Quyền');
    expect(first.text).toContain('Nguyễn Đức Quyền');
    expect(second.text).toContain('Thanh Hóa, ngày 06 tháng 11 năm 2020');
    expect(second.text).toContain('Nguyễn Đức Quyền');
  });
});

describe('attendance, sign-in sheet and reply statistics', () => {
  it('prints the sign-in sheet by group in protocol order with a signature column', async () => {
    const expected = (await protocolOrder()).filter(listed);
    const docx = await download('sign-in-sheet.docx');
    const text = await docxText(docx);
    expect(text).toContain('DANH SÁCH ĐẠI BIỂU KÝ NHẬN');
    expect(text).toContain(
      'Thời gian: 8h00 - 11h30, ngày 27/11/2020. Địa điểm: Hội trường 25B - Thành phố Thanh Hóa',
    );
    const rows = tableRowsOf(await documentXml(docx)).slice(1);
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Ký nhận']);
    const named = rows.filter((r) => r.length === 5 && r[1] && r[0] !== 'STT');
    expect(named).toHaveLength(expected.length);
    expect(named.every((r) => r[4] === '')).toBe(true);

    const sheet = (await readWorkbook(await download('sign-in-sheet.xlsx'))).worksheets[0]!;
    const people = personRows(sheet, 2);
    expect(people.map((r) => r[1])).toEqual(named.map((r) => r[1]));
    expect(sheetRows(sheet).find((r) => r[0] === 'STT')).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị',
      'Ký nhận',
    ]);
    expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
  });

  it('sums up who came per group against the plan, from the check-ins', async () => {
    const everyone = await protocolOrder();
    const confirmed = everyone.filter((d) => d.status === 'confirmed').slice(0, 3);
    const post = (path: string, payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/checkins${path}`,
        headers: { cookie: admin },
        payload,
      });
    const scan = (n: number) => ({
      clientId: `kiem-tra-${n}-abcdef`,
      scannedAt: '2020-11-27T00:45:00.000Z',
      deviceId: 'quay-1',
    });
    for (const [i, d] of confirmed.entries()) {
      expect((await post('', { delegateId: d.id, ...scan(i) })).statusCode).toBe(200);
    }
    const sent = everyone.find((d) => d.status === 'invited')!;
    const substitute = await post('/substitute', {
      delegateId: sent.id,
      fullName: 'Lê Thị Đi Thay',
      position: 'Chuyên viên',
      ...scan(10),
    });
    expect(substitute.statusCode, substitute.body).toBeLessThan(300);
    const walkIn = await post('/walk-in', {
      fullName: 'Phạm Văn Khách',
      reason: 'Phóng viên báo Thanh Hóa',
      ...scan(11),
    });
    expect(walkIn.statusCode, walkIn.body).toBeLessThan(300);

    const sheet = (await readWorkbook(await download('attendance.xlsx'))).worksheets[0]!;
    const rows = sheetRows(sheet);
    const header = rows.findIndex((r) => r[0] === 'Thành phần');
    expect(rows[header]).toEqual([
      'Thành phần',
      'Kế hoạch',
      'Danh sách mời',
      'Có mặt',
      'Trong đó đi thay',
      'Trong đó ngoài danh sách',
      'Vắng mặt',
      'Có mặt / kế hoạch',
    ]);
    const end = rows.findIndex((r, i) => i > header && r[0] === 'Cộng');
    const body = rows.slice(header + 1, end);
    const total = rows[end]!;
    for (let c = 1; c <= 6; c++) {
      expect(total[c]).toBe(body.reduce((t, r) => t + ((r[c] as number | null) ?? 0), 0));
    }
    for (const r of [...body, total]) {
      for (let c = 2; c <= 6; c++) expect(typeof r[c]).toBe('number');
      // Listed = present − walk-ins + absent, in every row.
      expect(r[2]).toBe((r[3] as number) - (r[5] as number) + (r[6] as number));
    }
    expect(total[1]).toBe(268);
    expect(total[3]).toBe(5);
    expect(total[4]).toBe(1);
    expect(total[5]).toBe(1);
    expect(total[2]).toBe(everyone.filter(listed).length);
    expect(sheet.getRow(end + 1).getCell(8).numFmt).toBe('0.0%');
    expect(
      rows.some((r) => r[1] === 'Lê Thị Đi Thay' && String(r[2]).includes(`thay ${sent.fullName}`)),
    ).toBe(true);

    const docx = await download('attendance.docx');
    const text = await docxText(docx);
    expect(text).toContain('TỔNG HỢP ĐẠI BIỂU DỰ HỘI NGHỊ');
    expect(text).toContain(`có mặt 5 đại biểu (trong đó 1 người đi thay, 1 khách ngoài danh sách)`);
    expect(text).toContain('Lê Thị Đi Thay');
    const last = tableRowsOf((await documentXml(docx)).split('</w:tbl>')[1]!).at(-1)!;
    expect(last.slice(1, 4)).toEqual(['Cộng', '268', String(total[2])]);
  });

  it('prints the reply statistics with the totals the summary gives', async () => {
    const summary = (await get(`/api/events/${eventId}/replies/summary`)).json();
    const sheet = (await readWorkbook(await download('reply-statistics.xlsx'))).worksheets[0]!;
    const rows = sheetRows(sheet);
    const totals = rows.filter((r) => r[0] === 'Cộng');
    expect(totals).toHaveLength(2);
    for (const total of totals) {
      expect(total.slice(1, 5)).toEqual([
        summary.totals.notInvited,
        summary.totals.awaiting,
        summary.totals.confirmed,
        summary.totals.declined,
      ]);
      expect(total[5]).toBe(total.slice(1, 5).reduce((t, v) => (t as number) + (v as number), 0));
    }
    const docx = await download('reply-statistics.docx');
    const text = await docxText(docx);
    expect(text).toContain('TÌNH HÌNH TRẢ LỜI GIẤY MỜI');
    expect(text).toContain(`${summary.totals.confirmed} đại biểu xác nhận dự`);
  });
});

describe('DOCX language', () => {
  it('marks every run, the defaults and every style vi-VN, so Word checks Vietnamese spelling', async () => {
    const documents = [
      await download('plan.docx'),
      await download('delegates/export.docx'),
      await download('sign-in-sheet.docx'),
      await download('attendance.docx'),
      await download('reply-statistics.docx'),
      (await get('/api/ocop/statistics.docx')).rawPayload,
    ];
    for (const docx of documents) {
      const gaps = await languageGaps(docx);
      expect(gaps).toEqual({ runs: [], styles: [] });
      expect(paragraphsOf(await documentXml(docx)).length).toBeGreaterThan(10);
    }
  });
});
