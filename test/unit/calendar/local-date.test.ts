import { describe, expect, it } from 'vitest';
import { addYears, isLocalDate, localDate } from '../../../shared/calendar/local-date';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-6-1', false],
  ])('%s is a calendar date: %s', (date, expected) => {
    expect(isLocalDate(date)).toBe(expected);
  });

  it('names the Guangzhou date of an instant, whatever the process time zone', () => {
    expect(localDate(new Date('2025-06-01T15:59:59Z'))).toBe('2025-06-01');
    expect(localDate(new Date('2025-06-01T16:00:00Z'))).toBe('2025-06-02');
  });

  it('adds years, moving 29 February to 28 February in a common year', () => {
    expect(addYears('2025-06-02', 5)).toBe('2030-06-02');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
