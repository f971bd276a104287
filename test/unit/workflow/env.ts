/**
 * The environment a workflow Lambda sees, set before any handler module loads: observability reads
 * POWERTOOLS_* when it is imported, the repositories read TABLE_NAME and STATE_MACHINE_ARN on each call.
 * Test files import this module first, as a side-effect import.
 */
export const TABLE = 'company-opening-unit';
export const STATE_MACHINE_ARN = 'arn:aws:states:cn-north-1:123456789012:stateMachine:CompanyOpening';
/** What CDK gives the functions that start cases: new cases start through the live alias. */
export const LIVE_ALIAS_ARN = `${STATE_MACHINE_ARN}:live`;
/** What CloudFront would add to every API request (functions/api/origin-check.ts). */
export const ORIGIN_SECRET = 'unit-test-origin-secret';

Object.assign(process.env, {
  AWS_REGION: 'cn-north-1',
  TABLE_NAME: TABLE,
  STATE_MACHINE_ARN: LIVE_ALIAS_ARN,
  ORIGIN_SECRET,
  UPLOADS_BUCKET: 'company-opening-uploads-unit',
  QUARANTINE_BUCKET: 'company-opening-quarantine-unit',
  DOCUMENTS_BUCKET: 'company-opening-documents-unit',
  CASE_EVENT_BUS_NAME: 'company-opening-cases',
  POWERTOOLS_SERVICE_NAME: 'company-opening',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'false',
});
delete process.env.POWERTOOLS_DEV;
delete process.env.INSTANT_APPROVAL;
