import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompositionNode, planDraftSchema } from '../../../shared/plan';
import { parsePlan } from './parse-plan';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
const SEED = readFileSync(
  join(import.meta.dirname, '..', '..', 'demo', 'ke-hoach-hoi-nghi-ocop-thanh-hoa-2020.txt'),
  'utf8',
);

const leaves = (nodes: CompositionNode[]): CompositionNode[] =>
  nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));
const counts = (nodes: CompositionNode[]) => leaves(nodes).map((n) => n.count);

describe('the seed plan (Kế hoạch OCOP Thanh Hóa 2020)', () => {
  const draft = parsePlan(SEED);

  it('is a valid draft', () => {
    expect(planDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('reads the header, leaving blank number and date as null', () => {
    expect(draft.documentType).toBe('plan');
    expect(draft.header).toMatchObject({
      issuer: 'UBND tỉnh Thanh Hóa',
      number: null,
      symbol: 'KH-UBND',
      place: 'Thanh Hóa',
      date: null,
    });
    expect(draft.header.title).toMatch(
      /^Tổ chức Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm/,
    );
    expect(draft.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['number_blank', 'date_blank']));
  });

  it('reads host, lead, the 11 partners, time without an invented day, venue and expected attendance', () => {
    expect(draft.event).toMatchObject({
      name: 'Hội nghị tổng kết, đánh giá Chương trình mỗi xã một sản phẩm (OCOP) giai đoạn 2018 - 2020, tỉnh Thanh Hóa',
      host: 'UBND tỉnh Thanh Hóa',
      lead: 'Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
      venue: 'Hội trường 25B - Thành phố Thanh Hóa',
      expectedAttendees: 300,
      time: {
        text: '1/2 ngày, dự kiến cuối tháng 11 năm 2020',
        start: null,
        end: null,
        durationText: '1/2 ngày',
      },
    });
    const partners = draft.event.partners.map((p) => p.name);
    expect(partners).toHaveLength(11);
    expect(partners).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(partners).toContain('UBND huyện, thị xã, thành phố');
    expect(partners[0]).toBe('Sở Tài chính');
    expect(draft.warnings.map((w) => w.code)).toContain('time_without_day');
  });

  it('reads the composition: four blocks, total 268 with the 27 × 3 = 81 node, and flags 268 vs about 300', () => {
    expect(draft.composition.map((n) => n.title)).toEqual([
      'Đại biểu Trung ương',
      'Đại biểu cấp tỉnh',
      'Đại biểu cấp huyện, xã',
      expect.stringMatching(/^Đại diện các chủ thể có các sản phẩm OCOP/),
    ]);
    expect(draft.compositionTotal).toBe(268);
    expect(counts(draft.composition)).toEqual([5, 5, 6, 24, 10, 12, 10, 81, 39, 11, 65]);
    const districts = draft.composition[2]!.children[0]!;
    expect(districts).toMatchObject({ count: 81, perUnit: 3, unitCount: 27 });
    expect(districts.title).toMatch(/^Đại diện Lãnh đạo Huyện ủy, UBND; lãnh đạo Văn phòng Điều phối/);
    expect(draft.composition[1]!.count).toBeNull();
    expect(draft.warnings).toContainEqual(
      expect.objectContaining({
        code: 'total_mismatch',
        message: 'Các nhóm thành phần cộng lại 268 người, kế hoạch ghi khoảng 300 đại biểu',
      }),
    );
  });

  it('reads the 9 program items, the speeches with their 5 sub-items', () => {
    expect(draft.program).toHaveLength(9);
    expect(draft.program[0]!.title).toBe('Đăng ký Đại biểu, phát tài liệu');
    const speeches = draft.program[5]!;
    expect(speeches.title).toBe('Phát biểu của các đại biểu');
    expect(speeches.children.map((c) => c.title)).toEqual([
      'Chủ thể, hộ SXKD, đại diện các cửa hàng, siêu thị',
      'Xã phát biểu (01 xã)',
      'Huyện phát biểu (01 huyện)',
      'Sở, ngành phát biểu',
      'Lãnh đạo tỉnh phát biểu',
    ]);
    expect(draft.program[8]!.title).toBe('Kết luận, bế mạc Hội nghị');
  });

  it('reads 10 booths, the funding decision, tasks for 7 units, recipients and the signer', () => {
    expect(draft.sideActivities).toEqual([
      expect.objectContaining({
        count: 10,
        countUnit: 'gian hàng',
        title: expect.stringMatching(/^Tổ chức các gian hàng trưng bày/),
      }),
    ]);
    expect(draft.funding?.citations).toEqual([
      { type: 'Quyết định', number: '1726/QĐ-UBND', date: '2020-05-18', issuer: 'UBND tỉnh Thanh Hóa' },
    ]);
    expect(draft.funding?.text).toMatch(/^Văn phòng Điều phối nông thôn mới tỉnh căn cứ Quyết định số 1726/);
    expect(draft.tasks.map((t) => t.unit)).toEqual([
      'Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
      'Văn phòng UBND tỉnh',
      'Sở Tài chính',
      'Sở Thông tin và Truyền thông',
      'UBND các huyện, thị xã, thành phố',
      'Đài Phát thanh và Truyền hình tỉnh',
      'Các Sở, ngành, đơn vị có liên quan',
    ]);
    expect(draft.tasks[0]!.duties).toHaveLength(5);
    expect(draft.tasks[4]!.duties[2]).toContain('dự kiến 06 bài tham luận');
    expect(draft.tasks[6]!.duties).toEqual([expect.stringMatching(/^Căn cứ chức năng, nhiệm vụ/)]);
    expect(draft.recipients[0]).toMatchObject({ name: 'Bộ NN&PTNT', purpose: 'để báo cáo' });
    expect(draft.recipients.at(-1)).toMatchObject({ name: 'Lưu: VT, Pg NN', purpose: null });
    expect(draft.signer).toMatchObject({
      authority: 'KT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Đức Quyền',
    });
  });

  it('reads the four legal bases with number, type, date and issuer', () => {
    const citations = draft.legalBases.flatMap((b) => b.citations);
    expect(citations).toEqual([
      { type: 'Quyết định', number: '490/QĐ-TTg', date: '2018-05-07', issuer: 'Thủ tướng Chính phủ' },
      { type: 'Quyết định', number: '5363/QĐ-UBND', date: '2018-12-28', issuer: 'UBND tỉnh' },
      { type: 'Kế hoạch', number: '134/KH-UBND', date: '2019-06-11', issuer: 'UBND tỉnh' },
      { type: 'Kế hoạch', number: '77/KH-UBND', date: '2020-03-16', issuer: 'UBND tỉnh' },
    ]);
  });

  it('points every field at the lines it came from', () => {
    const lines = SEED.split('\n');
    const at = (s: { from: number; to: number }) => lines.slice(s.from - 1, s.to).join('\n');
    expect(at(draft.sources['event.venue']!)).toContain('Hội trường 25B');
    expect(at(draft.sources['header.number']!)).toContain('Số: /KH-UBND');
    expect(at(draft.composition[2]!.children[0]!.source)).toContain('27 x 03 người = 81 người');
    expect(at(draft.tasks[2]!.source)).toContain('3. Sở Tài chính');
    expect(at(draft.signer!.source)).toContain('KT. CHỦ TỊCH');
    expect(at(draft.legalBases[0]!.source)).toContain('490/QĐ-TTg');
  });
});

describe('documents in other styles', () => {
  it('a Giấy mời with named guests, a chair and a dated time', () => {
    const draft = parsePlan(fixture('giay-moi-hoi-thao.txt'));
    expect(draft.documentType).toBe('invitation');
    expect(draft.header).toMatchObject({
      parentIssuer: 'UBND tỉnh Thanh Hóa',
      issuer: 'Văn phòng Điều phối nông thôn mới',
      number: '215/GM-VPĐP',
      date: '2021-12-02',
      title: 'Dự Hội thảo xúc tiến tiêu thụ sản phẩm OCOP năm 2021',
    });
    expect(draft.event).toMatchObject({
      name: 'Hội thảo xúc tiến tiêu thụ sản phẩm OCOP năm 2021',
      chair: 'Đồng chí Lê Đức Giang, Phó Chủ tịch UBND tỉnh',
      time: { start: '2021-12-09T14:00:00+07:00', end: null },
      venue: 'Hội trường tầng 3, Sở Nông nghiệp và PTNT, số 15 đường Đại lộ Lê Lợi, TP Thanh Hóa',
    });
    expect(draft.addressees.map((a) => a.text)).toEqual([
      'Ông Lê Văn Hùng, Giám đốc Sở Công Thương',
      'Bà Nguyễn Thị Mai, Phó Giám đốc Sở Nông nghiệp và PTNT',
      'Ông Trịnh Xuân Đức, Chủ tịch UBND huyện Hoằng Hóa',
    ]);
    expect(counts(draft.composition)).toEqual([12, 54, 40]);
    expect(draft.composition[1]).toMatchObject({ perUnit: 2, unitCount: 27 });
    expect(draft.compositionTotal).toBe(106);
    // 09/12/2021 was a Thursday: the weekday agrees, so no warning.
    expect(draft.warnings.map((w) => w.code)).not.toContain('weekday_mismatch');
    expect(draft.signer).toMatchObject({
      authority: 'KT. CHÁNH VĂN PHÒNG',
      title: 'PHÓ CHÁNH VĂN PHÒNG',
      name: 'Đỗ Thị Thu Hà',
    });
  });

  it('a two-day program with days, sessions and times', () => {
    const draft = parsePlan(fixture('ke-hoach-hai-ngay.txt'));
    expect(draft.header).toMatchObject({
      issuer: 'UBND huyện Hoằng Hóa',
      number: '88/KH-UBND',
      date: '2015-11-20',
    });
    expect(draft.event.time).toMatchObject({
      start: '2015-12-06T07:30:00+07:00',
      end: '2015-12-07T17:00:00+07:00',
      durationText: '02 ngày',
    });
    expect(draft.event.expectedAttendees).toBe(120);
    expect(draft.compositionTotal).toBe(120);
    expect(draft.warnings.map((w) => w.code)).not.toContain('total_mismatch');
    const [day1, day2] = draft.program;
    expect(day1).toMatchObject({ session: 'Ngày thứ nhất (06/12/2015)' });
    expect(day1!.children.map((s) => s.session)).toEqual(['Buổi sáng', 'Buổi chiều']);
    expect(day1!.children[0]!.children.map((i) => [i.start, i.end, i.title])).toEqual([
      ['07:30', '08:00', 'Đón tiếp đại biểu'],
      ['08:00', '08:15', 'Khai mạc'],
      ['08:15', '11:30', 'Chuyên đề 1: Bộ tiêu chí quốc gia về nông thôn mới'],
    ]);
    expect(day1!.children[1]!.children[0]).toMatchObject({
      start: '14:00',
      end: '15:30',
      title: 'Chuyên đề 2: Huy động nguồn lực',
    });
    expect(day2!.children[1]!.children[0]).toMatchObject({
      start: '14:00',
      end: '16:30',
      title: 'Tổng kết, bế mạc',
    });
    expect(draft.tasks.map((t) => t.unit)).toEqual([
      'Phòng Nông nghiệp và PTNT',
      'Văn phòng HĐND và UBND huyện',
    ]);
    expect(draft.funding?.text).toBe('Từ nguồn kinh phí sự nghiệp của huyện năm 2015.');
    expect(draft.signer).toMatchObject({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: 'Lê Đình Thọ',
    });
  });

  it('a plan numbered without Roman numerals, with a), b), c) groups', () => {
    const draft = parsePlan(fixture('ke-hoach-khong-so-la-ma.txt'));
    expect(draft.header).toMatchObject({
      parentIssuer: 'Sở Nông nghiệp và PTNT tỉnh Thanh Hóa',
      issuer: 'Chi cục Phát triển nông thôn',
      number: '45/KH-CCPTNT',
      date: '2022-02-05',
    });
    expect(draft.event).toMatchObject({
      name: 'Hội nghị sơ kết Chương trình OCOP năm 2021',
      lead: 'Chi cục Phát triển nông thôn',
      expectedAttendees: 80,
      time: { start: '2022-02-18T08:00:00+07:00' },
      venue: 'Hội trường Chi cục Phát triển nông thôn',
    });
    expect(draft.event.partners.map((p) => p.name)).toEqual([
      'Trung tâm Khuyến nông tỉnh',
      'Liên minh Hợp tác xã tỉnh',
      'Sở Văn hóa, Thể thao và Du lịch',
    ]);
    expect(counts(draft.composition)).toEqual([20, 54, 6]);
    expect(draft.compositionTotal).toBe(80);
    expect(draft.program.map((p) => [p.start, p.end])).toEqual([
      ['08:00', '08:15'],
      ['08:15', '09:00'],
      ['09:00', '10:30'],
      ['10:30', '11:00'],
    ]);
    expect(draft.sideActivities[0]).toMatchObject({ count: 5, countUnit: 'gian hàng' });
    expect(draft.funding?.citations[0]).toMatchObject({ number: '312/QĐ-UBND', date: '2022-01-20' });
    expect(draft.signer).toMatchObject({ authority: null, title: 'CHI CỤC TRƯỞNG', name: 'Phạm Văn Hòa' });
  });

  it('a web copy: CRLF, decomposed Unicode, no blank lines, lines and words broken', () => {
    const copy = fixture('ke-hoach-ban-sao-web.txt');
    expect(copy).toContain('\r\n');
    expect(copy.normalize('NFC')).not.toBe(copy);
    const draft = parsePlan(copy);
    const seed = parsePlan(SEED);
    expect(draft.event.venue).toBe('Hội trường 25B - Thành phố Thanh Hóa');
    expect(draft.event.partners.map((p) => p.name)).toEqual(seed.event.partners.map((p) => p.name));
    expect(draft.compositionTotal).toBe(268);
    expect(counts(draft.composition)).toEqual(counts(seed.composition));
    expect(draft.program.map((p) => p.title)).toEqual(seed.program.map((p) => p.title));
    expect(draft.tasks.map((t) => t.unit)).toEqual(seed.tasks.map((t) => t.unit));
    expect(draft.legalBases.flatMap((b) => b.citations)).toEqual(seed.legalBases.flatMap((b) => b.citations));
    expect(draft.sideActivities[0]?.title).toContain('sản phẩm OCOP');
    expect(draft.signer).toEqual(expect.objectContaining({ name: 'Nguyễn Đức Quyền' }));
  });

  it('a short công văn: subject line, time and venue in a sentence', () => {
    const draft = parsePlan(fixture('cong-van-ngan.txt'));
    expect(draft.documentType).toBe('official_letter');
    expect(draft.header).toMatchObject({ number: '596/VPĐP-OCOP', date: '2020-10-26' });
    expect(draft.header.title).toBe('tổ chức Hội nghị tổng kết Chương trình OCOP giai đoạn 2018 - 2020');
    expect(draft.addressees.map((a) => a.text)).toEqual(['Ủy ban nhân dân tỉnh Thanh Hóa']);
    expect(draft.event).toMatchObject({
      name: 'Hội nghị tổng kết Chương trình OCOP giai đoạn 2018 - 2020',
      venue: 'Hội trường 25B, thành phố Thanh Hóa',
      time: { text: 'cuối tháng 11 năm 2020', start: null },
    });
    expect(draft.composition).toEqual([]);
    expect(draft.signer).toMatchObject({ title: 'CHÁNH VĂN PHÒNG', name: 'Lê Minh Tuấn' });
  });

  it('still gives a draft, with warnings, when sections are missing', () => {
    const draft = parsePlan('KẾ HOẠCH\nTổ chức Hội nghị giao ban quý I\n');
    expect(draft.event.name).toBe('Hội nghị giao ban quý I');
    expect(draft.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'Không tìm thấy thời gian',
        'Không tìm thấy địa điểm',
        'Không tìm thấy thành phần tham dự',
      ]),
    );
  });

  it('flags an impossible date and a weekday that does not match', () => {
    const draft = parsePlan(
      'GIẤY MỜI\nDự Hội nghị giao ban\nCăn cứ Quyết định số 12/QĐ-UBND ngày 31/02/2020 của UBND tỉnh;\nThời gian: 8h00, ngày 27/11/2020 (thứ Hai).\nĐịa điểm: Hội trường 25B.\n',
    );
    const codes = draft.warnings.map((w) => w.code);
    expect(codes).toContain('invalid_date');
    expect(codes).toContain('weekday_mismatch');
    expect(draft.legalBases[0]!.citations[0]!.date).toBeNull();
  });
});

