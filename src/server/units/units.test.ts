import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../http/types';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.buildUser({ username: 'quantri', isAdmin: true });
  admin = await ctx.login('quantri');
});
afterAll(() => ctx.close());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

/** A sheet the way offices send it: title rows, a merged title, the header lower down. */
async function officeSheet(rows: (string | number | null | ExcelJS.CellValue)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['UBND TỈNH THANH HÓA']);
  sheet.mergeCells('A1:F1');
  sheet.addRow(['DANH SÁCH CÁC ĐƠN VỊ']);
  sheet.mergeCells('A2:F2');
  sheet.addRow([]);
  sheet.addRow(['STT', 'Tên đơn vị', 'Tên viết tắt', 'Mã HC', 'Loại', 'Trực thuộc', 'Hiệu lực đến']);
  for (const [i, r] of rows.entries()) sheet.addRow([i + 1, ...r]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const importUnits = (buffer: Buffer, query = '') =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/units/import${query}`,
    headers: { cookie: admin, 'content-type': XLSX_MEDIA_TYPE },
    payload: buffer,
  });

describe('units catalogue', () => {
  it('creates a unit, records who did it, and finds it without accents', async () => {
    const created = await api('POST', '/api/units', {
      kind: 'district',
      shortName: 'Hoằng Hóa',
      name: 'Huyện Hoằng Hóa',
      adminCode: '399',
      validTo: '2025-06-30',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({
      name: 'Huyện Hoằng Hóa',
      adminCode: '399',
      validTo: '2025-06-30',
      isSample: false,
    });

    for (const q of ['hoang hoa', 'HOẰNG', 'huyen hoang', '399']) {
      const found = await api('GET', `/api/units?q=${encodeURIComponent(q)}`);
      expect(found.json().items.map((u: { id: string }) => u.id)).toContain(unit.id);
    }
    expect(
      (await api('GET', '/api/units?q=nga%20son')).json().items.map((u: { id: string }) => u.id),
    ).not.toContain(unit.id);

    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', unit.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'unit', actor_name: 'Người dùng thử nghiệm' });
    expect(JSON.parse(audit[0]!.after_json!).name).toBe('Huyện Hoằng Hóa');
  });

  it('treats search wildcards literally', async () => {
    await ctx.buildUnit({ name: 'Đơn vị 100% vốn nhà nước', shortName: 'ĐV 100%' });
    const found = await api('GET', `/api/units?q=${encodeURIComponent('%')}`);
    expect(found.json().items.every((u: { name: string }) => u.name.includes('%'))).toBe(true);
    expect(found.json().total).toBe(1);
  });

  it('filters by validity day: a district closed in 2025 is listed for 2020, not for 2026', async () => {
    const unit = await ctx.buildUnit({
      name: 'Huyện Đông Sơn',
      shortName: 'Đông Sơn',
      validTo: '2025-06-30',
    });
    const ids = async (day: string) =>
      (await api('GET', `/api/units?validOn=${day}&pageSize=200`))
        .json()
        .items.map((u: { id: string }) => u.id);
    expect(await ids('2020-11-27')).toContain(unit.id);
    expect(await ids('2026-01-01')).not.toContain(unit.id);
  });

  it('never reuses an administrative code', async () => {
    await ctx.buildUnit({ adminCode: '401', name: 'Huyện Nga Sơn' });
    const again = await api('POST', '/api/units', {
      kind: 'district',
      shortName: 'X',
      name: 'Huyện X',
      adminCode: '401',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Huyện Nga Sơn');
    expect(again.json().error.details[0].field).toBe('adminCode');
  });

  it('refuses a parent that would make a cycle', async () => {
    const province = await ctx.buildUnit({ kind: 'provincial_leadership', name: 'UBND tỉnh A' });
    const district = await ctx.buildUnit({ parentId: province.id, name: 'Huyện B' });
    const cycle = await api('PATCH', `/api/units/${province.id}`, { parentId: district.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0].field).toBe('parentId');
    const self = await api('PATCH', `/api/units/${province.id}`, { parentId: province.id });
    expect(self.statusCode).toBe(400);
    const orphan = await api('POST', '/api/units', {
      kind: 'commune',
      shortName: 'X',
      name: 'Xã X',
      parentId: 'khong-co',
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.details).toEqual([
      { field: 'parentId', message: 'Không tìm thấy đơn vị cấp trên' },
    ]);
  });

  it('keeps a unit in use: deleting it is refused with advice to close it instead', async () => {
    const parent = await ctx.buildUnit({ name: 'Đơn vị cha' });
    await ctx.buildUnit({ parentId: parent.id, name: 'Đơn vị con' });
    const refused = await api('DELETE', `/api/units/${parent.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('ngày hết hiệu lực');
    expect((await api('GET', `/api/units/${parent.id}`)).statusCode).toBe(200);

    const lonely = await ctx.buildUnit({ name: 'Đơn vị lẻ' });
    expect((await api('DELETE', `/api/units/${lonely.id}`)).statusCode).toBe(200);
    expect((await api('GET', `/api/units/${lonely.id}`)).statusCode).toBe(404);
  });

  it('refuses validity that ends before it starts, naming the field', async () => {
    const bad = await api('POST', '/api/units', {
      kind: 'other',
      shortName: 'X',
      name: 'Đơn vị X',
      validFrom: '2021-01-01',
      validTo: '2020-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'validTo' });
  });
});

