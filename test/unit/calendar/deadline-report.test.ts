import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../../shared/calendar';
import { deadlineReport } from '../../../shared/calendar/deadline-report';

describe('npm run calendar', () => {
  it('prints the deadline and each day counted, marking holidays and make-up workdays', () => {
    // Act
    const report = deadlineReport(['2026-09-30T17:00:00+08:00', '3'], workingCalendar);

    // Assess
    expect(report.exitCode).toBe(0);
    expect(report.text.split('\n')).toEqual([
      'Submitted  2026-09-30T09:00:00.000Z  (2026-09-30 17:00:00.000 Asia/Shanghai)',
      'Counting 3 working days from 2026-10-01, the day after submission:',
      '  2026-10-01 Thu  holiday 国庆节',
      '  2026-10-02 Fri  holiday 国庆节',
      '  2026-10-03 Sat  holiday 国庆节',
      '  2026-10-04 Sun  holiday 国庆节',
      '  2026-10-05 Mon  holiday 国庆节',
      '  2026-10-06 Tue  holiday 国庆节',
      '  2026-10-07 Wed  holiday 国庆节',
      '  2026-10-08 Thu  working day 1',
      '  2026-10-09 Fri  working day 2',
      '  2026-10-10 Sat  working day 3 (make-up workday, 国庆节)',
      'Deadline   2026-10-10T15:59:59.999Z  (2026-10-10 23:59:59.999 Asia/Shanghai)',
      'Calendar   official',
    ]);
  });

  it('marks weekends and provisional days', () => {
    const report = deadlineReport(['2026-12-30T10:00:00+08:00', '3'], workingCalendar);
    expect(report.text).toContain('  2027-01-01 Fri  holiday 元旦  [provisional]');
    expect(report.text).toContain('  2027-01-02 Sat  weekend  [provisional]');
    expect(report.text).toContain('Calendar   provisional');
  });

  it.each([
    ['no arguments', []],
    ['an instant without a zone', ['2026-09-30T17:00:00', '3']],
    ['a date that does not exist', ['2026-02-30T17:00:00Z', '3']],
    ['a count that is not a whole number', ['2026-09-30T17:00:00Z', '2.5']],
    ['a count of zero', ['2026-09-30T17:00:00Z', '0']],
    ['a year outside the calendar', ['2100-06-01T00:00:00Z', '3']],
  ])('answers %s with the usage and exit code 2', (_, args) => {
    const report = deadlineReport(args, workingCalendar);
    expect(report.exitCode).toBe(2);
    expect(report.text).toContain('Usage: npm run calendar -- <ISO instant> <working days>');
  });
});
