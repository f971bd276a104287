import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { caseIdOfKey } from '../../shared/data/table';
import { publishCaseEvents } from '../../shared/events/publish';
import { logger, traceInvocation } from '../../shared/observability';
import { UnexpectedEvent } from './event-handler';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function publishOf(record: DynamoDBRecord): Promise<void> {
  const caseId = caseIdOfKey(record.dynamodb?.Keys?.pk?.S);
  if (!caseId) throw new UnexpectedEvent(`A stream record that is not a case: ${record.eventID}`);
  await publishCaseEvents(caseId);
}

/**
 * The table stream's records of case writes that left events waiting (the declared filter): each case's
 * events go to the bus. One record after another: several records of one case in a batch would
 * otherwise publish its events in parallel, each time. A record that fails is reported, so Lambda
 * retries from it.
 */
export const handler = middy((event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, publishOf, processor, { context, processInParallel: false }),
)
  .use(traceInvocation())
  .use(injectLambdaContext(logger, { resetKeys: true }));
