import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DelegateImportPreview } from '../../shared/delegates';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { XLSX_MEDIA_TYPE } from '../http/types';
import { deflatePieces, inlineCell, sheetXml, workbookParts, xlsxOf, zipOf } from '../test/crafted-xlsx';
import { createTestContext, type TestContext } from '../test/harness';
import { configureTableReader } from './table-read/table-read-pool';

/**
 * Hostile spreadsheets sent by a unit officer to the real preview route: each refused with a 4xx that names the
 * limit, while the server keeps answering everyone else.
 */

let ctx: TestContext;
let officer = '';
let desk = '';
let eventId = '';
let groupId = '';
let unitId = '';

const preview = (buffer: Buffer, type = XLSX_MEDIA_TYPE) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/delegates/import/preview`,
    headers: { cookie: officer, 'content-type': type },
    payload: buffer,
  });

const header = `<row r="1">${inlineCell('A1', 'Họ và tên')}${inlineCell('B1', 'Chức vụ')}</row>`;
const person = (row: number, extra = '') =>
  `<row r="${row}">${inlineCell(`A${row}`, `Người Thứ ${row}`)}${inlineCell(`B${row}`, 'Cán bộ')}${extra}</row>`;

async function refused(response: Awaited<ReturnType<typeof preview>>, status: number, message: RegExp) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.message).toMatch(message);
}

beforeAll(async () => {
  ctx = await createTestContext();
  unitId = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa' })).id;
  eventId = (await ctx.buildEvent()).id;
  const user = await ctx.buildUser({ username: 'canbo-hoanghoa' });
  await ctx.addMember(eventId, user.id, 'unit_officer', unitId);
  officer = await ctx.login('canbo-hoanghoa');
  const staff = await ctx.buildUser({ username: 'le-tan' });
  await ctx.addMember(eventId, staff.id, 'checkin');
  desk = await ctx.login('le-tan');
  groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: 'Lãnh đạo huyện' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, { seats: [{ unitId, quota: 50 }] });
});
afterAll(() => ctx.close());
afterEach(() => configureTableReader({}));

describe('a hostile spreadsheet is refused, naming the limit', () => {
  it('reads only the cells a file holds: a sparse XFD column is refused in the header, ignored below it', async () => {
    const rows = Array.from(
      { length: 2_000 },
      (_, i) => `<row r="${i + 1}">${inlineCell(`XFD${i + 1}`, 'x')}</row>`,
    );
    await refused(await preview(xlsxOf(sheetXml(rows.join('')))), 413, /ô XFD1 \(cột thứ 16\.384\).*256 cột/);

    // The same stray cells under a real header cannot belong to any column: the list is read without them.
    const below = Array.from({ length: 2_000 }, (_, i) =>
      person(i + 2, i + 2 > 16 ? inlineCell(`XFD${i + 2}`, 'x') : ''),
    );
    const ok = await preview(xlsxOf(sheetXml(header + below.join(''))));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as DelegateImportPreview).rows).toHaveLength(2_000);
  });

  it('refuses one cell at XFD1048576 by its row', async () => {
    const file = xlsxOf(sheetXml(`<row r="1048576">${inlineCell('XFD1048576', 'x')}</row>`));
    await refused(await preview(file), 413, /ô XFD1048576 \(dòng 1\.048\.576\).*21\.000 dòng/);
  });

  it('stops a million-row sheet at the row limit', async () => {
    // Rows without numbers are numbered in order, as Excel reads them: a million of them in 30 MB of XML.
    const rows = function* () {
      yield `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}`;
      for (let i = 0; i < 1_000; i++)
        yield Array.from({ length: 1_000 }, (_, j) => `<row><c><v>${i * 1_000 + j}</v></c></row>`).join('');
      yield '</sheetData></worksheet>';
    };
    const file = xlsxOf({ name: '', deflated: await deflatePieces(rows()) });
    await refused(await preview(file), 422, /^Trang tính có hơn 20\.000 dòng dữ liệu/);
  }, 60_000);

  it('refuses a 300 MB shared string before inflating it, and when the sizes lie, while inflating', async () => {
    const huge = await deflatePieces(
      (function* () {
        yield '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>';
        const block = 'a'.repeat(1024 * 1024);
        for (let i = 0; i < 300; i++) yield block;
        yield '</t></si></sst>';
      })(),
    );
    expect(huge.bytes.length).toBeLessThan(1024 * 1024);
    const sheet = sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
    await refused(await preview(xlsxOf(sheet, { name: '', deflated: huge })), 413, /quá giới hạn 100 MB/);
    // Declared as 1 KB, the directory looks harmless: the inflating itself is stopped.
    const lying = xlsxOf(sheet, { name: '', deflated: huge, declaredSize: 1024 });
    await refused(await preview(lying), 413, /nhiều hơn kích thước khai.*100 MB/);
  }, 90_000);

  it('refuses a zip bomb by its compression ratio, and a zip of thousands of parts', async () => {
    const zeros = await deflatePieces(Array.from({ length: 50 }, () => Buffer.alloc(1024 * 1024)));
    const bomb = zipOf([
      ...workbookParts(sheetXml(header)),
      { name: 'xl/media/image1.png', deflated: zeros },
    ]);
    await refused(await preview(bomb), 413, /tỉ lệ [\d.]+:1, quá giới hạn 200:1/);
    // The same bomb claiming a tenth of its size still inflates past its word.
    const lying = zipOf([...workbookParts({ name: '', deflated: zeros, declaredSize: 5 * 1024 * 1024 })]);
    await refused(await preview(lying), 413, /nhiều hơn kích thước khai/);

    const parts = Array.from({ length: 1_200 }, (_, i) => ({ name: `xl/media/${i}.txt`, data: 'x' }));
    await refused(await preview(zipOf([...workbookParts(sheetXml(header)), ...parts])), 413, /1\.000 phần/);
  }, 90_000);

  it('names the cell whose text is longer than a cell may hold', async () => {
    const long = 'dài '.repeat(10_000);
    await refused(
      await preview(xlsxOf(sheetXml(`${header}${person(2)}<row r="3">${inlineCell('B3', long)}</row>`))),
      413,
      /^Ô B3 \(dòng 3, cột B\).*32\.767 ký tự/,
    );
    const shared = `<sst><si><t>Họ và tên</t></si><si><t>${long}</t></si></sst>`;
    const usesIt = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="7"><c r="B7" t="s"><v>1</v></c></row>`,
    );
    await refused(await preview(xlsxOf(usesIt, { name: '', data: shared })), 413, /^Ô B7 \(dòng 7, cột B\)/);
  });

  it('refuses a CSV with a huge line, or a huge cell, by its line', async () => {
    const line = `Họ và tên,Chức vụ\nLê Văn A,${'x'.repeat(5 * 1024 * 1024)}\n`;
    await refused(await preview(Buffer.from(line), 'text/csv'), 413, /dòng 2 dài hơn 1\.000\.000 ký tự/);
    const cell = `Họ và tên,Chức vụ\nLê Văn A,Cán bộ\nLê Văn B,${'x'.repeat(40_000)}\n`;
    await refused(await preview(Buffer.from(cell), 'text/csv'), 413, /^Ô B3 \(dòng 3, cột B\)/);
  }, 90_000);
});

