import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { type Caller, callerFromClaims } from '../../shared/api/caller';
import { now } from '../../shared/clock';
import { InvalidCursor } from '../../shared/data/errors';
import { isPublic, type Route } from '../../shared/entry-points/routes';
import { AppError, toFieldErrors, unauthorized, validationFailed } from '../../shared/errors';
import { emitMetric, logger, traceInvocation } from '../../shared/observability';
import { SERVICE_BUSY_METRIC } from '../../shared/ops/alarms';
import { bodyLimits } from './body-limits';
import { isOverload, isRejectedValue, serviceBusy, valueRejected } from './dependency-errors';
import { fromOrigin } from './origin-check';

export interface HttpRequest<Body, Query, Params, Headers> {
  caller: Caller;
  body: Body;
  /** The body as it arrived, before checking and trimming: what an idempotency key is compared on. */
  rawBody: unknown;
  query: Query;
  params: Params;
  headers: Headers;
  now: Date;
}

export interface HttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

const JSON_CONTENT = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
const BODY_PARSER = '@middy/http-json-body-parser';
/** The media types @middy/http-json-body-parser takes as JSON. */
const JSON_MEDIA_TYPE = /^application\/(.+\+)?json($|;.+)/;

/** What the JSON body parser refused, told apart by the error's cause and the request's content type. */
function bodyParserError(error: Error & { cause?: unknown }, event: Event): AppError | undefined {
  if ((error.cause as { package?: string } | undefined)?.package !== BODY_PARSER) return undefined;
  return JSON_MEDIA_TYPE.test(event.headers?.['content-type'] ?? '')
    ? new AppError(400, 'MalformedJson', 'The request body is not valid JSON', '请求体不是有效的 JSON')
    : new AppError(
        415,
        'UnsupportedMediaType',
        'Send the body as application/json',
        '请以 application/json 格式发送请求体',
      );
}

/** What a dependency's failure means to the client: overload is 503, a value DynamoDB refused is 400. */
function dependencyError(error: Error): AppError | undefined {
  if (isOverload(error)) {
    logger.warn('A dependency is busy', { error: error.name });
    emitMetric(SERVICE_BUSY_METRIC, 1);
    return serviceBusy();
  }
  if (isRejectedValue(error)) {
    logger.warn('DynamoDB refused a value of the request', { error });
    return valueRejected();
  }
  return undefined;
}

/**
 * Turns every failure into the one error shape; a client's mistake never becomes a 500, nor does an
 * overloaded dependency, so a 500 means a defect (the Api5xx alarm).
 */
function errorShape(): middy.MiddlewareObj<Event, APIGatewayProxyResultV2> {
  return {
    onError: async (request) => {
      const error = request.error as Error;
      let shaped =
        error instanceof AppError ? error : (bodyParserError(error, request.event) ?? dependencyError(error));
      if (!shaped) {
        logger.error('Unhandled error', { error });
        shaped = new AppError(
          500,
          'InternalError',
          'Something went wrong on our side',
          '服务器内部错误，请稍后重试',
        );
      }
      request.response = {
        statusCode: shaped.status,
        headers: { ...JSON_CONTENT, ...shaped.headers },
        body: JSON.stringify(shaped.toBody()),
      };
    },
  };
}

/** The data layer's own refusals, as the client's mistakes they are. */
function asClientError(error: unknown): unknown {
  if (error instanceof InvalidCursor) {
    return validationFailed([
      { path: 'cursor', message: 'This cursor is not one the API handed out', message_zh: '分页游标无效' },
    ]);
  }
  return error;
}

/** Checks every part of the request its route declares, and reports every problem at once. */
function parseRequest(route: Route, event: Event) {
  const parts = {
    params: [route.request.params, event.pathParameters ?? {}],
    query: [route.request.query, event.queryStringParameters ?? {}],
    headers: [route.request.headers, event.headers ?? {}],
    body: [route.request.body, event.body],
  } as const;
  const parsed: Record<string, unknown> = {};
  const fields = [];
  for (const [part, [schema, input]] of Object.entries(parts)) {
    if (!schema) continue;
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) parsed[part] = result.data;
    else fields.push(...toFieldErrors(result.error));
  }
  if (fields.length > 0) throw validationFailed(fields);
  return parsed;
}

/**
 * An API route's handler, from its declaration (shared/entry-points/routes.ts): headers normalised,
 * only requests that came through CloudFront, the body's size and nesting capped, the JSON body parsed,
 * the caller taken from the verified JWT claims, path, query, headers and body checked with the route's
 * zod schemas (every field problem at once), security headers on every answer, and the one error shape
 * for every failure.
 */
export function httpHandler<
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  H extends z.ZodType | undefined,
>(
  route: Route & { request: { body?: B; query?: Q; params?: P; headers?: H } },
  handle: (request: HttpRequest<Parsed<B>, Parsed<Q>, Parsed<P>, Parsed<H>>) => Promise<HttpResult>,
) {
  const chain = middy<Event, APIGatewayProxyResultV2>()
    .use(traceInvocation())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpSecurityHeaders())
    .use(errorShape())
    .use(httpHeaderNormalizer())
    .use(fromOrigin())
    .use(bodyLimits({ readsBody: route.request.body !== undefined }));
  if (route.request.body) chain.use(httpJsonBodyParser());
  return chain.handler(async (event) => {
    const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
    if (!isPublic(route) && !caller) throw unauthorized();
    const parsed = parseRequest(route, event);
    const result = await handle({
      caller: caller as Caller,
      body: parsed.body as Parsed<B>,
      rawBody: event.body,
      query: parsed.query as Parsed<Q>,
      params: parsed.params as Parsed<P>,
      headers: parsed.headers as Parsed<H>,
      now: now(),
    }).catch((error: unknown) => {
      throw asClientError(error);
    });
    if (result.body === undefined)
      return {
        statusCode: result.status,
        headers: { 'cache-control': 'no-store', ...result.headers },
        body: '',
      };
    return {
      statusCode: result.status,
      headers: { ...JSON_CONTENT, ...result.headers },
      body: JSON.stringify(result.body),
    };
  });
}
