import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { workbookParts, xlsxOf, zipOf } from '../../test/crafted-xlsx';
import { type CellText, FORMULA_PROBLEM, type TableFile } from './grid';
import { readTableBuffer } from './table-read';

/**
 * The reader on anything at all: random CSV text and bytes, random sheet XML in a real zip, valid workbooks with
 * bytes flipped. It answers with grids or an AppError below 500, never anything else, never a hang.
 */

const BUDGET = { numRuns: 200, interruptAfterTimeLimit: 15_000, timeout: 5_000 };

async function outcome(buffer: Buffer): Promise<'grids' | 'refused'> {
  let file: TableFile;
  try {
    file = await readTableBuffer(buffer);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBeLessThan(500);
    expect((error as AppError).message).not.toBe('');
    return 'refused';
  }
  expect(['xlsx', 'csv']).toContain(file.format);
  for (const sheet of file.sheets) {
    expect(Array.isArray(sheet.rows)).toBe(true);
    for (const row of sheet.rows)
      if (row) for (const cell of row) if (cell) expect(typeof cell).toBe('object');
  }
  return 'grids';
}

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '&amp;',
    '&#x1F600;',
    '&#99999999;',
    '&',
    '<',
    ']]>',
    '<![CDATA[x<y]]>',
    '&lt;b&gt;',
    'Thanh Hóa',
  ),
);
const ref = fc.oneof(
  fc.constantFrom('A1', 'B2', 'XFD1', 'XFD1048576', 'A0', 'ZZZZ1', '', '1A', 'a1', 'IV16'),
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 25_000 })).map(([c, r]) => {
    let n = c + 1;
    let letters = '';
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return `${letters}${r}`;
  }),
);
const attrs = fc
  .record(
    {
      r: fc.oneof(ref, fc.integer({ min: -1, max: 2_000_000 }).map(String)),
      t: fc.constantFrom('s', 'str', 'inlineStr', 'b', 'e', 'd', 'n', 'zz'),
      s: fc.integer({ min: -1, max: 40 }).map(String),
      si: fc.integer({ min: 0, max: 3 }).map(String),
      ref: fc.tuple(ref, ref).map(([a, b]) => `${a}:${b}`),
    },
    { requiredKeys: [] },
  )
  .map((record) =>
    Object.entries(record)
      .map(([k, v]) => ` ${k}="${v}"`)
      .join(''),
  );
const tag = fc.constantFrom(
  'row',
  'c',
  'v',
  'f',
  'is',
  't',
  'r',
  'rPh',
  'sheetData',
  'mergeCells',
  'mergeCell',
  'x:c',
);
const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.tuple(tag, attrs).map(([t, a]) => `<${t}${a}/>`),
    fc
      .tuple(tag, attrs, fc.array(tie('node'), { maxLength: 4 }))
      .map(([t, a, children]) => `<${t}${a}>${children.join('')}</${t}>`),
    fc.constantFrom('<', '</c>', '<c r="', '<!DOCTYPE x>', '<?xml version="1.0"?>', '<!-- x -->'),
  ),
})).node;
const sheet = fc
  .array(node, { maxLength: 12 })
  .map((nodes) => `<worksheet><sheetData>${nodes.join('')}</sheetData></worksheet>`);
const strings = fc
  .array(node, { maxLength: 6 })
  .map((nodes) => `<sst>${nodes.map((n) => `<si>${n}</si>`).join('')}</sst>`);

