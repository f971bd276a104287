import { describe, expect, it } from 'vitest';
import { dayInfo, localDate, slaDeadline } from '../../../shared/calendar';

/** January offsets (Date#getTimezoneOffset, minutes behind UTC) of the zones the vitest projects set. */
const JANUARY_OFFSET: Record<string, number> = { UTC: 0, 'America/Los_Angeles': 480 };

describe('process time zone', () => {
  it('is the one the vitest project sets', ({ task, skip }) => {
    // Prepare
    const projectZone = task.file.projectName?.match(/^unit-tz-(.+)$/)?.[1];
    if (projectZone === undefined) skip('the default project keeps the machine’s time zone');

    // Act
    const offset = new Date(2026, 0, 1).getTimezoneOffset();

    // Assess
    expect(process.env.TZ).toBe(projectZone);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(projectZone);
    expect(offset).toBe(JANUARY_OFFSET[projectZone as string]);
  });

  it('does not change Shanghai dates or deadlines', () => {
    // Act
    const deadline = slaDeadline(new Date(Date.UTC(2026, 8, 30, 9)), 3);

    // Assess
    expect(localDate('2026-09-30T16:00:00.000Z')).toBe('2026-10-01');
    expect(localDate(new Date(Date.UTC(2026, 8, 30, 15, 59, 59, 999)))).toBe('2026-09-30');
    expect(dayInfo('2026-10-10').kind).toBe('make-up-workday');
    expect(deadline.deadline).toBe('2026-10-10T15:59:59.999Z');
  });
});