describe('units XLSX', () => {
  it('exports the catalogue as an XLSX with a title block and a header row', async () => {
    await ctx.buildUnit({ name: 'Thị xã Nghi Sơn', shortName: 'TX Nghi Sơn', adminCode: '407' });
    const response = await api('GET', '/api/units/export.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(XLSX_MEDIA_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('DANH MỤC CƠ QUAN, ĐƠN VỊ');
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain('Thị xã Nghi Sơn');
    expect(values).toContain('407');
  });

  it('imports an office-style sheet, resolving parents by name within the file', async () => {
    const before = (await api('GET', '/api/units?pageSize=200')).json().total;
    const buffer = await officeSheet([
      ['UBND tỉnh Nhập Thử', 'UBND tỉnh NT', '99', 'Lãnh đạo tỉnh', null, null],
      ['Huyện Một', 'Một', 991, 'Đơn vị cấp huyện', 'UBND tỉnh NT', '30/06/2025'],
      ['Huyện Hai', 'Hai', '992', 'district', '99', null],
    ]);
    const preview = await importUnits(buffer, '?dryRun=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      totalRows: 3,
      validRows: 3,
      created: 3,
      errors: [],
    });
    expect((await api('GET', '/api/units?pageSize=200')).json().total).toBe(before);

    const done = await importUnits(buffer);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ created: 3, updated: 0 });
    const one = (await api('GET', '/api/units?q=huyen%20mot')).json().items[0];
    expect(one).toMatchObject({
      adminCode: '991',
      parentName: 'UBND tỉnh Nhập Thử',
      validTo: '2025-06-30',
      kind: 'district',
    });

    // Importing the same list again updates by administrative code instead of duplicating.
    const again = await importUnits(buffer);
    expect(again.json()).toMatchObject({ created: 0, updated: 3 });
  });

  it('imports nothing when one row is broken, and names the row and column', async () => {
    const before = (await api('GET', '/api/units?pageSize=200')).json().total;
    const buffer = await officeSheet([
      ['Huyện Tốt', 'Tốt', '881', 'Đơn vị cấp huyện', null, null],
      ['Huyện Lỗi', 'Lỗi', '882', 'Quận vũ trụ', null, '31/02/2025'],
      ['', 'Không tên', '883', 'Đơn vị cấp huyện', null, null],
    ]);
    const response = await importUnits(buffer);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.message).toContain('chưa nhập dòng nào');
    const messages = error.details.map((d: { message: string }) => d.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Dòng 6, cột Loại: Loại "Quận vũ trụ"/));
    expect(messages).toContainEqual(expect.stringMatching(/^Dòng 6, cột Hiệu lực đến: "31\/02\/2025"/));
    expect(messages).toContainEqual(expect.stringMatching(/^Dòng 7, cột Tên đầy đủ/));
    expect((await api('GET', '/api/units?pageSize=200')).json().total).toBe(before);
  });

  it('imports the valid rows only when the user explicitly asks', async () => {
    const buffer = await officeSheet([
      ['Huyện Hợp Lệ', 'Hợp Lệ', '771', 'Đơn vị cấp huyện', null, null],
      ['Huyện Sai Cha', 'Sai Cha', '772', 'Đơn vị cấp huyện', 'Tỉnh không tồn tại', null],
      ['Xã Con Của Dòng Lỗi', 'Con', '77201', 'Xã, phường, thị trấn', 'Sai Cha', null],
    ]);
    const response = await importUnits(buffer, '?mode=valid_rows_only');
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ created: 1, validRows: 1, totalRows: 3 });
    expect(result.errors).toEqual([
      { row: 6, column: 'Trực thuộc', message: expect.stringContaining('Tỉnh không tồn tại') },
      { row: 7, column: 'Trực thuộc', message: 'Đơn vị cấp trên ở dòng 6 có lỗi' },
    ]);
    expect((await api('GET', '/api/units?q=hop%20le')).json().total).toBe(1);
    expect((await api('GET', '/api/units?q=sai%20cha')).json().total).toBe(0);
  });

  it('refuses formula cells, duplicate rows, and files that are not spreadsheets', async () => {
    const withFormula = await officeSheet([
      ['Huyện Công Thức', 'CT', { formula: '600+1', result: 601 }, 'Đơn vị cấp huyện', null, null],
      ['Huyện Trùng', 'Trùng', '602', 'Đơn vị cấp huyện', null, null],
      ['Huyện Trùng', 'Trùng 2', '603', 'Đơn vị cấp huyện', null, null],
    ]);
    const response = await importUnits(withFormula);
    const messages = response.json().error.details.map((d: { message: string }) => d.message);
    expect(messages).toContainEqual(expect.stringContaining('Dòng 5, cột Mã hành chính: Ô chứa công thức'));
    expect(messages).toContainEqual(
      expect.stringContaining('Dòng 7, cột Tên đầy đủ: Trùng tên đơn vị với dòng 6'),
    );

    const notXlsx = await importUnits(Buffer.from('%PDF-1.7\n\u0000\u0001binary'));
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().error.message).toContain('.xlsx');
    const oldExcel = await importUnits(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(oldExcel.statusCode).toBe(415);
    expect(oldExcel.json().error.message).toContain('Excel 97-2003 (.xls)');

    const csv = await importUnits(
      Buffer.from('\ufeffTên đơn vị;Loại\nHuyện Từ CSV;Đơn vị cấp huyện\n'),
      '?dryRun=true',
    );
    expect(csv.json()).toMatchObject({ totalRows: 1, created: 1, errors: [] });

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Trống');
    const emptyResponse = await importUnits(Buffer.from(await empty.xlsx.writeBuffer()));
    expect(emptyResponse.statusCode).toBe(422);
    expect(emptyResponse.json().error.message).toContain('không có dữ liệu');
  });
});
