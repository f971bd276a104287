/**
 * The names the deployment and the code agree on, declared once and free of side effects: CDK (infra/),
 * the local runtime (local/), the benchmarks (bench/) and the handlers import them without constructing
 * a logger, a metrics buffer or an AWS client.
 */

/** Powertools names every log line and adds this `service` dimension to every metric. */
export const SERVICE_NAME = 'company-opening';

/** The CloudWatch namespace of the platform's own metrics. */
export const METRICS_NAMESPACE = 'CompanyOpening';

/** The Step Functions state machine that runs one case. */
export const STATE_MACHINE_NAME = 'CompanyOpening';

/** The single DynamoDB table, as the local runtime names it (CDK lets CloudFormation name it). */
export const LOCAL_TABLE_NAME = 'company-opening';

/** Environment variables the handlers read, set by CDK on each function and by the local runtime. */
export const ENVIRONMENT = {
  tableName: 'TABLE_NAME',
  stateMachineArn: 'STATE_MACHINE_ARN',
  /** Signs list cursors (shared/data/pages.ts); set on the functions whose route takes a `cursor`. */
  cursorSecret: 'CURSOR_SECRET',
  /** What CloudFront sends in ORIGIN_HEADER, so API functions answer only what came through it. */
  originSecret: 'ORIGIN_SECRET',
  /** The site's address: the e-licence's QR code opens its verification page (`<url>/verify/<uscc>`). */
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /** "true" where S3 is an S3-compatible endpoint (AWS_ENDPOINT_URL_S3) serving buckets as paths. */
  s3PathStyle: 'S3_FORCE_PATH_STYLE',
  /** The event bus the case events go to (shared/events/); set on the functions that put them. */
  caseEventBus: 'CASE_EVENT_BUS_NAME',
} as const;

/** The EventBridge bus of the case events (docs/events.md), named so that any stack can form its ARN. */
export const CASE_EVENT_BUS_NAME = 'company-opening-cases';

/** The header CloudFront adds to every request it forwards to the API (functions/api/origin-check.ts). */
export const ORIGIN_HEADER = 'x-origin-verify';

/** The public verification route's path prefix (shared/entry-points/routes.ts, VerifyCompany). */
export const VERIFY_PATH_PREFIX = '/api/verify/';

/**
 * Requests one client IP may send to VERIFY_PATH_PREFIX in any 5 minutes (the WAF's rate-based rule,
 * infra/waf.ts; the local server enforces the same). The platform's choice: someone checking a
 * licence makes a handful of requests, while walking the company numbers takes thousands.
 */
export const VERIFY_RATE_LIMIT_PER_5_MINUTES = 100;

/** Per-caller limits on submissions, each overridable by its environment variable. */
export const SUBMISSION_LIMITS = {
  /** Cases a founder account may have open (submitted, in review, awaiting correction) at once. */
  openCasesPerFounder: { variable: 'MAX_OPEN_CASES_PER_FOUNDER', byDefault: 20 },
  /** Applications a founder may file themselves per Beijing day. */
  founderSubmissionsPerDay: { variable: 'MAX_FOUNDER_SUBMISSIONS_PER_DAY', byDefault: 50 },
  /** Applications a help-desk agent may file per Beijing day. */
  agentSubmissionsPerDay: { variable: 'MAX_AGENT_SUBMISSIONS_PER_DAY', byDefault: 200 },
} as const;

export type SubmissionLimit = keyof typeof SUBMISSION_LIMITS;

export function submissionLimit(limit: SubmissionLimit, env: NodeJS.ProcessEnv = process.env): number {
  const { variable, byDefault } = SUBMISSION_LIMITS[limit];
  const configured = Number(env[variable]);
  return Number.isInteger(configured) && configured > 0 ? configured : byDefault;
}
