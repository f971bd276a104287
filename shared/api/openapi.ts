import * as z from 'zod';
import { ROUTE_LIST, type Route, statusesOf } from '../entry-points/routes';
import { applicationFormSchema } from '../form';
import { GROUPS } from './caller';
import {
  caseSummarySchema,
  caseViewSchema,
  decisionResultSchema,
  formViewSchema,
  healthSchema,
  itemViewSchema,
  openApiSchema,
  slaReportSchema,
  taskDetailSchema,
  taskViewSchema,
} from './responses';

export const errorSchema = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        message_zh: z.string(),
        fields: z.array(z.object({ path: z.string(), message: z.string(), message_zh: z.string() })),
      })
      .describe('Every field problem at once, in English and Chinese'),
  })
  .describe('The one error shape')
  .meta({
    examples: [
      {
        error: {
          code: 'ValidationFailed',
          message: 'The request has invalid fields',
          message_zh: '请求中有字段不符合要求',
          fields: [
            {
              path: 'contact.mobile',
              message: 'Enter a mainland mobile number of 11 digits',
              message_zh: '请输入11位中国大陆手机号码',
            },
          ],
        },
      },
    ],
  });

/** The schemas responses share, by the name the document gives them under components.schemas. */
const NAMED_RESPONSES: [z.ZodType, string][] = [
  [errorSchema, 'Error'],
  [applicationFormSchema, 'Application'],
  [formViewSchema, 'ApplicationView'],
  [itemViewSchema, 'Item'],
  [caseSummarySchema, 'CaseSummary'],
  [caseViewSchema, 'Case'],
  [taskViewSchema, 'Task'],
  [taskDetailSchema, 'TaskDetail'],
  [decisionResultSchema, 'DecisionResult'],
  [slaReportSchema, 'SlaReport'],
  [healthSchema, 'Health'],
  [openApiSchema, 'OpenApiDocument'],
];

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request has invalid fields: every problem at once, each at its path',
  401: 'No valid bearer token',
  403: 'Your role may not do this',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the state of the case or task',
  413: 'The request body exceeds 1 MiB',
  415: 'The body is not sent as application/json',
  429: 'A per-caller limit is reached (open cases, submissions a day): retry after Retry-After seconds',
  503: 'A service the platform depends on is busy or unavailable: retry after Retry-After seconds',
};

/** The headers an error answer carries, by status. */
const ERROR_HEADERS: Record<number, Record<string, { description: string }>> = {
  401: {
    'WWW-Authenticate': { description: 'Bearer: sign in and send the token as Authorization: Bearer <JWT>' },
  },
  429: { 'Retry-After': { description: 'Seconds until the limit lets the request through' } },
  503: { 'Retry-After': { description: 'Seconds to wait before trying again' } },
};

const isTrim = (check: unknown): boolean => {
  const def = (check as { _zod?: { def?: { check?: string; tx?: (value: string) => string } } })._zod?.def;
  return def?.check === 'overwrite' && def.tx?.(' x ') === 'x';
};

/**
 * The server trims what it checks: a pattern holds for the trimmed value, so the document lets the
 * white space around it through, as the server does.
 */
const trimmingRules: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = (context) => {
  const pattern = context.jsonSchema.pattern;
  const checks = (context.zodSchema as unknown as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks;
  if (typeof pattern === 'string' && checks?.some(isTrim)) {
    context.jsonSchema.pattern = `^\\s*(?:${pattern.replace(/^\^/, '').replace(/\$$/, '')})\\s*$`;
  }
};

const inputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: trimmingRules,
  });

/** Response schemas as components, each shared one referenced by its name. */
function responseComponents(routes: readonly Route[]) {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of NAMED_RESPONSES) registry.add(schema, { id });
  for (const route of routes) {
    const { body } = route.response;
    if (body && !registry.has(body)) registry.add(body, { id: `${route.name}Response` });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const refOf = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${registry.get(schema)?.id}` });
  return { schemas, refOf };
}

/** `idempotency-key` → `Idempotency-Key`: headers are matched case-insensitively, shown as written. */
const headerName = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

function parametersOf(route: Route) {
  const fields = (schema: z.ZodType | undefined) =>
    schema instanceof z.ZodObject ? Object.entries(schema.shape as Record<string, z.ZodType>) : [];
  const parameter = (place: 'path' | 'query' | 'header', name: string, schema: z.ZodType) => {
    const json = inputSchema(schema);
    const { description, ...rest } = json;
    return {
      name: place === 'header' ? headerName(name) : name,
      in: place,
      required: place === 'path' || !schema.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  };
  return [
    ...fields(route.request.params).map(([name, schema]) => parameter('path', name, schema)),
    ...fields(route.request.query).map(([name, schema]) => parameter('query', name, schema)),
    ...fields(route.request.headers).map(([name, schema]) => parameter('header', name, schema)),
  ];
}

function callersText(route: Route): string {
  if (route.callers === 'anyone') return 'Anyone may call it, without signing in.';
  const groups = route.callers.map((role) => (role === 'officers' ? 'officers-<department>' : GROUPS[role]));
  return `Who may call it: ${groups.join(', ')}.`;
}

function operationOf(route: Route, refOf: (schema: z.ZodType) => { $ref: string }) {
  const errorContent = { 'application/json': { schema: refOf(errorSchema) } };
  const responses: Record<string, unknown> = {};
  for (const status of statusesOf(route)) {
    if (status === route.response.status) {
      responses[status] = {
        description: route.summary,
        ...(route.response.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(route.response.headers).map(([name, header]) => [
                  name,
                  { description: header.description, required: header.required, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(route.response.body
          ? { content: { 'application/json': { schema: refOf(route.response.body) } } }
          : {}),
      };
    } else {
      responses[status] = {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        ...(ERROR_HEADERS[status]
          ? {
              headers: Object.fromEntries(
                Object.entries(ERROR_HEADERS[status]).map(([name, { description }]) => [
                  name,
                  { description, required: true, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        content: errorContent,
      };
    }
  }
  const body = route.request.body;
  return {
    operationId: route.name,
    summary: route.summary,
    description: callersText(route),
    tags: [route.tag],
    ...(route.callers === 'anyone' ? { security: [] } : {}),
    parameters: parametersOf(route),
    ...(body
      ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(body) } } } }
      : {}),
    responses,
  };
}

const TAGS = [
  { name: 'Applications', description: 'Founders and agents file one form and follow the case' },
  { name: 'Tasks', description: "Each department's inbox and its officers' decisions" },
  { name: 'Ops', description: 'SLA, the reform’s KPIs and alarms' },
  { name: 'Platform', description: 'Liveness and this document' },
];

/** The API as OpenAPI 3.1, generated from the route declarations and their zod schemas. */
export function openApiDocument() {
  const { schemas, refOf } = responseComponents(ROUTE_LIST);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTE_LIST) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route, refOf) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'One-stop company opening API',
      version: '1.0.0',
      description:
        'Registration, invoice and seal as one case under a 3-working-day SLA. Errors answer one shape, ' +
        'every field problem at once in English and Chinese.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: TAGS,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas,
    },
    paths,
  };
}
