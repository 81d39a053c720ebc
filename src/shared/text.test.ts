import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDate,
  formatTime,
  formatTimeRange,
  formatVnd,
  parseCalendarDate,
  vietnamLocalToInstant,
} from './format';
import { compareVietnamese, compareVietnameseNames, foldVietnamese } from './text';

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
