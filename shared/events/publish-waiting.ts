import { cases } from '../data/cases';
import { keys } from '../data/table';
import { logger } from '../observability';
import { publishCaseEvents } from './publish';

/** How long an event may wait for the table stream's publisher before the sweep publishes it. */
export const PUBLISH_GRACE_MS = 60_000;
/** Cases one sweep takes on; the rest wait for the next minute. */
const CASES_PER_SWEEP = 100;

export class CaseEventsStillWaiting extends Error {
  override name = 'CaseEventsStillWaiting';
}

/**
 * The outbox's sweep: every case whose events have waited past the grace period (the stream's
 * publisher gave up on them, EventBridge refused them for a while) publishes them now. One case that
 * fails does not hold the others back; the sweep then fails, so the function's errors alarm. Answers
 * how many cases it found.
 */
export async function publishWaitingEvents(at: Date): Promise<number> {
  const before = keys.timeSorted(new Date(at.getTime() - PUBLISH_GRACE_MS).toISOString(), '');
  const waiting = await cases.withEventsWaitingSince(before, CASES_PER_SWEEP);
  const failed: string[] = [];
  for (const id of waiting) {
    try {
      await publishCaseEvents(id);
    } catch (error) {
      logger.error('Case events still waiting after the sweep', { caseId: id, error });
      failed.push(id);
    }
  }
  if (failed.length > 0)
    throw new CaseEventsStillWaiting(`${failed.length} of ${waiting.length} cases: ${failed.join(', ')}`);
  return waiting.length;
}
