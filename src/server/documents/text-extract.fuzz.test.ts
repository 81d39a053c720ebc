import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parsePlanDocument } from '../plans/plans.service';
import { FUZZ_SEED } from '../test/fuzz';
import { extractDocumentText } from './text-extract';

/** An uploaded file's contract: its text (and a draft or a clean refusal), or a clean AppError; never a crash. */
async function readsCleanly(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  for (const read of [extractDocumentText, parsePlanDocument]) {
    try {
      await read(buffer);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.status).toBeLessThan(500);
      expect(error.message).toMatch(/\p{L}/u);
    }
  }
}

const LINES = [
  'KẾ HOẠCH',
  'Tổ chức Hội nghị tổng kết Chương trình OCOP',
  'Thời gian: 8h00, ngày 27/11/2020.',
  'Địa điểm: Hội trường 25B - Thành phố Thanh Hóa.',
];
let docx: Uint8Array;
let pdf: Uint8Array;

beforeAll(async () => {
  docx = new Uint8Array(
    await Packer.toBuffer(
      new Document({ sections: [{ children: LINES.map((text) => new Paragraph({ text })) }] }),
    ),
  );
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const line of LINES) doc.text(line);
  doc.end();
  pdf = new Uint8Array(await done);
});

const bytes = (max: number) => fc.uint8Array({ maxLength: max });
const withMagic = (magic: number[]) => bytes(4096).map((rest) => new Uint8Array([...magic, ...rest]));

/** A real file with random bytes overwritten, a random cut, or a random block inserted. */
const mutated = (original: () => Uint8Array) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 30 }),
      fc.option(fc.nat()),
      fc.option(fc.tuple(fc.nat(), bytes(256))),
    )
    .map(([flips, cut, insert]) => {
      let out = Uint8Array.from(original());
      for (const [at, value] of flips) out[at % out.length] = value;
      if (cut !== null) out = out.slice(0, cut % out.length);
      if (insert) {
        const at = insert[0] % (out.length + 1);
        out = new Uint8Array([...out.slice(0, at), ...insert[1], ...out.slice(at)]);
      }
      return out;
    });

describe('document text extraction fuzz', () => {
  it('reads random bytes, text-like or not, cleanly', async () => {
    await fc.assert(fc.asyncProperty(bytes(8192), readsCleanly), { seed: FUZZ_SEED, numRuns: 150 });
  });

  it('reads random bytes behind a PDF or ZIP signature cleanly', async () => {
    const magic = fc.oneof(withMagic([0x25, 0x50, 0x44, 0x46]), withMagic([0x50, 0x4b, 0x03, 0x04]));
    await fc.assert(fc.asyncProperty(magic, readsCleanly), { seed: FUZZ_SEED, numRuns: 60 });
  });

  it('reads damaged DOCX files cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated(() => docx),
        readsCleanly,
      ),
      { seed: FUZZ_SEED, numRuns: 40 },
    );
  });

  it('reads damaged PDF files cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated(() => pdf),
        readsCleanly,
      ),
      { seed: FUZZ_SEED, numRuns: 40 },
    );
  });
});