describe('robustness (property-based)', () => {
  const base = parsePlan(SEED);
  const summary = (text: string) => {
    const d = parsePlan(text);
    return {
      counts: counts(d.composition),
      total: d.compositionTotal,
      expected: d.event.expectedAttendees,
      booths: d.sideActivities[0]?.count,
    };
  };
  const expectedSummary = {
    counts: counts(base.composition),
    total: 268,
    expected: 300,
    booths: 10,
  };
  const lines = SEED.split('\n');

  it('random extra spaces, tabs and CRLF do not change the counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(' ', '  ', '\t', ' \t '), {
          minLength: lines.length,
          maxLength: lines.length,
        }),
        fc.boolean(),
        (pads, crlf) => {
          const text = lines
            .map((l, i) =>
              l.trim() ? `${pads[i]}${l.replace(/ /g, i % 3 ? ' ' : '  ')}${pads[(i + 1) % pads.length]}` : l,
            )
            .join(crlf ? '\r\n' : '\n');
          expect(summary(text)).toEqual(expectedSummary);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('random line breaks between words do not change the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (cuts) => {
        const broken = lines.map((line, i) => {
          const spaces = [...line.matchAll(/ /g)].map((m) => m.index ?? 0);
          if (spaces.length < 4 || !cuts.includes(i % 40)) return line;
          const at = spaces[(cuts[0] ?? 0) % spaces.length]!;
          return `${line.slice(0, at)}\n${line.slice(at + 1)}`;
        });
        expect(summary(broken.join('\n'))).toEqual(expectedSummary);
      }),
      { numRuns: 40 },
    );
  });

  it('numbering and bullet style changes do not change the counts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('-', '•', '–', '*'),
        fc.constantFrom('.', ')'),
        fc.boolean(),
        (bullet, closer, noSpace) => {
          const text = lines
            .map((l) => l.replace(/^- (?!\+)/, `${bullet}${noSpace ? '' : ' '}`))
            .map((l) => l.replace(/^(\d)\. /, `$1${closer} `))
            .join('\n');
          expect(summary(text)).toEqual(expectedSummary);
        },
      ),
      { numRuns: 30 },
    );
  });
});
