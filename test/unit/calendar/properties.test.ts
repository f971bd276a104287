import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  dayInfo,
  dayRange,
  localDate,
  slaDeadline,
  WORKING_DAY_MS,
  workingTimeBetween,
} from '../../../shared/calendar';

/** Instants from 2004 through 2028: official years, the provisional 2027–2028 and the seam between. */
const instant = fc
  .integer({ min: Date.UTC(2004, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((ms) => new Date(ms));
const workingDays = fc.integer({ min: 1, max: 30 });
const DAY = 86_400_000;

/** A few closed pauses within a month after `start`, in any order and possibly overlapping. */
const pausesAfter = (start: Date) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -5 * DAY, max: 30 * DAY }), fc.integer({ min: 0, max: 10 * DAY }))
      .map(([offset, length]) => ({
        from: new Date(start.getTime() + offset),
        to: new Date(start.getTime() + offset + length),
      })),
    { maxLength: 4 },
  );

describe('calendar properties', () => {
  it('a deadline is the end of a working day, N working days after the submission day', () => {
    fc.assert(
      fc.property(instant, workingDays, (submittedAt, n) => {
        const result = slaDeadline(submittedAt, n);
        const submissionDate = localDate(submittedAt);
        expect(dayInfo(result.deadlineDate).working).toBe(true);
        expect(result.deadlineDate > submissionDate).toBe(true);
        expect(result.deadline).toBe(
          new Date(Date.parse(`${result.deadlineDate}T23:59:59.999+08:00`)).toISOString(),
        );
        const counted = dayRange(result.startDate, result.deadlineDate).filter((day) => day.working);
        expect(counted).toHaveLength(n);
        expect(result.calendar === 'provisional').toBe(
          dayRange(result.startDate, result.deadlineDate).some((day) => day.provisional),
        );
      }),
    );
  });

  it('working time grows with the end instant and adds up over a split', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [from, middle, to] = [a, b, c].sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
        const whole = workingTimeBetween(from, to);
        expect(workingTimeBetween(from, middle)).toBeLessThanOrEqual(whole);
        expect(workingTimeBetween(from, middle) + workingTimeBetween(middle, to)).toBe(whole);
        expect(whole).toBeLessThanOrEqual(to.getTime() - from.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('adding the working time between two instants reaches no later than the second', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 * DAY }), (from, span) => {
        const to = new Date(from.getTime() + span);
        const reached = addWorkingTime(from, workingTimeBetween(from, to));
        expect(reached.getTime()).toBeLessThanOrEqual(to.getTime());
        expect(workingTimeBetween(reached, to)).toBe(0);
      }),
    );
  });

  it('the working time between an instant and itself plus ms of working time is ms', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 * WORKING_DAY_MS }), (from, ms) => {
        expect(workingTimeBetween(from, addWorkingTime(from, ms))).toBe(ms);
      }),
    );
  });

  it('pauses move the deadline later by exactly the working time they paused inside the period', () => {
    fc.assert(
      fc.property(
        instant.chain((submittedAt) =>
          fc.tuple(fc.constant(submittedAt), workingDays, pausesAfter(submittedAt)),
        ),
        ([submittedAt, n, pauses]) => {
          const plainEnd = Date.parse(slaDeadline(submittedAt, n).deadline) + 1;
          const pausedEnd = Date.parse(slaDeadline(submittedAt, n, pauses).deadline) + 1;
          const periodStart = new Date(`${slaDeadline(submittedAt, n).startDate}T00:00:00+08:00`);
          const pausedInside =
            workingTimeBetween(periodStart, new Date(pausedEnd)) -
            workingTimeBetween(periodStart, new Date(pausedEnd), pauses);
          expect(pausedEnd).toBeGreaterThanOrEqual(plainEnd);
          expect(workingTimeBetween(new Date(plainEnd), new Date(pausedEnd))).toBe(pausedInside);
          expect(workingTimeBetween(periodStart, new Date(pausedEnd), pauses)).toBe(n * WORKING_DAY_MS);
        },
      ),
    );
  });
});
