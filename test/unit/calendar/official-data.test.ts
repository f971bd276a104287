import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, dayInfo, dayRange, loadOfficialYears } from '../../../shared/calendar';
import { chineseDaysYears } from '../../../shared/calendar/official-data';
import projectOfficialYears from '../../../shared/calendar/official-years.json' with { type: 'json' };
import { libraryDayFunctionsHold, libraryIsWorkday } from './chinese-days-oracle';

/**
 * A made-up 2027 arrangement in the file format, standing in for the State Council notice that is not
 * published yet. Not real data.
 */
const invented2027 = {
  year: 2027,
  source: 'test data: an invented arrangement',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  makeUpWorkdays: [
    { name: '春节', date: '2027-01-31' },
    { name: '春节', date: '2027-02-20' },
  ],
};

describe('official data from chinese-days', () => {
  it('covers exactly 2004–2026', () => {
    const years = chineseDaysYears().map((entry) => entry.year);
    expect(years.sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, index) => 2004 + index));
  });

  it.runIf(libraryDayFunctionsHold)(
    'agrees with chinese-days’ own isWorkday on every day of 2004–2026',
    () => {
      const disagreements = dayRange('2004-01-01', '2026-12-31').filter(
        (day) => day.working !== libraryIsWorkday(day.date) || day.provisional,
      );
      expect(disagreements).toEqual([]);
    },
  );

  it('knows the State Council notices, e.g. 元旦 2019 starting on 2018-12-30', () => {
    expect(dayInfo('2018-12-29')).toMatchObject({ kind: 'make-up-workday', provisional: false });
    expect(dayInfo('2018-12-30')).toMatchObject({ kind: 'holiday', name: '元旦', provisional: false });
    expect(dayInfo('2015-09-03')).toMatchObject({ kind: 'holiday', working: false });
  });
});

describe('the project’s official-years file', () => {
  it('is valid and does not invent 2027', () => {
    const years = loadOfficialYears(projectOfficialYears).map((entry) => entry.year);
    expect(years).not.toContain(2027);
    expect(dayInfo('2027-03-10')).toEqual({
      date: '2027-03-10',
      kind: 'workday',
      working: true,
      provisional: true,
    });
  });

  it('adds a year with data alone', () => {
    // Prepare
    const calendar = createWorkingCalendar({ years: [invented2027] });

    // Act
    const deadline = calendar.slaDeadline('2027-02-04T10:00:00+08:00', 3);

    // Assess
    expect(calendar.dayInfo('2027-02-12')).toEqual({
      date: '2027-02-12',
      kind: 'holiday',
      working: false,
      name: '春节',
      provisional: false,
    });
    expect(calendar.dayInfo('2027-03-10')).toMatchObject({ kind: 'workday', provisional: false });
    expect(deadline).toEqual({
      deadline: '2027-02-17T15:59:59.999Z',
      deadlineDate: '2027-02-17',
      startDate: '2027-02-05',
      calendar: 'official',
    });
    expect(calendar.slaDeadline('2027-02-18T10:00:00+08:00', 3).deadlineDate).toBe('2027-02-22');
    expect(calendar.dayInfo('2028-01-03').provisional).toBe(true);
  });

  it('wins over chinese-days for a year it lists', () => {
    const calendar = createWorkingCalendar({
      years: [
        {
          year: 2026,
          source: 'test data',
          holidays: [{ name: '元旦', from: '2026-01-01' }],
          makeUpWorkdays: [],
        },
      ],
    });
    expect(calendar.dayInfo('2026-01-02')).toMatchObject({
      kind: 'workday',
      working: true,
      provisional: false,
    });
    expect(calendar.dayInfo('2026-10-01')).toMatchObject({ kind: 'workday', working: true });
  });

  it.each([
    ['an unknown field', { ...invented2027, note: 'x' }, 'note'],
    [
      'a date that does not exist',
      { ...invented2027, holidays: [{ name: '春节', from: '2027-02-30' }] },
      'YYYY-MM-DD',
    ],
    [
      'a range that runs backwards',
      { ...invented2027, holidays: [{ name: '春节', from: '2027-02-12', to: '2027-02-05' }] },
      'forwards',
    ],
    [
      'a make-up workday on a weekday',
      { ...invented2027, makeUpWorkdays: [{ name: '春节', date: '2027-02-01' }] },
      'not a Saturday or Sunday',
    ],
    [
      'a day listed twice',
      { ...invented2027, makeUpWorkdays: [{ name: '元旦', date: '2027-01-02' }] },
      'listed twice',
    ],
    [
      'a date far outside the year',
      { ...invented2027, holidays: [{ name: '国庆节', from: '2028-10-01' }] },
      'outside the 2027',
    ],
    ['a year the calendar does not cover', { ...invented2027, year: 2100 }, '2099'],
    ['no source', { ...invented2027, source: '' }, 'source'],
  ])('rejects %s', (_, year, message) => {
    expect(() => loadOfficialYears({ years: [year] })).toThrow(message);
  });

  it('rejects a year listed twice', () => {
    expect(() => loadOfficialYears({ years: [invented2027, invented2027] })).toThrow('2027 is listed twice');
  });
});
