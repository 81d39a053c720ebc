import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors';

const run = promisify(execFile);

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const PDF_MAGIC = Buffer.from('%PDF');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A document's text, and whether it was read from a scan by OCR (the review then says so beside the fields). */
export interface ExtractedText {
  text: string;
  ocr: boolean;
}

/**
 * The text of an uploaded document: plain text (UTF-8, with or without BOM), DOCX (mammoth) or a PDF with a text
 * layer (pdf.js through pdf-parse). Anything else is refused with a message saying what to send instead.
 */
export async function extractDocumentText(buffer: Buffer): Promise<string> {
  return (await extractDocument(buffer)).text;
}

/** As `extractDocumentText`; a PDF without a text layer (a scan) is read by OCR when tesseract is installed. */
export async function extractDocument(buffer: Buffer): Promise<ExtractedText> {
  if (buffer.length === 0) throw new AppError('IMPORT_FAILED', 'Tệp rỗng');
  if (buffer.length > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp lớn hơn ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; một kế hoạch thường chỉ vài chục KB`,
    );
  }
  if (buffer.subarray(0, 4).equals(PDF_MAGIC)) {
    const text = await pdfText(buffer);
    if (text !== null) return { text, ocr: false };
    // A scan is pages of images; a PDF with neither text nor images has nothing to read.
    if (!/\/Subtype\s*\/Image/.test(buffer.toString('latin1'))) {
      throw new AppError(
        'IMPORT_FAILED',
        'Tệp PDF không có chữ nào đọc được; hãy gửi bản .docx hoặc PDF xuất từ Word',
      );
    }
    return { text: await ocrPdf(buffer), ocr: true };
  }
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return { text: await docxText(buffer), ocr: false };
  return { text: plainText(buffer), ocr: false };
}

function plainText(buffer: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer).replace(/^\uFEFF/, '');
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control bytes are what tells a binary file apart
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  if (replaced + controls > Math.max(5, text.length / 100)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Tệp không phải văn bản đọc được. Hãy gửi tệp .docx, .pdf có lớp chữ, hoặc dán nội dung văn bản.',
    );
  }
  return text;
}

async function docxText(buffer: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer });
    return value;
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Tệp nén không phải tài liệu Word (.docx) đọc được');
  }
}

/** The PDF's text layer; null when it has none (a scan). */
async function pdfText(buffer: Buffer): Promise<string | null> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    // pdf-parse marks page breaks with "-- 1 of 3 --" lines; they are not part of the document.
    const text = (await parser.getText()).text.replace(/^-- \d+ of \d+ --$/gm, '');
    return /\p{L}{3,}/u.test(text) ? text : null;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Tệp PDF bị hỏng hoặc không đọc được');
  } finally {
    await parser.destroy();
  }
}

/** Pages of a scan read by OCR at most; a plan is a few pages, a longer scan is more likely a mistake. */
export const MAX_OCR_PAGES = 12;
const OCR_TIMEOUT_MS = 90_000;

export const OCR_MISSING_MESSAGE =
  'Tệp PDF là bản scan (không có lớp chữ). Để đọc bản scan, máy chủ cần cài gói tesseract-ocr, tesseract-ocr-vie ' +
  'và poppler-utils (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils). ' +
  'Hoặc gửi bản .docx, PDF xuất từ Word, hay dán nội dung văn bản.';

let ocrReady: Promise<boolean> | undefined;

/** True when pdftoppm and tesseract with its Vietnamese data are installed (checked once per process). */
export function ocrAvailable(recheck = false): Promise<boolean> {
  if (recheck) ocrReady = undefined;
  ocrReady ??= (async () => {
    try {
      await run('pdftoppm', ['-v'], { timeout: 10_000 });
      const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 10_000 });
      return /^vie$/m.test(`${stdout}\n${stderr}`);
    } catch {
      return false;
    }
  })();
  return ocrReady;
}

/**
 * A scanned PDF: each page rendered to a grey 300 dpi image (pdftoppm) and read by tesseract in Vietnamese, in a temp
 * directory removed afterwards. Child processes with a time limit: the event loop never waits on them.
 */
export async function ocrPdf(buffer: Buffer): Promise<string> {
  if (!(await ocrAvailable())) throw new AppError('IMPORT_FAILED', OCR_MISSING_MESSAGE);
  const dir = await mkdtemp(join(tmpdir(), 'hoinghi-ocr-'));
  try {
    const pdf = join(dir, 'scan.pdf');
    await writeFile(pdf, buffer);
    await run(
      'pdftoppm',
      ['-r', '300', '-gray', '-png', '-l', String(MAX_OCR_PAGES), pdf, join(dir, 'page')],
      {
        timeout: OCR_TIMEOUT_MS,
      },
    );
    const pages = (await readdir(dir))
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => pageNo(a) - pageNo(b));
    const texts: string[] = [];
    for (const page of pages) {
      const { stdout } = await run('tesseract', [join(dir, page), 'stdout', '-l', 'vie', '--psm', '4'], {
        timeout: OCR_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      });
      texts.push(stdout.replace(/\f/g, '').trimEnd());
    }
    const text = texts.join('\n\n');
    if (!/\p{L}{3,}/u.test(text))
      throw new AppError(
        'IMPORT_FAILED',
        'Không đọc được chữ nào từ bản scan; hãy gửi bản rõ hơn hoặc bản .docx',
      );
    return text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'IMPORT_FAILED',
      'Không đọc được bản scan (OCR lỗi hoặc quá thời gian); hãy gửi bản .docx',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pageNo = (file: string) => Number(/(\d+)\.png$/.exec(file)?.[1] ?? 0);
