import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDraftSchema } from '../../../shared/plan';
import { AppError } from '../../errors';
import { FUZZ_SEED } from '../../test/fuzz';
import { parsePlanText } from '../plans.service';
import { parsePlan } from './parse-plan';

const SEED_PLAN = readFileSync(
  join(import.meta.dirname, '..', '..', 'demo', 'ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt'),
  'utf8',
);

/** The parser's contract for any text: a draft the API can serialise, or a clean AppError; never anything else. */
function parsesCleanly(text: string) {
  try {
    const { draft } = parsePlanText(text);
    const checked = planDraftSchema.safeParse(draft);
    if (!checked.success) throw new Error(`draft breaks its schema: ${checked.error.message.slice(0, 300)}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBeLessThan(500);
    expect(error.message).toMatch(/\p{L}/u);
  }
}

const COMBINING = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b'];
const word = fc.oneof(
  fc.constantFrom(
    'Hội nghị',
    'tổng kết',
    'Chương trình',
    'OCOP',
    'UBND tỉnh Thanh Hóa',
    'Sở Tài chính',
    'Văn phòng Điều phối',
    'đại biểu',
    'người',
    'Thời gian',
    'Địa điểm',
    'Thành phần',
    'Kinh phí',
    'Căn cứ',
    'Quyết định số 490/QĐ-TTg',
    'Luật',
    'Nơi nhận',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Lê Đức Giang',
    'Hội trường 25B',
    'tham dự',
    'thứ Sáu',
    'buổi sáng',
    '1/2 ngày',
    'Trên đây là',
    'Kính gửi',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: /KH-UBND',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc
    .tuple(
      fc.constantFrom('a', 'o', 'e', 'u', 'y', 'A', 'đ'),
      fc.array(fc.constantFrom(...COMBINING), { maxLength: 30 }),
    )
    .map(([base, marks]) => base + marks.join('')),
);
const date = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 9999 }))
  .chain(([d, m, y]) =>
    fc.constantFrom(
      `${d}/${m}/${y}`,
      `${String(d).padStart(2, '0')} / ${m} / ${y}`,
      `ngày ${d} tháng ${m} năm ${y}`,
      `ngày … tháng ${m} năm ${y}`,
      `${d}-${m}-${y}`,
      `${d}h${m}`,
      `${d} giờ ${m}, ngày ${d}/${m}/${y}`,
      `(thứ Hai, ${d}/${m}/${y})`,
      `${d}h${m} - ${m}h${d}`,
    ),
  );
const count = fc
  .tuple(fc.nat(99_999), fc.nat(99_999), fc.nat(999_999))
  .chain(([a, b, c]) =>
    fc.constantFrom(
      `(${a} x ${b} người = ${c} người)`,
      `(${a} × ${b} = ${c})`,
      `(${a} đại biểu/tỉnh)`,
      `(khoảng ${c} người)`,
      `khoảng ${c} đại biểu`,
      `${a} người;`,
      `(dự kiến ${a} gian hàng)`,
    ),
  );
const marker = fc.oneof(
  fc.constantFrom(
    'I.',
    'II.',
    'IV.',
    'XVIII.',
    '1.',
    '2)',
    '7.1.',
    '7.1',
    'a)',
    'đ)',
    '-',
    '–',
    '+',
    '•',
    '*',
    '○',
  ),
  fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 12 }).map((n) => `${n.join('.')}.`),
);
const sentence = fc
  .array(fc.oneof({ weight: 5, arbitrary: word }, date, count), { maxLength: 14 })
  .map((w) => w.join(' '));
const table = fc
  .array(fc.array(sentence, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
const planLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(marker, sentence).map(([m, s]) => `${m} ${s}`) },
  { weight: 3, arbitrary: sentence },
  { weight: 1, arbitrary: sentence.map((s) => s.toLocaleUpperCase('vi')) },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '**', '__') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(',', '.', ';', ':', ' ', '1', '/', '(', 'a', 'x'), fc.nat(3000))
      .map(([c, n]) => c.repeat(n)),
  },
);
const planText = fc
  .tuple(fc.array(planLine, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r', '\n\n'))
  .map(([lines, eol]) => lines.join(eol));

/** The seed plan with random edits: lines dropped, duplicated, cut in two, or with random text inserted. */
const mutatedPlan = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'cut', 'insert'), planLine), { maxLength: 20 })
  .map((edits) => {
    const lines = SEED_PLAN.split('\n');
    for (const [at, kind, text] of edits) {
      const i = at % lines.length;
      if (kind === 'drop') lines.splice(i, 1);
      else if (kind === 'dup') lines.splice(i, 0, lines[i]!);
      else if (kind === 'insert') lines.splice(i, 0, text);
      else lines.splice(i, 1, lines[i]!.slice(0, at % 40), lines[i]!.slice(at % 40));
    }
    return lines.join('\n');
  });

describe('plan parser fuzz', () => {
  it('reads plan-like text into a valid draft or a clean AppError', () => {
    fc.assert(fc.property(planText, parsesCleanly), { seed: FUZZ_SEED, numRuns: 300 });
  });

  it('reads the seed plan with random edits', () => {
    fc.assert(fc.property(mutatedPlan, parsesCleanly), { seed: FUZZ_SEED, numRuns: 100 });
  });

  it('reads pure random strings, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 2000 }),
          fc.string({ unit: 'grapheme', maxLength: 2000 }),
        ),
        parsesCleanly,
      ),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });

  it('reads very long lines and deep numbering', () => {
    fc.assert(
      fc.property(
        fc.tuple(sentence, fc.integer({ min: 1_000, max: 20_000 }), fc.integer({ min: 1, max: 300 })),
        ([text, repeat, depth]) => {
          parsesCleanly(`Thời gian: ${text.repeat(Math.ceil(repeat / (text.length + 1)))}`);
          const nested = Array.from(
            { length: depth },
            (_, i) =>
              `${Array(i + 1)
                .fill('1')
                .join('.')}. ${text}`,
          );
          parsesCleanly(`II. THÀNH PHẦN\n${nested.join('\n')}`);
        },
      ),
      { seed: FUZZ_SEED, numRuns: 20 },
    );
  });

  it('reads a 1 MB plan (the seed plan over and over) and a 1 MB paragraph broken every few characters', () => {
    parsesCleanly(SEED_PLAN.repeat(Math.ceil(1_000_000 / SEED_PLAN.length)));
    parsesCleanly(`1. Thành phần gồm\n${'đại biểu các sở\n'.repeat(1_000_000 / 16)}`);
  });
});

/**
 * Inputs that made a regex or a join super-linear. At this size the old code took minutes (the test timeout fails
 * it); linear code takes well under a second each.
 */
describe('plan parser: inputs that were quadratic or crashed', () => {
  const N = 200_000;
  const cases: [string, string][] = [
    // CITATION: "\d+[…\d/…]*\/" split a run of digits every possible way before failing.
    ['a document number that is a long run of digits', `Căn cứ Luật 1${'1'.repeat(N)}x`],
    ['the same in the funding section', `III. KINH PHÍ\nLuật 1${'1'.repeat(N)}x`],
    // clean(): "[\s:;,]+$" rescanned a run of commas from each comma.
    ['a program line with a long run of commas', `II. CHƯƠNG TRÌNH\n1. a${','.repeat(N)}b`],
    // titleWithout(): the same with dots.
    ['a composition line with a long run of dots', `Thành phần:\n- a${'.'.repeat(N)}b`],
    // durationText: "\d+\/\d+|\d+" retried from every digit.
    ['a time that is a long run of digits', `Thời gian: ${'1'.repeat(N)}x`],
    // splitAgencies(): the joined text was folded again for every piece and every known unit name.
    ['a long list of partners that are not agencies', `Đơn vị phối hợp: ${'a, '.repeat(N / 3)}`],
    ['partners with a long run of trailing dots', `Đơn vị phối hợp: Sở A${'.'.repeat(N)}x`],
    // toLines(): every short broken line re-tested (and flattened) the whole joined paragraph.
    ['a paragraph broken after every letter', `1. Mục a\n${'a\n'.repeat(N)}`],
    ['a word cut after every consonant', `1. Mục a\n${'b\n'.repeat(N)}`],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(() => parsePlan(text)).not.toThrow();
    });
  }

  it('an item with 200,000 continuation lines (Math.max over the body overflowed the stack)', () => {
    const draft = parsePlan(`1. Mục\n${'x.\n'.repeat(200_000)}`);
    expect(draft.sources).toBeDefined();
  });
});
