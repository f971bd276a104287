import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { now } from '../../shared/clock';
import { publishWaitingEvents } from '../../shared/events/publish-waiting';
import { emitMetric, logger, MetricUnit } from '../../shared/observability';

/** Every minute (EventBridge in AWS, the runtime clock locally): publishes the case events left waiting. */
export const handler = middy(async () => {
  const swept = await publishWaitingEvents(now());
  emitMetric('CaseEventsSwept', swept, MetricUnit.Count);
  return { swept };
}).use(injectLambdaContext(logger, { resetKeys: true }));
