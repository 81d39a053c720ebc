import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../plans/corpus/corpus';
import { parsePlanDocument } from '../plans/plans.service';
import { renderPdf, vi } from './pdf';
import { extractDocument, OCR_MISSING_MESSAGE, ocrAvailable, ocrPdf } from './text-extract';

const run = promisify(execFile);

/**
 * A scan made by the test: a corpus document drawn as text with Tinos, rendered to a PNG by pdftoppm, and put back
 * into a PDF as an image only, with no text layer, as a scanner would make it.
 */
async function scanOf(text: string, dir: string): Promise<Buffer> {
  const typed = await renderPdf((doc) => {
    doc.addPage({ margin: 56 });
    doc.font('serif').fontSize(12).text(vi(text), { lineGap: 3 });
  }, 'scan');
  await writeFile(join(dir, 'typed.pdf'), typed);
  await run('pdftoppm', [
    '-r',
    '200',
    '-png',
    '-singlefile',
    '-f',
    '1',
    '-l',
    '1',
    join(dir, 'typed.pdf'),
    join(dir, 'page'),
  ]);
  const png = await readFile(join(dir, 'page.png'));
  return renderPdf((doc) => {
    doc.addPage({ margin: 0 });
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  }, 'scan');
}

describe('scanned PDFs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hoinghi-scan-test-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('are read by OCR (tesseract, Vietnamese) and parsed like text, the OCR flag set', {
    timeout: 120_000,
  }, async () => {
    // CI installs tesseract-ocr, tesseract-ocr-vie and poppler-utils (.ci/run): the scan must be read there.
    expect(await ocrAvailable(true)).toBe(true);
    const doc = loadCorpus().find((d) => d.name.startsWith('02-'))!;
    const scan = await scanOf(doc.text, dir);
    const extracted = await extractDocument(scan);
    expect(extracted.ocr).toBe(true);
    expect(extracted.text).toContain('GIẤY MỜI');

    const parsed = await parsePlanDocument(scan);
    expect(parsed.ocr).toBe(true);
    expect(parsed.draft.documentType).toBe('invitation');
    expect(parsed.draft.header.number).toBe('57/GM-SKHCN');
    expect(parsed.draft.header.date).toBe('2023-09-12');
    expect(parsed.draft.event.time.start).toBe('2023-09-26T14:00:00+07:00');
    expect(parsed.draft.event.venue).toMatch(/^Phòng họp tầng 3, Sở Khoa học và Công nghệ/);
    expect(parsed.draft.signer?.name).toBe('Phạm Thị Thu Hà');
  });

  it('without text or images are refused at once, without OCR', async () => {
    const blank = await renderPdf((doc) => {
      doc.addPage();
      doc.rect(50, 50, 100, 100).fill('#000');
    }, 'blank');
    await expect(extractDocument(blank)).rejects.toThrow('Tệp PDF không có chữ nào đọc được');
  });

  it('say what to install when tesseract is missing', async () => {
    // An image-only page (any picture will do: the tools are missing before it is looked at).
    const png = await QRCode.toBuffer('Kế hoạch');
    const scan = await renderPdf((doc) => {
      doc.addPage();
      doc.image(png, 50, 50, { width: 200 });
    }, 'picture');
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await ocrAvailable(true)).toBe(false);
      await expect(ocrPdf(scan)).rejects.toThrow(OCR_MISSING_MESSAGE);
      await expect(extractDocument(scan)).rejects.toThrow(/tesseract-ocr-vie/);
    } finally {
      process.env.PATH = path;
      await ocrAvailable(true);
    }
  });
});
