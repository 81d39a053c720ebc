import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../plans/plans.service';
import { extractDocumentText } from './text-extract';

const SEED = readFileSync(
  join(import.meta.dirname, '..', 'demo', 'ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt'),
  'utf8',
);
const TINOS = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
);

async function pdfOf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(TINOS).fontSize(12);
  for (const line of lines) doc.text(line.normalize('NFC'));
  doc.end();
  return done;
}

describe('reading uploaded documents', () => {
  it('reads a DOCX plan into the same draft as its text', async () => {
    const paragraphs = SEED.split('\n').map((line) => new Paragraph({ text: line.replace(/\*\*/g, '') }));
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    const { draft } = await parsePlanDocument(Buffer.from(docx));
    expect(draft.compositionTotal).toBe(268);
    expect(draft.event.partners).toHaveLength(11);
    expect(draft.signer?.name).toBe('Nguyễn Đức Quyền');
  });

  it('reads a PDF with a text layer, Vietnamese diacritics intact', async () => {
    const pdf = await pdfOf([
      'GIẤY MỜI',
      'Dự Hội nghị tổng kết Chương trình OCOP',
      'Thời gian: 8h00, ngày 27/11/2020.',
      'Địa điểm: Hội trường 25B - Thành phố Thanh Hóa.',
    ]);
    const text = await extractDocumentText(pdf);
    expect(text).toContain('Hội trường 25B');
    const { draft } = await parsePlanDocument(pdf);
    expect(draft.event).toMatchObject({
      name: 'Hội nghị tổng kết Chương trình OCOP',
      venue: 'Hội trường 25B - Thành phố Thanh Hóa',
      time: { start: '2020-11-27T08:00:00+07:00' },
    });
  });

  it('accepts UTF-8 with a BOM and refuses binary, empty, oversized and unreadable files', async () => {
    await expect(extractDocumentText(Buffer.from(`\uFEFFKẾ HOẠCH`, 'utf8'))).resolves.toBe('KẾ HOẠCH');
    await expect(extractDocumentText(Buffer.alloc(0))).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: 'Tệp rỗng',
    });
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    await expect(extractDocumentText(binary)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(extractDocumentText(Buffer.alloc(6 * 1024 * 1024, 0x41))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    await expect(
      extractDocumentText(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)])),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    await expect(parsePlanDocument(Buffer.from('Danh sách mua hàng: táo, cam, chuối'))).rejects.toMatchObject(
      {
        code: 'IMPORT_FAILED',
        message: expect.stringContaining('Không nhận ra văn bản về hội nghị'),
      },
    );
  });
});
