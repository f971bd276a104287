import type * as z from 'zod';
import {
  createUploadRequestSchema,
  documentListSchema,
  documentParamsSchema,
  fileRedirectHeaders,
  materialParamsSchema,
  uploadCreatedSchema,
  uploadParamsSchema,
  uploadStatusSchema,
  usccParamsSchema,
  verificationSchema,
} from '../api/files';
import {
  applicationIdParamsSchema,
  bundleParamsSchema,
  checklistQuerySchema,
  correctionRequestSchema,
  decisionRequestSchema,
  departmentParamsSchema,
  listQuerySchema,
  submitHeadersSchema,
  taskIdParamsSchema,
  taskListQuerySchema,
} from '../api/requests';
import {
  caseSummarySchema,
  caseViewSchema,
  catalogueViewSchema,
  checklistSchema,
  decisionResultSchema,
  healthSchema,
  openApiSchema,
  pageOf,
  slaReportSchema,
  taskDetailSchema,
  taskViewSchema,
} from '../api/responses';
import { applicationFormSchema } from '../form';
import {
  type Access,
  CLOSED_CASE_PARTITIONS,
  FILES_MATERIALS,
  permissionsOf,
  READS_ITEMS,
  SUBMISSION_COUNTERS,
  WRITES_ITEMS,
} from './access';

/** Who may call a route: founders, help-desk agents, officers of any department, ops. */
export type CallerRole = 'applicants' | 'agents' | 'officers' | 'ops';

export interface ResponseHeader {
  description: string;
  /** Sent on every success answer, or only sometimes. */
  required: boolean;
}

export interface RouteRequest<B, Q, P, H> {
  body?: B;
  query?: Q;
  params?: P;
  headers?: H;
}

/**
 * One HTTP route, declared once: the local server dispatches to its handler, CDK makes its API Gateway
 * route, its Lambda function and the function's IAM policy, and the OpenAPI document describes it.
 * The handler module (`handler`) wraps one domain call in `httpHandler(ROUTES.<name>, …)`, which checks
 * the request against the schemas below.
 */
export interface Route<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  H extends z.ZodType = z.ZodType,
> {
  name: string;
  method: 'GET' | 'POST';
  path: `/api/${string}`;
  handler: `functions/api/${string}.ts`;
  summary: string;
  tag: 'Applications' | 'Files' | 'Tasks' | 'Ops' | 'Platform';
  /** Who gets past authorization; the handler decides object by object (404 for what one may not see). */
  callers: readonly CallerRole[] | 'anyone';
  request: RouteRequest<B, Q, P, H>;
  /** 302: a redirect to a presigned URL of a file, with no body. */
  response: {
    status: 200 | 201 | 302;
    body?: z.ZodType;
    headers?: Readonly<Record<string, ResponseHeader>>;
  };
  /**
   * The refusals its handler answers (429: a per-caller limit, with Retry-After). The edge adds the rest: 400 when anything is checked, 401 when
   * signed in, 403 off the site (functions/api/origin-check.ts), 413 for a body over 1 MiB (whatever the method), 415 when a body is expected, 503 when
   * it calls AWS (throttled or unavailable after the SDK's retries).
   */
  refusals: readonly (403 | 404 | 409 | 429)[];
  access: Access;
  /** Requests per second, and the burst above it, API Gateway takes on this route for everyone; the stage's otherwise. */
  throttle?: { rateLimit: number; burstLimit: number };
}

const route = <B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, H extends z.ZodType>(
  declaration: Route<B, Q, P, H>,
) => declaration;

