import { keys } from '../data/table';
import { type Access, PUBLISHES_CASE_EVENTS } from './access';

/**
 * A Lambda function the table's stream runs, declared once: CDK maps it to the DynamoDB stream (new
 * images) with `filter` as its Lambda event filter; the local runtime's stand-in (local/table-stream.ts)
 * hands it the same records for the items the same filter lets through.
 */
export interface StreamFunction {
  name: string;
  handler: `functions/events/${string}.ts`;
  description: string;
  /** What a record left in its on-failure queue means for people, in its alarm's description. */
  deadLetterMeaning: string;
  /** A Lambda event filter pattern over one stream record (Lambda docs, "Event filtering", DynamoDB). */
  filter: Record<string, unknown>;
  access: Access;
}

export const STREAM_FUNCTIONS = {
  publishCaseEvents: {
    name: 'PublishCaseEvents',
    handler: 'functions/events/publish-case-events.ts',
    description:
      'Puts the events a case write recorded on the case bus: the outbox, read from the table stream',
    deadLetterMeaning: 'the sweep publishes their events within minutes; look at why the publisher failed',
    // Only writes that leave events waiting: a case item carries the outbox key exactly then.
    filter: { dynamodb: { NewImage: { outboxPk: { S: [keys.outbox()] } } } },
    access: PUBLISHES_CASE_EVENTS,
  },
} as const satisfies Record<string, StreamFunction>;
