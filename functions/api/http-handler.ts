import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { type Caller, callerFromClaims } from '../../shared/api/caller';
import { now } from '../../shared/clock';
import { AppError, parseOrThrow, unauthorized } from '../../shared/errors';
import { logger, tracer } from '../../shared/observability';

export interface HttpRequest<Body, Query, Params> {
  caller: Caller;
  body: Body;
  query: Query;
  params: Params;
  headers: Record<string, string | undefined>;
  now: Date;
}

export interface HttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface HttpSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  /** false only for routes anyone may call (health, the OpenAPI document). */
  authenticated?: boolean;
  body?: B;
  query?: Q;
  params?: P;
}

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

const JSON_CONTENT = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** Turns every failure into the one error shape; a client's mistake never becomes a 500. */
function errorShape(): middy.MiddlewareObj<Event, APIGatewayProxyResultV2> {
  return {
    onError: async (request) => {
      const error = request.error as (Error & { statusCode?: number; expose?: boolean }) | null;
      let shaped: AppError;
      if (error instanceof AppError) {
        shaped = error;
      } else if (error?.statusCode && error.statusCode < 500) {
        const malformed = /malformed/i.test(error.message);
        shaped = malformed
          ? new AppError(400, 'MalformedJson', 'The request body is not valid JSON', '请求体不是有效的 JSON')
          : new AppError(
              error.statusCode,
              error.statusCode === 415 ? 'UnsupportedMediaType' : 'BadRequest',
              error.statusCode === 415 ? 'Send the body as application/json' : error.message,
              error.statusCode === 415 ? '请以 application/json 格式发送请求体' : '请求无效',
            );
      } else {
        logger.error('Unhandled error', { error: error as Error });
        shaped = new AppError(
          500,
          'InternalError',
          'Something went wrong on our side',
          '服务器内部错误，请稍后重试',
        );
      }
      request.response = {
        statusCode: shaped.status,
        headers: { ...JSON_CONTENT },
        body: JSON.stringify(shaped.toBody()),
      };
    },
  };
}

/**
 * An API route: headers normalised, JSON body parsed, caller taken from the verified JWT claims,
 * body/query/path checked with zod (every field problem at once), security headers on every answer.
 */
export function httpHandler<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(
  spec: HttpSpec<B, Q, P>,
  handle: (request: HttpRequest<z.output<B>, z.output<Q>, z.output<P>>) => Promise<HttpResult>,
) {
  const authenticated = spec.authenticated ?? true;
  const chain = middy<Event, APIGatewayProxyResultV2>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpSecurityHeaders())
    .use(errorShape())
    .use(httpHeaderNormalizer());
  if (spec.body) chain.use(httpJsonBodyParser());
  return chain.handler(async (event) => {
    const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
    if (authenticated && !caller) throw unauthorized();
    const result = await handle({
      caller: caller as Caller,
      body: spec.body ? parseOrThrow(spec.body, event.body) : (undefined as z.output<B>),
      query: spec.query
        ? parseOrThrow(spec.query, event.queryStringParameters ?? {})
        : (undefined as z.output<Q>),
      params: spec.params
        ? parseOrThrow(spec.params, event.pathParameters ?? {})
        : (undefined as z.output<P>),
      headers: event.headers ?? {},
      now: now(),
    });
    return {
      statusCode: result.status,
      headers: { ...JSON_CONTENT, ...result.headers },
      body: JSON.stringify(result.body),
    };
  });
}
