import { describe, expect, it } from 'vitest';
import { diffPlan, type PlanSide } from './plan-mapping';

const side = (
  overrides: Partial<PlanSide['event']> = {},
  contents: Partial<PlanSide['contents']> = {},
): PlanSide => ({
  event: {
    name: 'Hội nghị tổng kết OCOP',
    hostName: 'UBND tỉnh Thanh Hóa',
    leadName: 'Văn phòng Điều phối',
    partners: [{ name: 'Sở Tài chính' }, { name: 'Sở Y tế' }],
    timeText: '1/2 ngày',
    venueName: 'Hội trường 25B',
    venueAddress: 'Thành phố Thanh Hóa',
    expectedAttendees: 300,
    fundingSource: 'Ngân sách tỉnh',
    planNumber: '/KH-UBND',
    planSignerName: 'Nguyễn Đức Quyền',
    ...overrides,
  },
  contents: {
    composition: [
      {
        title: 'Đại biểu cấp tỉnh',
        count: null,
        perUnit: null,
        unitCount: null,
        children: [
          { title: 'Thường trực Tỉnh ủy', count: 5, perUnit: null, unitCount: null, children: [] },
          { title: 'Sở, ngành', count: 12, perUnit: null, unitCount: null, children: [] },
        ],
      },
    ],
    program: [{ title: 'Khai mạc', start: '08:00', end: '08:15', session: null, children: [] }],
    sideActivities: [{ title: 'Gian hàng OCOP', count: 10 }],
    tasks: [{ unit: 'Sở Tài chính', duties: ['Bố trí kinh phí'] }],
    ...contents,
  },
});

describe('diffPlan', () => {
  it('finds nothing when the plan says what the event holds', () => {
    expect(diffPlan(side(), side())).toEqual([]);
  });

  it('lists changed fields, counts, program lines, booths and duties', () => {
    const next = side(
      { venueName: 'Hội trường tỉnh', expectedAttendees: 320, partners: [{ name: 'Sở Tài chính' }] },
      {
        composition: [
          {
            title: 'Đại biểu cấp tỉnh',
            count: null,
            perUnit: null,
            unitCount: null,
            children: [
              { title: 'Thường trực Tỉnh ủy', count: 6, perUnit: null, unitCount: null, children: [] },
              { title: 'Báo chí', count: 10, perUnit: null, unitCount: null, children: [] },
            ],
          },
        ],
        program: [{ title: 'Khai mạc', start: '08:00', end: '08:30', session: null, children: [] }],
        sideActivities: [{ title: 'Gian hàng OCOP', count: 12 }],
        tasks: [{ unit: 'Sở Tài chính', duties: ['Bố trí kinh phí', 'Quyết toán'] }],
      },
    );
    const changes = diffPlan(side(), next);
    expect(changes).toEqual(
      expect.arrayContaining([
        {
          section: 'event',
          label: 'Địa điểm',
          before: 'Hội trường 25B - Thành phố Thanh Hóa',
          after: 'Hội trường tỉnh - Thành phố Thanh Hóa',
        },
        { section: 'event', label: 'Số đại biểu dự kiến', before: '300', after: '320' },
        {
          section: 'event',
          label: 'Đơn vị phối hợp',
          before: 'Sở Tài chính; Sở Y tế',
          after: 'Sở Tài chính',
        },
        { section: 'composition', label: 'Đại biểu cấp tỉnh › Thường trực Tỉnh ủy', before: '5', after: '6' },
        { section: 'composition', label: 'Đại biểu cấp tỉnh › Báo chí', before: null, after: '10' },
        { section: 'composition', label: 'Đại biểu cấp tỉnh › Sở, ngành', before: '12', after: null },
        { section: 'program', label: '08:00-08:30 Khai mạc', before: null, after: '08:00-08:30 Khai mạc' },
        { section: 'program', label: '08:00-08:15 Khai mạc', before: '08:00-08:15 Khai mạc', after: null },
        {
          section: 'sideActivities',
          label: 'Hoạt động bên lề',
          before: 'Gian hàng OCOP (10)',
          after: 'Gian hàng OCOP (12)',
        },
        {
          section: 'tasks',
          label: 'Sở Tài chính',
          before: 'Bố trí kinh phí',
          after: 'Bố trí kinh phí\nQuyết toán',
        },
      ]),
    );
    expect(changes).toHaveLength(10);
  });
});
