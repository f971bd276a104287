import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  slaDeadline,
  slaStatus,
  WORKING_DAY_MS,
  workingTimeBetween,
} from '../../../shared/calendar';

const HOUR = 3_600_000;
/** Beijing wall-clock time as an ISO instant. */
const bj = (dateTime: string): string => `${dateTime}+08:00`;

describe('working time between two instants', () => {
  it('counts a working day’s hours around the clock, and none on rest days', () => {
    expect(workingTimeBetween(bj('2026-10-08T10:00:00'), bj('2026-10-08T15:00:00'))).toBe(5 * HOUR);
    expect(workingTimeBetween(bj('2026-10-09T20:00:00'), bj('2026-10-12T02:00:00'))).toBe(
      4 * HOUR + 24 * HOUR + 2 * HOUR,
    );
    expect(workingTimeBetween(bj('2026-09-30T12:00:00'), bj('2026-10-08T00:00:00'))).toBe(12 * HOUR);
    expect(workingTimeBetween(bj('2026-10-08T00:00:00'), bj('2026-09-30T12:00:00'))).toBe(0);
  });

  it('leaves out one paused interval', () => {
    const pauses = [{ from: bj('2026-10-08T10:00:00'), to: bj('2026-10-08T15:00:00') }];
    expect(workingTimeBetween(bj('2026-10-08T00:00:00'), bj('2026-10-09T00:00:00'), pauses)).toBe(19 * HOUR);
  });

  it('leaves out two paused intervals, overlapping ones once', () => {
    const twoApart = [
      { from: bj('2026-10-08T10:00:00'), to: bj('2026-10-08T12:00:00') },
      { from: bj('2026-10-09T10:00:00'), to: bj('2026-10-09T13:00:00') },
    ];
    const overlapping = [
      { from: bj('2026-10-08T10:00:00'), to: bj('2026-10-08T14:00:00') },
      { from: bj('2026-10-08T12:00:00'), to: bj('2026-10-08T16:00:00') },
    ];
    const from = bj('2026-10-08T00:00:00');
    const to = bj('2026-10-10T00:00:00');
    expect(workingTimeBetween(from, to, twoApart)).toBe(48 * HOUR - 5 * HOUR);
    expect(workingTimeBetween(from, to, overlapping)).toBe(48 * HOUR - 6 * HOUR);
  });

  it('subtracts a pause across a holiday once, and only its working hours', () => {
    const acrossNationalDay = { from: bj('2026-09-30T12:00:00'), to: bj('2026-10-08T12:00:00') };
    const insideIt = { from: bj('2026-10-02T00:00:00'), to: bj('2026-10-08T06:00:00') };
    const from = bj('2026-09-30T00:00:00');
    const to = bj('2026-10-09T00:00:00');
    expect(workingTimeBetween(from, to)).toBe(48 * HOUR);
    expect(workingTimeBetween(from, to, [acrossNationalDay])).toBe(24 * HOUR);
    expect(workingTimeBetween(from, to, [acrossNationalDay, insideIt])).toBe(24 * HOUR);
  });

  it('treats a pause with no end as running past `to`, and pauses over the edges as clipped', () => {
    const from = bj('2026-10-08T00:00:00');
    const to = bj('2026-10-09T00:00:00');
    expect(workingTimeBetween(from, to, [{ from: bj('2026-10-08T18:00:00') }])).toBe(18 * HOUR);
    expect(workingTimeBetween(from, to, [{ from: bj('2026-10-08T18:00:00'), to: null }])).toBe(18 * HOUR);
    expect(
      workingTimeBetween(from, to, [{ from: bj('2026-10-07T00:00:00'), to: bj('2026-10-08T02:00:00') }]),
    ).toBe(22 * HOUR);
  });
});

describe('adding working time', () => {
  it('skips rest days and paused intervals', () => {
    expect(addWorkingTime(bj('2026-09-30T12:00:00'), 24 * HOUR).toISOString()).toBe(
      new Date(bj('2026-10-08T12:00:00')).toISOString(),
    );
    const pauses = [{ from: bj('2026-10-08T10:00:00'), to: bj('2026-10-08T15:00:00') }];
    expect(addWorkingTime(bj('2026-10-08T00:00:00'), 12 * HOUR, pauses).toISOString()).toBe(
      new Date(bj('2026-10-08T17:00:00')).toISOString(),
    );
  });

  it('stops at the end of a working day rather than the start of the next one', () => {
    expect(addWorkingTime(bj('2026-10-09T00:00:00'), WORKING_DAY_MS).toISOString()).toBe(
      '2026-10-09T16:00:00.000Z',
    );
  });

  it('refuses a pause that has not ended: the clock has no end to count to', () => {
    expect(() =>
      addWorkingTime(bj('2026-10-08T00:00:00'), HOUR, [{ from: bj('2026-10-08T00:00:00') } as never]),
    ).toThrow(TypeError);
  });
});

