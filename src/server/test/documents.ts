import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Reading generated documents back in tests: DOCX parts and paragraphs (jszip), XLSX sheets (exceljs). */

export async function docxPart(buffer: Buffer, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(path);
  if (!file) throw new Error(`${path} is not in the DOCX`);
  return file.async('string');
}

export const documentXml = (buffer: Buffer) => docxPart(buffer, 'word/document.xml');

/** The XML parts Word renders text from: the body and the page headers/footers. */
export async function textParts(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')])),
  );
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface DocxParagraph {
  text: string;
  xml: string;
  runs: { text: string; xml: string }[];
}

/** Every paragraph of a part in document order (table cells included), with its runs. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const runs = [...p.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)].map(([r]) => ({
      xml: r,
      text: decode([...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    }));
    return { xml: p, runs, text: runs.map((r) => r.text).join('') };
  });
}

/** Whether the paragraph starting with `prefix` opens with a bold run. */
export function boldRunStarting(xml: string, prefix: string): boolean {
  const paragraph = paragraphsOf(xml).find((p) => p.text.startsWith(prefix));
  if (!paragraph) throw new Error(`No paragraph starts with "${prefix}"`);
  return /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(paragraph.runs[0]!.xml);
}

/** Rows of every table of a part, each row its cells' text. */
export function tableRowsOf(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
    [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
      paragraphsOf(cell)
        .map((p) => p.text)
        .join('\n'),
    ),
  );
}

/**
 * Runs that carry text but no vi-VN language, across the body and headers, and whether the document defaults
 * and every style name vi-VN. Word spell-checks a run in its language.
 */
export async function languageGaps(buffer: Buffer): Promise<{ runs: string[]; styles: string[] }> {
  const runs: string[] = [];
  for (const [name, xml] of Object.entries(await textParts(buffer))) {
    for (const [r] of xml.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)) {
      const hasContent = /<w:t[ >]|<w:fldChar|<w:instrText/.test(r);
      if (hasContent && !/<w:lang w:val="vi-VN"\/>/.test(r)) runs.push(`${name}: ${r.slice(0, 200)}`);
    }
  }
  const styles = await docxPart(buffer, 'word/styles.xml');
  const gaps: string[] = [];
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  if (!/<w:lang w:val="vi-VN"\/>/.test(defaults)) gaps.push('docDefaults');
  for (const [style] of styles.matchAll(/<w:style [\s\S]*?<\/w:style>/g)) {
    const id = /w:styleId="([^"]+)"/.exec(style)?.[1] ?? '?';
    // Table and numbering styles carry no text of their own.
    if (/w:type="(table|numbering)"/.test(style)) continue;
    if (!/<w:lang w:val="vi-VN"\/>/.test(style)) gaps.push(id);
  }
  return { runs, styles: gaps };
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's values row by row (1-based rows dropped to 0-based arrays), empty cells as null. */
export function sheetRows(sheet: ExcelJS.Worksheet): (ExcelJS.CellValue | null)[][] {
  const rows: (ExcelJS.CellValue | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: (ExcelJS.CellValue | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value ?? null);
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}
