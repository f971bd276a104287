import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ENVIRONMENT } from '../config';
import { CASE_EVENT_SOURCE, CASE_EVENT_TYPES, type CaseEvent } from './case-events';

/** EventBridge, at module scope; locally AWS_ENDPOINT_URL_EVENTBRIDGE points it at the runtime's bus. */
export const eventBridge = new EventBridgeClient({});

/** PutEvents takes at most 10 entries (EventBridge quotas). */
const ENTRIES_PER_CALL = 10;

export class CaseEventsNotPublished extends Error {
  override name = 'CaseEventsNotPublished';
}

function caseEventBusName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env[ENVIRONMENT.caseEventBus];
  if (!name) throw new Error(`${ENVIRONMENT.caseEventBus} is not set`);
  return name;
}

/** Puts the events on the case bus; throws unless EventBridge took every one. */
export async function putCaseEvents(events: readonly CaseEvent[]): Promise<void> {
  const bus = caseEventBusName();
  for (let start = 0; start < events.length; start += ENTRIES_PER_CALL) {
    const batch = events.slice(start, start + ENTRIES_PER_CALL);
    const { FailedEntryCount = 0, Entries = [] } = await eventBridge.send(
      new PutEventsCommand({
        Entries: batch.map((event) => ({
          EventBusName: bus,
          Source: CASE_EVENT_SOURCE,
          DetailType: CASE_EVENT_TYPES[event.type],
          Detail: JSON.stringify(event),
          Time: new Date(event.occurredAt),
        })),
      }),
    );
    if (FailedEntryCount > 0) {
      const failed = Entries.find((entry) => entry.ErrorCode);
      throw new CaseEventsNotPublished(
        `${FailedEntryCount} of ${batch.length} case events were refused: ${failed?.ErrorCode} ${failed?.ErrorMessage}`,
      );
    }
  }
}
