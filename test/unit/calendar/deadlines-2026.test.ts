import { describe, expect, it } from 'vitest';
import { dayInfo, dayRange, localDate, slaDeadline } from '../../../shared/calendar';
import { libraryDayFunctionsHold, libraryIsWorkday } from './chinese-days-oracle';

/** End of a Shanghai day as the API reports it. */
const endOfDay = (date: string): string => new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('the 2026 arrangement', () => {
  const rest: Record<string, string[]> = {
    元旦: ['2026-01-01', '2026-01-03'],
    春节: ['2026-02-15', '2026-02-23'],
    清明: ['2026-04-04', '2026-04-06'],
    劳动节: ['2026-05-01', '2026-05-05'],
    端午: ['2026-06-19', '2026-06-21'],
    中秋: ['2026-09-25', '2026-09-27'],
    国庆节: ['2026-10-01', '2026-10-07'],
  };
  const makeUp: Record<string, string> = {
    '2026-01-04': '元旦',
    '2026-02-14': '春节',
    '2026-02-28': '春节',
    '2026-05-09': '劳动节',
    '2026-09-20': '国庆节',
    '2026-10-10': '国庆节',
  };

  it.each(Object.entries(rest))('%s rests from %j', (name, [first, last]) => {
    for (const day of dayRange(first as string, last as string)) {
      if (libraryDayFunctionsHold) expect(libraryIsWorkday(day.date)).toBe(false);
      expect(day).toEqual({ date: day.date, kind: 'holiday', working: false, name, provisional: false });
    }
  });

  it('has no other holidays or make-up workdays', () => {
    const listed = Object.values(rest).flatMap(([first, last]) =>
      dayRange(first as string, last as string).map((day) => day.date),
    );
    const year = dayRange('2026-01-01', '2026-12-31');
    expect(year.filter((day) => day.kind === 'holiday').map((day) => day.date)).toEqual(listed);
    expect(year.filter((day) => day.kind === 'make-up-workday').map((day) => day.date)).toEqual(
      Object.keys(makeUp).sort(),
    );
  });

  it.each(Object.entries(makeUp))('%s is a make-up workday for %s', (date, name) => {
    if (libraryDayFunctionsHold) expect(libraryIsWorkday(date)).toBe(true);
    expect(dayInfo(date)).toEqual({ date, kind: 'make-up-workday', working: true, name, provisional: false });
  });
});

interface Case {
  why: string;
  submittedAt: string;
  workingDays?: number;
  due: string;
}