export const ROUTES = {
  submitApplication: route({
    name: 'SubmitApplication',
    method: 'POST',
    path: '/api/applications',
    handler: 'functions/api/submit-application.ts',
    summary: 'Submit the one form',
    tag: 'Applications',
    callers: ['applicants', 'agents'],
    request: { body: applicationFormSchema, headers: submitHeadersSchema },
    response: {
      status: 201,
      body: caseViewSchema,
      headers: {
        Location: { description: 'The new case: /api/applications/{id}', required: true },
        'Idempotent-Replayed': {
          description: '"true" when the same Idempotency-Key and body found the case made before',
          required: false,
        },
      },
    },
    refusals: [403, 409, 429],
    access: {
      table: { ...WRITES_ITEMS, counters: SUBMISSION_COUNTERS },
      stateMachine: ['states:StartExecution'],
      storage: FILES_MATERIALS,
    },
  }),
  listApplications: route({
    name: 'ListApplications',
    method: 'GET',
    path: '/api/applications',
    handler: 'functions/api/list-applications.ts',
    summary: "The caller's cases, newest first",
    tag: 'Applications',
    callers: ['applicants', 'agents'],
    request: { query: listQuerySchema },
    response: { status: 200, body: pageOf(caseSummarySchema) },
    refusals: [403],
    access: { table: { indexes: ['byOwner', 'byAgent'] } },
  }),
  getApplication: route({
    name: 'GetApplication',
    method: 'GET',
    path: '/api/applications/{id}',
    handler: 'functions/api/get-application.ts',
    summary: 'One case with its SLA, items and timeline',
    tag: 'Applications',
    callers: ['applicants', 'agents', 'officers', 'ops'],
    request: { params: applicationIdParamsSchema },
    response: { status: 200, body: caseViewSchema },
    refusals: [404],
    access: { table: READS_ITEMS },
  }),
  answerCorrections: route({
    name: 'AnswerCorrections',
    method: 'POST',
    path: '/api/applications/{id}/corrections',
    handler: 'functions/api/answer-corrections.ts',
    summary: 'Answer the open correction requests',
    tag: 'Applications',
    callers: ['applicants', 'agents'],
    request: { params: applicationIdParamsSchema, body: correctionRequestSchema },
    response: { status: 200, body: caseViewSchema },
    refusals: [403, 404, 409],
    access: { table: WRITES_ITEMS, stateMachine: ['states:SendTaskSuccess'], storage: FILES_MATERIALS },
  }),
  createUpload: route({
    name: 'CreateUpload',
    method: 'POST',
    path: '/api/uploads',
    handler: 'functions/api/create-upload.ts',
    summary: 'A slot to upload one file to storage',
    tag: 'Files',
    callers: ['applicants', 'agents'],
    request: { body: createUploadRequestSchema },
    response: {
      status: 201,
      body: uploadCreatedSchema,
      headers: { Location: { description: 'The upload: /api/uploads/{id}', required: true } },
    },
    refusals: [403],
    // The presigned POST acts as this function: it holds the PutObject the browser's upload needs.
    access: {
      table: WRITES_ITEMS,
      storage: [{ bucket: 'uploads', actions: ['s3:PutObject'], keys: 'incoming/*' }],
    },
  }),
  getUpload: route({
    name: 'GetUpload',
    method: 'GET',
    path: '/api/uploads/{id}',
    handler: 'functions/api/get-upload.ts',
    summary: 'Whether an upload was checked clean',
    tag: 'Files',
    callers: ['applicants', 'agents'],
    request: { params: uploadParamsSchema },
    response: { status: 200, body: uploadStatusSchema },
    refusals: [404],
    access: { table: READS_ITEMS },
  }),
  getMaterial: route({
    name: 'GetMaterial',
    method: 'GET',
    path: '/api/applications/{id}/materials/{uploadId}',
    handler: 'functions/api/get-material.ts',
    summary: "One of a case's materials, for its founder, its agent and the officers whose item reads it",
    tag: 'Files',
    callers: ['applicants', 'agents', 'officers'],
    request: { params: materialParamsSchema },
    response: { status: 302, headers: fileRedirectHeaders },
    refusals: [404],
    // Each view is recorded on the case.
    access: {
      table: WRITES_ITEMS,
      storage: [{ bucket: 'uploads', actions: ['s3:GetObject'], keys: 'cases/*' }],
    },
  }),
  listDocuments: route({
    name: 'ListDocuments',
    method: 'GET',
    path: '/api/applications/{id}/documents',
    handler: 'functions/api/list-documents.ts',
    summary: 'The documents a case was issued: the e-licence and the certificates',
    tag: 'Files',
    callers: ['applicants', 'agents', 'officers', 'ops'],
    request: { params: applicationIdParamsSchema },
    response: { status: 200, body: documentListSchema },
    refusals: [404],
    access: { table: READS_ITEMS },
  }),
  getDocument: route({
    name: 'GetDocument',
    method: 'GET',
    path: '/api/applications/{id}/documents/{documentId}',
    handler: 'functions/api/get-document.ts',
    summary: 'One issued document, as a PDF',
    tag: 'Files',
    callers: ['applicants', 'agents', 'officers'],
    request: { params: documentParamsSchema },
    response: { status: 302, headers: fileRedirectHeaders },
    refusals: [404],
    access: {
      table: WRITES_ITEMS,
      storage: [{ bucket: 'documents', actions: ['s3:GetObject'], keys: 'cases/*' }],
    },
  }),
  verifyCompany: route({
    name: 'VerifyCompany',
    method: 'GET',
    path: '/api/verify/{uscc}',
    handler: 'functions/api/verify-company.ts',
    summary: "Anyone may check a company's e-licence: its name, status and registration, nothing personal",
    tag: 'Platform',
    callers: 'anyone',
    request: { params: usccParamsSchema },
    response: { status: 200, body: verificationSchema },
    refusals: [404, 429],
    access: { table: READS_ITEMS },
    // The platform's choice: a QR code is scanned now and then, so a tenth of the stage's rate is ample
    // and keeps a scraper of company numbers from using up the capacity the signed-in routes share.
    throttle: { rateLimit: 10, burstLimit: 20 },
  }),
  listDepartmentTasks: route({
    name: 'ListDepartmentTasks',
    method: 'GET',
    path: '/api/departments/{department}/tasks',
    handler: 'functions/api/list-tasks.ts',
    summary: "A department's inbox by SLA deadline",
    tag: 'Tasks',
    callers: ['officers'],
    request: { params: departmentParamsSchema, query: taskListQuerySchema },
    response: { status: 200, body: pageOf(taskViewSchema) },
    refusals: [403, 404],
    access: { table: { indexes: ['byDepartment'] } },
  }),
  getTask: route({
    name: 'GetTask',
    method: 'GET',
    path: '/api/tasks/{taskId}',
    handler: 'functions/api/get-task.ts',
    summary: 'A task with the application data it needs',
    tag: 'Tasks',
    callers: ['officers'],
    request: { params: taskIdParamsSchema },
    response: { status: 200, body: taskDetailSchema },
    refusals: [404],
    access: { table: READS_ITEMS },
  }),
  decideTask: route({
    name: 'DecideTask',
    method: 'POST',
    path: '/api/tasks/{taskId}/decision',
    handler: 'functions/api/decide-task.ts',
    summary: "An officer's decision",
    tag: 'Tasks',
    callers: ['officers'],
    request: { params: taskIdParamsSchema, body: decisionRequestSchema },
    response: { status: 200, body: decisionResultSchema },
    refusals: [404, 409],
    access: { table: WRITES_ITEMS, stateMachine: ['states:SendTaskSuccess'] },
  }),
  opsSla: route({
    name: 'OpsSla',
    method: 'GET',
    path: '/api/ops/sla',
    handler: 'functions/api/ops-sla.ts',
    summary:
      'Open cases by SLA state, the at-risk, breached and failed ones, the KPIs of the last 30 days, alarm states',
    tag: 'Ops',
    callers: ['ops'],
    request: {},
    response: { status: 200, body: slaReportSchema },
    refusals: [403],
    access: {
      table: { indexes: ['bySla'], partitions: CLOSED_CASE_PARTITIONS },
      alarms: ['cloudwatch:DescribeAlarms'],
    },
  }),
  getCatalogue: route({
    name: 'GetCatalogue',
    method: 'GET',
    path: '/api/catalogue',
    handler: 'functions/api/get-catalogue.ts',
    summary: 'The item catalogue: departments, items, bundles',
    tag: 'Platform',
    callers: 'anyone',
    request: {},
    response: { status: 200, body: catalogueViewSchema },
    refusals: [],
    access: {},
  }),
  getChecklist: route({
    name: 'GetChecklist',
    method: 'GET',
    path: '/api/catalogue/bundles/{id}/checklist',
    handler: 'functions/api/get-checklist.ts',
    summary: "A bundle's materials for the answers given",
    tag: 'Platform',
    callers: 'anyone',
    request: { params: bundleParamsSchema, query: checklistQuerySchema },
    response: { status: 200, body: checklistSchema },
    refusals: [404],
    access: {},
  }),
  health: route({
    name: 'Health',
    method: 'GET',
    path: '/api/health',
    handler: 'functions/api/health.ts',
    summary: 'Liveness',
    tag: 'Platform',
    callers: 'anyone',
    request: {},
    response: { status: 200, body: healthSchema },
    refusals: [],
    access: {},
  }),
  openApi: route({
    name: 'OpenApi',
    method: 'GET',
    path: '/api/openapi.json',
    handler: 'functions/api/openapi.ts',
    summary: 'This API as OpenAPI 3.1',
    tag: 'Platform',
    callers: 'anyone',
    request: {},
    response: { status: 200, body: openApiSchema },
    refusals: [],
    access: {},
  }),
} as const;

export const ROUTE_LIST: readonly Route[] = Object.values(ROUTES);

export const isPublic = (route: Route) => route.callers === 'anyone';

/** A route that pages hands out and takes back signed cursors: its function holds the cursor secret. */
export const takesCursor = (route: Route): boolean => {
  const shape = (route.request.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape !== undefined && 'cursor' in shape;
};

/** A route whose function calls AWS, and so may find it throttled or unavailable. */
export const callsAws = (route: Route): boolean => permissionsOf(route.access).length > 0;

/** Every status a route answers, success first: what the OpenAPI document lists for it. */
export function statusesOf(route: Route): number[] {
  const { body, query, params, headers } = route.request;
  const checks = body !== undefined || query !== undefined || params !== undefined || headers !== undefined;
  const statuses = new Set<number>([route.response.status]);
  if (checks) statuses.add(400);
  if (!isPublic(route)) statuses.add(401);
  // Off the site (the API Gateway endpoint called directly), every route answers 403.
  statuses.add(403);
  for (const status of route.refusals) statuses.add(status);
  statuses.add(413);
  if (body !== undefined) statuses.add(415);
  if (callsAws(route)) statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}
