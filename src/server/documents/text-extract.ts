import { AppError } from '../errors';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const PDF_MAGIC = Buffer.from('%PDF');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The text of an uploaded document: plain text (UTF-8, with or without BOM), DOCX (mammoth) or a PDF with a text
 * layer (pdf.js through pdf-parse). Anything else is refused with a message saying what to send instead.
 */
export async function extractDocumentText(buffer: Buffer): Promise<string> {
  if (buffer.length === 0) throw new AppError('IMPORT_FAILED', 'Tệp rỗng');
  if (buffer.length > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp lớn hơn ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; một kế hoạch thường chỉ vài chục KB`,
    );
  }
  if (buffer.subarray(0, 4).equals(PDF_MAGIC)) return pdfText(buffer);
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return docxText(buffer);
  return plainText(buffer);
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

async function pdfText(buffer: Buffer): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    // pdf-parse marks page breaks with "-- 1 of 3 --" lines; they are not part of the document.
    const text = (await parser.getText()).text.replace(/^-- \d+ of \d+ --$/gm, '');
    if (!/\p{L}{3,}/u.test(text)) {
      throw new AppError(
        'IMPORT_FAILED',
        'Tệp PDF không có lớp chữ (có thể là bản scan); hãy gửi bản .docx hoặc PDF xuất từ Word',
      );
    }
    return text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Tệp PDF bị hỏng hoặc không đọc được');
  } finally {
    await parser.destroy();
  }
}