describe('the table reader under fuzzing', () => {
  it('reads any CSV text or bytes into grids or refuses it', async () => {
    const csv = fc.oneof(
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc
        .array(
          fc.array(fc.oneof(text, fc.constantFrom('"', '""', '\r', '\n', ';', '\t')), { maxLength: 6 }),
          {
            maxLength: 8,
          },
        )
        .map((rows) => Buffer.from(rows.map((r) => r.join(',')).join('\n'))),
    );
    await fc.assert(
      fc.asyncProperty(csv, async (buffer) => void (await outcome(buffer))),
      BUDGET,
    );
  });

  it('reads any small workbook structure into grids or refuses it', async () => {
    const workbook = fc
      .tuple(sheet, fc.option(strings))
      .map(([xml, sst]) => xlsxOf(xml, sst === null ? undefined : { name: '', data: sst }));
    await fc.assert(
      fc.asyncProperty(workbook, async (buffer) => void (await outcome(buffer))),
      BUDGET,
    );
  });

  it('survives a valid workbook with bytes flipped, cut short or its parts missing', async () => {
    const valid = xlsxOf(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>',
      { name: '', data: '<sst><si><t>Lê Văn</t></si></sst>' },
    );
    const damaged = fc.oneof(
      fc
        .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        })
        .map((flips) => {
          const copy = Buffer.from(valid);
          for (const [at, byte] of flips) copy[at] = byte;
          return copy;
        }),
      fc.nat(valid.length - 1).map((length) => valid.subarray(0, length)),
      fc
        .subarray(workbookParts('<worksheet/>', { name: '', data: '<sst/>' }).map((p) => p.name))
        .map((names) => zipOf(workbookParts('<worksheet/>').filter((p) => names.includes(p.name)))),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (buffer) => void (await outcome(buffer))),
      BUDGET,
    );
  });
});

/** How cells read when the whole workbook was loaded by ExcelJS on the main thread: the importers' contract. */
function exceljsText(value: ExcelJS.CellValue): CellText | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { problem: FORMULA_PROBLEM, raw: '' };
    if ('error' in value)
      return { problem: `Ô có lỗi Excel ${String(value.error)}`, raw: String(value.error) };
    if ('richText' in value)
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
      };
    if ('text' in value) return { text: String(value.text).trim() };
  }
  const text = String(value).trim();
  return text === '' ? null : { text };
}

describe('the streaming reader reads what ExcelJS read', () => {
  it('gives the same cells for text, numbers, dates, rich text, links, booleans, errors, formulas and merges', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS dai bieu');
    sheet.addRow(['DANH SÁCH ĐẠI BIỂU']);
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Liên hệ', null, 'Có mặt', 'Ghi chú']);
    sheet.addRow([null, null, 'Điện thoại', 'Email', null, null]);
    sheet.addRow([
      { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Thị Hoa ' }] },
      new Date(Date.UTC(1975, 3, 30)),
      912345678,
      { text: 'hoa@ngason.gov.vn', hyperlink: 'mailto:hoa@ngason.gov.vn' },
      true,
      { error: '#N/A' },
    ]);
    sheet.addRow([
      '  Lê Văn  ',
      27_000.5,
      84914555666,
      'le&van@<x>.vn',
      false,
      { formula: 'A4&"x"', result: 'x' },
    ]);
    sheet.getCell('B5').numFmt = 'dd/mm/yyyy';
    sheet.addRow(['Trần "Văn" Ba', '30/04/1975', '0904 111 222', null, null, 'Tầng 2 & 3']);
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B2:B3');
    sheet.mergeCells('C2:D2');
    sheet.mergeCells('F6:F7');
    sheet.addRow([null, null, null, null, null, null]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(buffer as unknown as ArrayBuffer);
    const expected: Record<string, CellText> = {};
    loaded.worksheets[0]!.eachRow({ includeEmpty: true }, (row, r) => {
      for (let c = 1; c <= 6; c++) {
        const cell = exceljsText(row.getCell(c).value);
        if (cell) expected[`${r}:${c - 1}`] = cell;
      }
    });
    const [grid] = (await readTableBuffer(buffer)).sheets;
    const actual: Record<string, CellText> = {};
    grid!.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        actual[`${r + 1}:${c}`] =
          'problem' in cell && cell.problem === FORMULA_PROBLEM ? { ...cell, raw: '' } : cell;
      });
    });
    expect(actual).toEqual(expected);
    expect(grid!.rows[4]![5]).toEqual({ problem: FORMULA_PROBLEM, raw: '=A4&"x"' });
  });
});