const cases: Case[] = [
  {
    why: 'National Day week, due on the make-up Saturday',
    submittedAt: '2026-09-30T17:00:00+08:00',
    due: '2026-10-10',
  },
  {
    why: 'eve of the make-up Saturday before Spring Festival',
    submittedAt: '2026-02-13T10:00:00+08:00',
    due: '2026-02-25',
  },
  {
    why: 'New Year: the make-up Sunday counts first',
    submittedAt: '2025-12-31T10:00:00+08:00',
    due: '2026-01-06',
  },
  {
    why: 'the last working day of 2025 counts before New Year',
    submittedAt: '2025-12-30T10:00:00+08:00',
    due: '2026-01-05',
  },
  { why: 'submitted on a holiday', submittedAt: '2026-01-02T10:00:00+08:00', due: '2026-01-06' },
  { why: 'submitted on a holiday Saturday', submittedAt: '2026-01-03T10:00:00+08:00', due: '2026-01-06' },
  {
    why: 'submitted on the make-up Sunday, which does not count',
    submittedAt: '2026-01-04T10:00:00+08:00',
    due: '2026-01-07',
  },
  {
    why: 'Friday and the make-up Saturday before Spring Festival',
    submittedAt: '2026-02-12T10:00:00+08:00',
    due: '2026-02-24',
  },
  {
    why: 'submitted on the make-up Saturday before Spring Festival',
    submittedAt: '2026-02-14T10:00:00+08:00',
    due: '2026-02-26',
  },
  {
    why: 'due on the make-up Saturday after Spring Festival',
    submittedAt: '2026-02-25T10:00:00+08:00',
    due: '2026-02-28',
  },
  {
    why: 'make-up Saturday, then the Sunday rests',
    submittedAt: '2026-02-26T10:00:00+08:00',
    due: '2026-03-02',
  },
  { why: 'Qingming from Saturday to Monday', submittedAt: '2026-04-02T10:00:00+08:00', due: '2026-04-08' },
  { why: 'the Friday before Qingming', submittedAt: '2026-04-03T10:00:00+08:00', due: '2026-04-09' },
  { why: 'Labour Day, 1–5 May', submittedAt: '2026-04-30T10:00:00+08:00', due: '2026-05-08' },
  {
    why: 'make-up Saturday 9 May, then the Sunday rests',
    submittedAt: '2026-05-07T10:00:00+08:00',
    due: '2026-05-11',
  },
  { why: 'the make-up Saturday counts first', submittedAt: '2026-05-08T10:00:00+08:00', due: '2026-05-12' },
  {
    why: 'submitted on the make-up Saturday, which does not count',
    submittedAt: '2026-05-09T10:00:00+08:00',
    due: '2026-05-13',
  },
  { why: 'Dragon Boat, Friday to Sunday', submittedAt: '2026-06-17T10:00:00+08:00', due: '2026-06-23' },
  { why: 'the day before Dragon Boat', submittedAt: '2026-06-18T10:00:00+08:00', due: '2026-06-24' },
  {
    why: 'the make-up Sunday 20 September, the Saturday before rests',
    submittedAt: '2026-09-17T10:00:00+08:00',
    due: '2026-09-21',
  },
  { why: 'Friday before the make-up Sunday', submittedAt: '2026-09-18T10:00:00+08:00', due: '2026-09-22' },
  {
    why: 'submitted on the Saturday before the make-up Sunday',
    submittedAt: '2026-09-19T10:00:00+08:00',
    due: '2026-09-22',
  },
  { why: 'Mid-Autumn, Friday to Sunday', submittedAt: '2026-09-23T10:00:00+08:00', due: '2026-09-29' },
  { why: 'the day before Mid-Autumn', submittedAt: '2026-09-24T10:00:00+08:00', due: '2026-09-30' },
  {
    why: 'the last working day before National Day counts',
    submittedAt: '2026-09-29T10:00:00+08:00',
    due: '2026-10-09',
  },
  {
    why: 'the make-up Saturday after National Day counts first',
    submittedAt: '2026-10-09T10:00:00+08:00',
    due: '2026-10-13',
  },
  {
    why: 'submitted on the make-up Saturday after National Day',
    submittedAt: '2026-10-10T10:00:00+08:00',
    due: '2026-10-14',
  },
  { why: 'an ordinary weekend', submittedAt: '2026-03-06T10:00:00+08:00', due: '2026-03-11' },
  {
    why: 'one working day over National Day',
    submittedAt: '2026-09-30T17:00:00+08:00',
    workingDays: 1,
    due: '2026-10-08',
  },
  {
    why: 'five working days (invoice) over National Day',
    submittedAt: '2026-09-30T17:00:00+08:00',
    workingDays: 5,
    due: '2026-10-13',
  },
  { why: 'no 2027 day counted, so official', submittedAt: '2026-12-25T10:00:00+08:00', due: '2026-12-30' },
  { why: '00:00 Beijing time', submittedAt: '2026-09-30T00:00:00.000+08:00', due: '2026-10-10' },
  {
    why: '00:00 Beijing time, in UTC the day before',
    submittedAt: '2026-09-29T16:00:00.000Z',
    due: '2026-10-10',
  },
  { why: '23:59:59.999 Beijing time', submittedAt: '2026-02-13T23:59:59.999+08:00', due: '2026-02-25' },
  { why: '23:59:59.999 Beijing time, in UTC', submittedAt: '2026-02-13T15:59:59.999Z', due: '2026-02-25' },
  {
    why: 'one ms later is the make-up Saturday (UTC still says 13 February)',
    submittedAt: '2026-02-13T16:00:00.000Z',
    due: '2026-02-26',
  },
  {
    why: 'midnight starting the make-up Saturday 9 May',
    submittedAt: '2026-05-09T00:00:00.000+08:00',
    due: '2026-05-13',
  },
  { why: 'the same instant in UTC, 8 May', submittedAt: '2026-05-08T16:00:00.000Z', due: '2026-05-13' },
  { why: 'last ms of 8 May, in UTC', submittedAt: '2026-05-08T15:59:59.999Z', due: '2026-05-12' },
];

describe('SLA deadlines on the 2026 calendar', () => {
  it.each(cases)('$why: $submittedAt → $due', ({ submittedAt, workingDays = 3, due }) => {
    // Act
    const result = slaDeadline(submittedAt, workingDays);

    // Assess
    expect(result).toEqual({
      deadline: endOfDay(due),
      deadlineDate: due,
      startDate: nextDate(localDate(submittedAt)),
      calendar: 'official',
    });
    if (libraryDayFunctionsHold) {
      const counted = dayRange(result.startDate, due).filter((day) => libraryIsWorkday(day.date));
      expect(counted).toHaveLength(workingDays);
      expect(counted.at(-1)?.date).toBe(due);
    }
  });

  it('accepts a Date as well as an ISO string', () => {
    expect(slaDeadline(new Date('2026-09-30T09:00:00Z'), 3)).toEqual(
      slaDeadline('2026-09-30T17:00:00+08:00', 3),
    );
  });
});

describe('a period that runs into 2027, which has no official arrangement yet', () => {
  it('skips 元旦 2027 as a provisional holiday and says the result is provisional', () => {
    // Act
    const result = slaDeadline('2026-12-30T10:00:00+08:00', 3);

    // Assess
    expect(result).toEqual({
      deadline: '2027-01-05T15:59:59.999Z',
      deadlineDate: '2027-01-05',
      startDate: '2026-12-31',
      calendar: 'provisional',
    });
    expect(dayRange('2026-12-31', '2027-01-05')).toEqual([
      { date: '2026-12-31', kind: 'workday', working: true, provisional: false },
      { date: '2027-01-01', kind: 'holiday', working: false, name: '元旦', provisional: true },
      { date: '2027-01-02', kind: 'weekend', working: false, provisional: true },
      { date: '2027-01-03', kind: 'weekend', working: false, provisional: true },
      { date: '2027-01-04', kind: 'workday', working: true, provisional: true },
      { date: '2027-01-05', kind: 'workday', working: true, provisional: true },
    ]);
  });

  it('is provisional from the last day of 2026 on', () => {
    expect(slaDeadline('2026-12-31T10:00:00+08:00', 3)).toMatchObject({
      deadlineDate: '2027-01-06',
      calendar: 'provisional',
    });
  });
});
