import { describe, expect, it } from 'vitest';
import type { ProgramItem } from '../../shared/program';
import { extractDocumentText } from '../documents/text-extract';
import {
  buildMcScript,
  fullTitle,
  type McPerson,
  type McScriptInput,
  type McSigningRound,
  mcScriptDocx,
  mcScriptText,
} from './mc-script';

// The script builder on hand-made inputs: titles, leaders present / absent / substituted, and the signing rounds
// the agreements feature will give.

const item = (
  id: string,
  kind: ProgramItem['kind'],
  title: string,
  minutes: number,
  start: string,
): ProgramItem => ({
  id,
  position: 0,
  kind,
  title,
  startsAt: start,
  durationMinutes: minutes,
  endsAt: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  notes: null,
  isSample: false,
  presenters: [],
  children: [],
});

const person = (
  id: string,
  fullName: string,
  title: string,
  level: McPerson['level'],
  rank: number,
  extra: Partial<McPerson> = {},
): McPerson => ({
  id,
  fullName,
  title,
  address: level === 'enterprise' ? 'ông' : 'đồng chí',
  level,
  rank,
  status: 'confirmed',
  present: false,
  substituteFor: null,
  ...extra,
});

function input(overrides: Partial<McScriptInput> = {}): McScriptInput {
  return {
    event: {
      name: 'Hội nghị tổng kết OCOP',
      startsAt: '2020-11-27T01:00:00.000Z',
      endsAt: '2020-11-27T04:30:00.000Z',
      venueName: 'Hội trường 25B',
      planNumber: '12/KH-UBND',
      planDate: '2020-11-05',
      planIssuer: 'UBND tỉnh Thanh Hóa',
      hostName: 'UBND tỉnh Thanh Hóa',
    },
    checkinBegun: false,
    generatedAt: '2020-11-27T00:30:00.000Z',
    items: [
      item('i1', 'ceremony', 'Tuyên bố lý do, giới thiệu đại biểu', 10, '2020-11-27T01:00:00.000Z'),
      {
        ...item('i2', 'speech', 'Sở, ngành phát biểu', 10, '2020-11-27T01:10:00.000Z'),
        presenters: [{ delegateId: 'gd', unitId: null, name: 'Lê Văn Giám', detail: null }],
      },
      item('i3', 'signing', 'Ký kết các bản hợp đồng tiêu thụ sản phẩm OCOP', 20, '2020-11-27T01:20:00.000Z'),
    ],
    people: [
      person('ct', 'Đỗ Minh Tuấn', 'Chủ tịch UBND tỉnh Thanh Hóa', 'province', 40),
      person('pct', 'Nguyễn Văn Phó', 'Phó Chủ tịch UBND tỉnh Thanh Hóa', 'province', 90),
      person('gd', 'Lê Văn Giám', 'Giám đốc Sở Công Thương', 'department', 120),
      person('cv', 'Mai Thị Chuyên', 'Chuyên viên Sở Công Thương', 'department', 400),
    ],
    presidium: [{ delegateId: 'ct', role: 'chair' }],
    awards: [],
    papers: [],
    ...overrides,
  };
}

const text = (i: McScriptInput, signing: McSigningRound[] = []) => mcScriptText(buildMcScript(i, signing));

describe('titles read out', () => {
  it('joins a post and its body the way Vietnamese titles read', () => {
    expect(fullTitle('Phó Chủ tịch UBND', 'UBND huyện Hoằng Hóa')).toBe('Phó Chủ tịch UBND huyện Hoằng Hóa');
    expect(fullTitle('Giám đốc', 'Sở Công Thương')).toBe('Giám đốc Sở Công Thương');
    expect(fullTitle('Phó Bí thư Huyện ủy', 'UBND huyện Nga Sơn')).toBe('Phó Bí thư Huyện ủy Nga Sơn');
    expect(fullTitle('Phó Chủ tịch UBND tỉnh', 'UBND tỉnh Thanh Hóa')).toBe(
      'Phó Chủ tịch UBND tỉnh Thanh Hóa',
    );
    expect(fullTitle('Phó Chủ tịch UBND', 'Thị xã Nghi Sơn')).toBe('Phó Chủ tịch UBND thị xã Nghi Sơn');
    expect(fullTitle(null, 'Sở Y tế')).toBe('Sở Y tế');
  });
});

