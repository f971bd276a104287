/**
 * How long the browser waits between asking whether an upload has been checked: soon at first (a small
 * file is scanned in well under a second), then less often, and no longer than a minute in all. These are
 * the platform's own choices, not a rule.
 */
export const POLL_SCHEDULE = { firstMs: 250, longestMs: 2000, giveUpAfterMs: 60_000 } as const;

/** The waits before each status request: doubling from the first to the longest, summing to the give-up time. */
export function pollDelays(schedule: typeof POLL_SCHEDULE = POLL_SCHEDULE): number[] {
  const delays: number[] = [];
  let waited = 0;
  let next: number = schedule.firstMs;
  while (waited + next <= schedule.giveUpAfterMs) {
    delays.push(next);
    waited += next;
    next = Math.min(next * 2, schedule.longestMs);
  }
  return delays;
}