describe('the reader runs beside the server, not in it', () => {
  it('answers health and a check-in while a hostile file is being read', async () => {
    const delegateId = (
      await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, {
        groupId,
        unitId,
        fullName: 'Nguyễn Thị Hằng',
      })
    ).id;
    const flags = new Int32Array(new SharedArrayBuffer(8));
    await configureTableReader({ pauseForTest: flags.buffer as SharedArrayBuffer });
    const order: string[] = [];
    const hostile = xlsxOf(sheetXml(`<row r="1048576">${inlineCell('XFD1048576', 'x')}</row>`));
    const importing = preview(hostile).then((response) => {
      order.push('import');
      return response;
    });
    // The worker holds the file: it is being read from here until released.
    while (Atomics.load(flags, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    order.push('health');
    const checkin = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/checkins`,
      headers: { cookie: desk },
      payload: {
        delegateId,
        clientId: 'may-1-000001',
        scannedAt: new Date().toISOString(),
        deviceId: 'may-1',
      },
    });
    order.push('checkin');
    expect(health.statusCode).toBe(200);
    expect(checkin.statusCode, checkin.body).toBe(200);
    expect(checkin.json()).toMatchObject({ status: 'checked_in' });

    Atomics.store(flags, 1, 1);
    Atomics.notify(flags, 1);
    expect((await importing).statusCode).toBe(413);
    expect(order).toEqual(['health', 'checkin', 'import']);
  });

  it('turns a worker that runs out of memory or time into a 413, and the next file is read', async () => {
    const columns = Array.from({ length: 25 }, (_, c) => String.fromCharCode(65 + c));
    const wide = await deflatePieces(
      (function* () {
        yield '<worksheet><sheetData>';
        yield `<row r="1">${columns.map((c) => inlineCell(`${c}1`, `Cột ${c}`)).join('')}</row>`;
        for (let r = 2; r <= 16_000; r++)
          yield `<row r="${r}">${columns.map((c) => inlineCell(`${c}${r}`, `${c}${r} chữ`)).join('')}</row>`;
        yield '</sheetData></worksheet>';
      })(),
    );
    // 400,000 cells pass every counted limit; 16 MB of heap cannot hold them.
    await configureTableReader({ maxHeapMb: 16, timeoutMs: 120_000 });
    await refused(await preview(xlsxOf({ name: '', deflated: wide })), 413, /cần hơn 16 MB bộ nhớ/);

    await configureTableReader({ timeoutMs: 1 });
    await refused(await preview(xlsxOf(sheetXml(header + person(2)))), 413, /mất quá 1 giây/);

    await configureTableReader({});
    const ok = await preview(xlsxOf(sheetXml(header + person(2))));
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as DelegateImportPreview).rows[0]!.values).toMatchObject({ fullName: 'Người Thứ 2' });
  }, 180_000);
});
