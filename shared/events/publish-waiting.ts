import { cases } from '../data/cases';
import { keys } from '../data/table';

/** How long an event may wait for the writer that recorded it to publish it before the sweep does. */
export const PUBLISH_GRACE_MS = 60_000;
/** Cases one sweep takes on; the rest wait for the next minute. */
const CASES_PER_SWEEP = 100;

/**
 * The outbox's sweep: every case whose events have waited past the grace period (its writer crashed,
 * or EventBridge refused them for a while) publishes them now. Answers how many cases it found.
 */
export async function publishWaitingEvents(at: Date): Promise<number> {
  const before = keys.timeSorted(new Date(at.getTime() - PUBLISH_GRACE_MS).toISOString(), '');
  const waiting = await cases.withEventsWaitingSince(before, CASES_PER_SWEEP);
  for (const id of waiting) await cases.change(id, (record) => record);
  return waiting.length;
}
