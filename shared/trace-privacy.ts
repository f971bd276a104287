import type { TracerOptions } from '@aws-lambda-powertools/tracer/types';

/**
 * Traces carry ids and timings, never personal data. Powertools stores a handler's response and its
 * errors in X-Ray by default: a case's response holds resident ID numbers, mobiles and addresses, and a
 * refusal can quote what was sent. These are Powertools' own switches for both, which CDK sets in every
 * function's environment (infra/house-function.ts) so the deployed template shows them.
 */
export const TRACE_PRIVACY_ENVIRONMENT = {
  POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
  POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
} as const;

type TracerConfigService = NonNullable<TracerOptions['customConfigService']>;

/**
 * The same two switches fixed in code, where no environment can turn them back on: the Tracer takes no
 * captureError option, only a config service. The Tracer asks it for five settings; an empty answer
 * leaves that one to the environment. The rest of the interface is never asked by the Tracer.
 */
export const TRACE_PRIVACY_CONFIG: TracerConfigService = {
  getTracingCaptureResponse: () => TRACE_PRIVACY_ENVIRONMENT.POWERTOOLS_TRACER_CAPTURE_RESPONSE,
  getTracingCaptureError: () => TRACE_PRIVACY_ENVIRONMENT.POWERTOOLS_TRACER_CAPTURE_ERROR,
  getCaptureHTTPsRequests: () => '',
  getTracingEnabled: () => '',
  getServiceName: () => '',
  getAwsExecutionEnv: () => '',
  getSamLocal: () => '',
  get: () => '',
  getXrayTraceId: () => undefined,
  getXrayTraceSampled: () => false,
  isDevMode: () => false,
  isValueTrue: (value) => value.toLowerCase() === 'true',
};