describe('the introductions', () => {
  it('before check-in: confirmed leaders in protocol order, marked as expected; staff only counted', () => {
    const t = text(input());
    expect(t).toContain(
      'Về phía lãnh đạo tỉnh, có đồng chí Đỗ Minh Tuấn, Chủ tịch UBND tỉnh Thanh Hóa (dự kiến); đồng chí Nguyễn Văn Phó, Phó Chủ tịch UBND tỉnh Thanh Hóa (dự kiến).',
    );
    expect(t).not.toContain('Mai Thị Chuyên');
    expect(t).toContain('(1 đại biểu đã xác nhận)');
    expect(t).toContain('Chủ trì Hội nghị: đồng chí Đỗ Minh Tuấn, Chủ tịch UBND tỉnh Thanh Hóa.');
    expect(t).toContain('Thực hiện Kế hoạch số 12/KH-UBND ngày 05/11/2020 của UBND tỉnh Thanh Hóa');
  });

  it('on the day: only people checked in, a substitute introduced as standing in', () => {
    const i = input({
      checkinBegun: true,
      people: [
        person('ct', 'Đỗ Minh Tuấn', 'Chủ tịch UBND tỉnh Thanh Hóa', 'province', 40, {
          present: true,
          status: 'checked_in',
        }),
        person('pct', 'Nguyễn Văn Phó', 'Phó Chủ tịch UBND tỉnh Thanh Hóa', 'province', 90, {
          status: 'replaced',
        }),
        person('thay', 'Hoàng Văn Thay', 'Chánh Văn phòng UBND tỉnh Thanh Hóa', 'province', 90, {
          present: true,
          status: 'checked_in',
          substituteFor: { id: 'pct', fullName: 'Nguyễn Văn Phó', title: 'Phó Chủ tịch UBND tỉnh Thanh Hóa' },
        }),
        person('gd', 'Lê Văn Giám', 'Giám đốc Sở Công Thương', 'department', 120),
      ],
    });
    const t = text(i);
    expect(t).toContain(
      'đồng chí Hoàng Văn Thay, Chánh Văn phòng UBND tỉnh Thanh Hóa, thay mặt đồng chí Nguyễn Văn Phó, Phó Chủ tịch UBND tỉnh Thanh Hóa',
    );
    expect(t).not.toContain('(dự kiến)');
    // Absent, but a speaker: named with a warning for the MC, never in the introductions.
    expect(t).not.toMatch(/Về phía các sở, ban, ngành/);
    expect(t).toContain(
      'Xin trân trọng kính mời đồng chí Lê Văn Giám, Giám đốc Sở Công Thương [Lưu ý: chưa điểm danh',
    );
  });
});

describe('the signing ceremony', () => {
  it('reads the item title while there are no signing rounds', () => {
    expect(text(input())).toContain(
      'Xin trân trọng kính mời các đơn vị lên ký kết các bản hợp đồng tiêu thụ sản phẩm OCOP.',
    );
  });

  it('reads each pair by round, and the stand-in for a signatory who is absent', async () => {
    const signing: McSigningRound[] = [
      {
        round: 1,
        pairs: [
          {
            agreementId: 'a1',
            title: 'Hợp đồng cung ứng mật ong',
            parties: [
              {
                unitName: 'HTX ong mật Hưởng Hoa',
                role: 'seller',
                signatory: { name: 'Phan Văn Lâm', position: 'Giám đốc', present: true, standIn: null },
              },
              {
                unitName: 'Siêu thị Co.opmart Thanh Hóa',
                role: 'buyer',
                signatory: {
                  name: 'Trần Thị Mua',
                  position: 'Giám đốc',
                  present: false,
                  standIn: { name: 'Lê Văn Thế', position: 'Phó Giám đốc' },
                },
              },
            ],
          },
        ],
      },
      {
        round: 2,
        pairs: [
          {
            agreementId: 'a2',
            title: 'Biên bản ghi nhớ tiêu thụ chiếu cói',
            parties: [
              { unitName: 'Công ty TNHH Ngân Khương', role: 'seller', signatory: null },
              {
                unitName: 'Big C Thanh Hóa',
                role: 'buyer',
                signatory: { name: 'Ngô Văn Vắng', position: null, present: false, standIn: null },
              },
            ],
          },
        ],
      },
    ];
    const script = buildMcScript(input(), signing);
    const t = mcScriptText(script);
    expect(t).toContain('Lượt 1:');
    expect(t).toContain(
      '- Hợp đồng cung ứng mật ong: bên cung ứng Phan Văn Lâm, Giám đốc, HTX ong mật Hưởng Hoa; bên tiêu thụ Lê Văn Thế, Phó Giám đốc, thay mặt Trần Thị Mua, Siêu thị Co.opmart Thanh Hóa.',
    );
    expect(t).toContain('Lượt 2:');
    expect(t).toContain('bên cung ứng đại diện Công ty TNHH Ngân Khương');
    expect(t).toContain('đại diện Big C Thanh Hóa (Ngô Văn Vắng vắng mặt, chưa có người ký thay)');
    expect(t).not.toContain('kính mời các đơn vị lên ký kết');
    // The Word file says the same.
    const docx = await extractDocumentText(await mcScriptDocx(script));
    expect(docx).toContain('thay mặt Trần Thị Mua');
    expect(docx).toContain('KỊCH BẢN DẪN CHƯƠNG TRÌNH');
  });
});