describe('SLA deadline after pauses', () => {
  const submittedAt = bj('2026-09-30T17:00:00');

  it('moves later by exactly the paused working time', () => {
    // Prepare
    const pauses = [
      { from: bj('2026-10-08T10:00:00'), to: bj('2026-10-08T15:00:00') },
      { from: bj('2026-10-09T22:00:00'), to: bj('2026-10-12T03:00:00') },
    ];
    const plain = slaDeadline(submittedAt, 3);

    // Act
    const paused = slaDeadline(submittedAt, 3, pauses);

    // Assess: 5 h on the 8th, 2 h on the 9th, 24 h on the make-up Saturday, 3 h on the 12th.
    const moved = workingTimeBetween(
      new Date(Date.parse(plain.deadline) + 1),
      new Date(Date.parse(paused.deadline) + 1),
    );
    expect(moved).toBe(34 * HOUR);
    expect(paused).toEqual({
      deadline: '2026-10-13T01:59:59.999Z',
      deadlineDate: '2026-10-13',
      startDate: '2026-10-01',
      calendar: 'official',
    });
  });

  it('ignores pauses on the submission day and on rest days', () => {
    const pauses = [
      { from: bj('2026-09-30T17:30:00'), to: bj('2026-09-30T23:00:00') },
      { from: bj('2026-10-02T00:00:00'), to: bj('2026-10-06T00:00:00') },
    ];
    expect(slaDeadline(submittedAt, 3, pauses)).toEqual(slaDeadline(submittedAt, 3));
  });
});

describe('SLA state', () => {
  const base = { submittedAt: bj('2026-09-30T17:00:00'), workingDays: 3 };
  const deadline = '2026-10-10T15:59:59.999Z';

  it.each([
    ['on the submission day', bj('2026-09-30T18:00:00'), 'on-track', 72 * HOUR],
    ['during the holiday', bj('2026-10-05T12:00:00'), 'on-track', 72 * HOUR],
    ['halfway through the second working day', bj('2026-10-09T12:00:00'), 'on-track', 36 * HOUR],
    ['with exactly one working day left', bj('2026-10-10T00:00:00'), 'on-track', 24 * HOUR],
    ['a millisecond later', bj('2026-10-10T00:00:00.001'), 'at-risk', 24 * HOUR - 1],
    ['on the evening of the last day', bj('2026-10-10T20:00:00'), 'at-risk', 4 * HOUR],
    ['at the deadline', bj('2026-10-10T23:59:59.999'), 'at-risk', 1],
    ['after it, on a rest day', bj('2026-10-11T10:00:00'), 'breached', 0],
    ['after it, on a working day', bj('2026-10-12T06:00:00'), 'breached', -6 * HOUR],
  ])('%s: %s is %s', (_, now, state, remainingMs) => {
    expect(slaStatus({ ...base, now })).toEqual({
      deadline,
      deadlineDate: '2026-10-10',
      state,
      pausedMs: 0,
      remainingMs,
      calendar: 'official',
    });
  });

  it('is met when closed by the deadline and missed after it', () => {
    const now = bj('2026-10-20T10:00:00');
    expect(slaStatus({ ...base, now, closedAt: bj('2026-10-10T23:59:59.999') }).state).toBe('met');
    expect(slaStatus({ ...base, now, closedAt: bj('2026-10-08T09:00:00') })).toMatchObject({
      state: 'met',
      remainingMs: 63 * HOUR,
    });
    expect(slaStatus({ ...base, now, closedAt: bj('2026-10-11T00:00:00') }).state).toBe('missed');
  });

  it('takes a custom at-risk threshold', () => {
    const now = bj('2026-10-09T12:00:00');
    expect(slaStatus({ ...base, now, atRiskThresholdMs: 48 * HOUR }).state).toBe('at-risk');
  });

  it('while a correction is open, counts the pause up to now and projects the deadline from now', () => {
    // Prepare: correction requested at 10:00 on the 9th, not answered by Monday 10:00.
    const pauses = [{ from: bj('2026-10-09T10:00:00') }];

    // Act
    const status = slaStatus({ ...base, now: bj('2026-10-12T10:00:00'), pauses });

    // Assess: paused 14 h on the 9th, the make-up Saturday, 10 h on the 12th.
    expect(status).toEqual({
      deadline: '2026-10-13T15:59:59.999Z',
      deadlineDate: '2026-10-13',
      state: 'on-track',
      pausedMs: 48 * HOUR,
      remainingMs: 38 * HOUR,
      calendar: 'official',
    });
  });

  it('keeps counting after the correction is answered', () => {
    const pauses = [{ from: bj('2026-10-09T10:00:00'), to: bj('2026-10-12T10:00:00') }];
    expect(slaStatus({ ...base, now: bj('2026-10-13T12:00:00'), pauses })).toMatchObject({
      deadline: '2026-10-13T15:59:59.999Z',
      state: 'at-risk',
      pausedMs: 48 * HOUR,
      remainingMs: 12 * HOUR,
    });
    expect(slaStatus({ ...base, now: bj('2026-10-14T00:00:00'), pauses }).state).toBe('breached');
  });

  it('says provisional when the days it used include 2027', () => {
    expect(
      slaStatus({ submittedAt: bj('2026-12-30T10:00:00'), now: bj('2026-12-31T10:00:00'), workingDays: 3 }),
    ).toMatchObject({
      deadlineDate: '2027-01-05',
      state: 'on-track',
      calendar: 'provisional',
    });
  });
});
