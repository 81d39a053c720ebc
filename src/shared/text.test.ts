import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDate,
  formatTime,
  formatTimeRange,
  formatVnd,
  lateInvitationWarning,
  parseCalendarDate,
  vietnamLocalToInstant,
  workingDaysBefore,
} from './format';
import { formatPhone, normalizePhone } from './phone';
import {
  compareVietnamese,
  compareVietnameseNames,
  foldVietnamese,
  vietnameseNameKey,
  vietnameseSortKey,
} from './text';

describe('foldVietnamese', () => {
  it('drops accents and maps đ so plain typing finds accented names', () => {
    expect(foldVietnamese('Thanh Hóa')).toBe('thanh hoa');
    expect(foldVietnamese('Nguyễn Đức Quyền')).toBe('nguyen duc quyen');
    expect(foldVietnamese('  Sở   Văn hóa ')).toBe('so van hoa');
  });

  it('treats NFC and NFD input alike', () => {
    expect(foldVietnamese('Hoằng Hóa'.normalize('NFD'))).toBe(foldVietnamese('Hoằng Hóa'.normalize('NFC')));
  });
});

describe('Vietnamese ordering', () => {
  it('orders letters the Vietnamese way, not by code point', () => {
    const letters = ['đ', 'e', 'd', 'â', 'ă', 'a', 'b'];
    expect([...letters].sort(compareVietnamese)).toEqual(['a', 'ă', 'â', 'b', 'd', 'đ', 'e']);
  });

  it('sorts people by given name, then middle, then family name', () => {
    expect(compareVietnameseNames('Nguyễn Văn An', 'Lê Thị Bình')).toBeLessThan(0);
    expect(compareVietnameseNames('Trần Đức', 'Phạm Dũng')).toBeGreaterThan(0);
    expect(compareVietnameseNames('Lê Văn Nam', 'Lê Anh Nam')).toBeGreaterThan(0);
    expect(compareVietnameseNames('Trần Văn Nam', 'Lê Văn Nam')).toBeGreaterThan(0);
  });
});

describe('the stored name key', () => {
  const byKey = (names: string[]) =>
    [...names].sort((a, b) => (vietnameseNameKey(a) < vietnameseNameKey(b) ? -1 : 1));

  it('is digits only, so every database collation sorts it the same way', () => {
    expect(vietnameseNameKey('Nguyễn Thị Hồng Nhung')).toMatch(/^\d+$/);
    expect(vietnameseNameKey('Hoàng Đức Anh'.normalize('NFD'))).toBe(vietnameseNameKey('Hoàng Đức Anh'));
    expect(vietnameseNameKey('  LÊ  văn   nam ')).toBe(vietnameseNameKey('Lê Văn Nam'));
  });

  it('puts the official order into plain string order', () => {
    expect(
      byKey(['Lê Thị Bình', 'Phạm Đức', 'Nguyễn Văn An', 'Trần Dũng', 'Lê Anh', 'Hà Văn Ân', 'Vũ Ăn']),
    ).toEqual(['Nguyễn Văn An', 'Lê Anh', 'Vũ Ăn', 'Hà Văn Ân', 'Lê Thị Bình', 'Trần Dũng', 'Phạm Đức']);
    // Tones decide only between otherwise equal names, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
    expect(byKey(['Lê Mạ', 'Lê Má', 'Lê Mã', 'Lê Mả', 'Lê Mà', 'Lê Ma'])).toEqual([
      'Lê Ma',
      'Lê Mà',
      'Lê Mả',
      'Lê Mã',
      'Lê Má',
      'Lê Mạ',
    ]);
  });

  it('agrees with Intl.Collator("vi") word by word on any names', () => {
    const syllable = fc.constantFrom(
      ...'An Ân Anh Bình Bích Cường Chi Dũng Đức Đạt Em Ê Giang Hà Hải Hùng Hương Khánh Lan Linh Minh My Nam Ngọc Nhung Oanh Ơn Phúc Quân Sơn Tâm Thảo Uyên Ưng Vân Xuân Yến'.split(
        ' ',
      ),
    );
    const name = fc.array(syllable, { minLength: 2, maxLength: 4 }).map((w) => w.join(' '));
    const base = new Intl.Collator('vi', { sensitivity: 'base' });
    const reference = (a: string, b: string) => {
      const [pa, pb] = [a.split(' '), b.split(' ')];
      const parts = (p: string[]) => [p[p.length - 1]!, p.slice(1, -1).join(' '), p[0]!];
      const [ra, rb] = [parts(pa), parts(pb)];
      for (let i = 0; i < 3; i++) {
        const c = base.compare(ra[i]!, rb[i]!);
        if (c !== 0) return c;
      }
      return 0;
    };
    fc.assert(
      fc.property(name, name, (a, b) => {
        const expected = Math.sign(reference(a, b));
        if (expected !== 0) expect(Math.sign(compareVietnameseNames(a, b))).toBe(expected);
      }),
    );
  });
});

