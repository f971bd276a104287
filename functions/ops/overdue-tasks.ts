import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { DEPARTMENTS } from '../../shared/case/items';
import { now } from '../../shared/clock';
import { tasks } from '../../shared/data/tasks';
import { emitMetric, logger, MetricUnit } from '../../shared/observability';

/**
 * Every five minutes (EventBridge in AWS, the runtime clock locally): how many department tasks are
 * open past their SLA deadline, per department, for the OverdueTasks alarms.
 */
export const handler = middy(async () => {
  const at = now();
  const counts = await Promise.all(
    DEPARTMENTS.map(async (department) => [department, await tasks.countOverdue(department, at)] as const),
  );
  for (const [department, count] of counts)
    emitMetric('OverdueTasks', count, MetricUnit.Count, { department });
  return Object.fromEntries(counts);
}).use(injectLambdaContext(logger, { resetKeys: true }));
