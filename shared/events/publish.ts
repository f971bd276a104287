import { markEventsPublished } from '../case/transitions';
import { cases } from '../data/cases';
import { emitMetric, MetricUnit } from '../observability';
import { putCaseEvents } from './event-bus';
import { unpublishedEvents } from './timeline-events';

/**
 * The transactional outbox's second half: a case's unpublished events go to the bus, then the case
 * records them as published. A crash in between publishes them again with the same ids, which
 * consumers keep once (EventBridge delivers at least once anyway). Answers how many it published.
 */
export async function publishCaseEvents(caseId: string): Promise<number> {
  const record = await cases.get(caseId);
  if (!record) return 0;
  const { upTo, events } = unpublishedEvents(record);
  if (events.length === 0) return 0;
  await putCaseEvents(events);
  await cases.change(caseId, (current) => markEventsPublished(current, upTo));
  emitMetric('CaseEventsPublished', events.length, MetricUnit.Count);
  return events.length;
}