describe('phone numbers', () => {
  it('restores the 0 Excel drops and normalises +84', () => {
    expect(normalizePhone('912345678')).toEqual({ phone: '0912345678' });
    expect(normalizePhone('+84 912 345 678')).toEqual({ phone: '0912345678' });
    expect(normalizePhone('84912345678')).toEqual({ phone: '0912345678' });
    expect(normalizePhone('0912.345.678')).toEqual({ phone: '0912345678' });
    expect(normalizePhone('845123456')).toEqual({ phone: '0845123456' });
    expect(normalizePhone('0237 385 2345')).toEqual({ phone: '02373852345' });
    expect(formatPhone('0912345678')).toBe('0912 345 678');
  });

  it('names what is wrong', () => {
    expect(normalizePhone('09l2345678')).toEqual({ problem: expect.stringContaining('có chữ cái') });
    expect(normalizePhone('0912 345')).toEqual({ problem: expect.stringContaining('không hợp lệ') });
    expect(normalizePhone('+1 202 555 0100')).toEqual({ problem: expect.stringContaining('Việt Nam') });
    expect(normalizePhone('0912#345678')).toEqual({ problem: expect.stringContaining('ký tự') });
  });
});

describe('formats', () => {
  const start = vietnamLocalToInstant('2020-11-27', '08:00');

  it('converts Vietnam wall-clock time to UTC (+07:00 all year)', () => {
    expect(start).toBe('2020-11-27T01:00:00.000Z');
  });

  it('shows dates as dd/mm/yyyy and times as 8h00 in Vietnam time', () => {
    expect(formatDate(start)).toBe('27/11/2020');
    expect(formatTime(start)).toBe('8h00');
    expect(formatTime('2020-11-27T07:30:00.000Z')).toBe('14h30');
    expect(formatTimeRange(start, vietnamLocalToInstant('2020-11-27', '11:30'))).toBe(
      '8h00 - 11h30, 27/11/2020',
    );
    // Late evening UTC is already the next day in Vietnam.
    expect(formatDate('2020-11-26T18:00:00.000Z')).toBe('27/11/2020');
  });

  it('counts working days before an event, and warns under three', () => {
    // Tuesday 24/11/2020 → Friday 27/11/2020: Wednesday and Thursday.
    expect(workingDaysBefore('2020-11-24T02:00:00Z', '2020-11-27T01:00:00Z')).toBe(2);
    // Friday 20/11 → Friday 27/11: Monday to Thursday (the weekend does not count).
    expect(workingDaysBefore('2020-11-20T02:00:00Z', '2020-11-27T01:00:00Z')).toBe(4);
    expect(lateInvitationWarning('2020-11-24T02:00:00Z', '2020-11-27T01:00:00Z')).toContain(
      'Chỉ còn 2 ngày làm việc',
    );
    expect(lateInvitationWarning('2020-11-20T02:00:00Z', '2020-11-27T01:00:00Z')).toBeNull();
    expect(lateInvitationWarning('2021-01-01T02:00:00Z', '2020-11-27T01:00:00Z')).toBeNull();
  });

  it('writes money with dot separators and đ', () => {
    expect(formatVnd(1234567)).toBe('1.234.567 đ');
    expect(formatVnd(0)).toBe('0 đ');
  });

  it('parses and formats calendar dates, refusing impossible ones', () => {
    expect(parseCalendarDate('7/5/2018')).toBe('2018-05-07');
    expect(parseCalendarDate('28/12/2018')).toBe('2018-12-28');
    expect(parseCalendarDate('31/02/2020')).toBeNull();
    expect(parseCalendarDate('2020')).toBeNull();
    expect(formatCalendarDate('2020-06-01')).toBe('01/06/2020');
  });
});

describe('vietnameseSortKey', () => {
  it('orders names as written in Vietnamese dictionary order, word by word', () => {
    const names = [
      'Ống hút tre',
      'Đậu phụ',
      'Dưa lưới',
      'Chè lam',
      'Cam đường',
      'Bánh gai',
      'Bánh chưng',
      'Ổi',
    ];
    const sorted = [...names].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Bánh chưng',
      'Bánh gai',
      'Cam đường',
      'Chè lam',
      'Dưa lưới',
      'Đậu phụ',
      'Ổi',
      'Ống hút tre',
    ]);
  });
});
