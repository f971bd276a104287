import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';

import { METRICS_NAMESPACE, SERVICE_NAME } from './config';
import { TRACE_PRIVACY_CONFIG } from './trace-privacy';

/** Logger, metrics and tracer for every handler, configured once (POWERTOOLS_* variables override). */
const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? SERVICE_NAME;

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
/**
 * Outgoing HTTP calls (DynamoDB, Step Functions) stay traced: their subsegments hold the method, the host,
 * the path without its query, the status and the timing, never a body.
 */
export const tracer = new Tracer({
  serviceName,
  enabled: process.env.POWERTOOLS_TRACE_ENABLED !== 'false',
  captureHTTPsRequests: true,
  customConfigService: TRACE_PRIVACY_CONFIG,
});

/** Every handler's trace: its timing, cold start and service, and an error flag, but not what it returned. */
export function traceInvocation() {
  return captureLambdaHandler(tracer, { captureResponse: false });
}

export { MetricUnit };

/**
 * Emits one metric with its own dimensions at once. Handlers that run side by side in one process
 * (the local runtime) must not share a buffer of dimensioned metrics, so each one travels alone.
 */
export function emitMetric(
  name: string,
  value: number,
  unit: (typeof MetricUnit)[keyof typeof MetricUnit] = MetricUnit.Count,
  dimensions: Record<string, string> = {},
): void {
  const single = metrics.singleMetric();
  if (Object.keys(dimensions).length > 0) single.addDimensions(dimensions);
  single.addMetric(name, unit, value);
}
