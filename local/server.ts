import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { MAX_BODY_BYTES, payloadTooLarge } from '../functions/api/body-limits';
import { ALL_GROUPS } from '../shared/api/caller';
import {
  ENVIRONMENT,
  ORIGIN_HEADER,
  VERIFY_PATH_PREFIX,
  VERIFY_RATE_LIMIT_PER_5_MINUTES,
} from '../shared/config';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { isPublic, ROUTE_LIST, type Route } from '../shared/entry-points/routes';
import { AppError, type ErrorBody, parseOrThrow, tooManyFromNetwork, unauthorized } from '../shared/errors';
import { loadHandler } from './handler-module';
import { asFunction } from './iam/enforcement';
import type { LocalTokens } from './jwt';
import { type LambdaHandler, lambdaContext } from './lambda-context';
import { assertLocalCaller } from './local-only';
import { RateLimit } from './rate-limit';
import type { LocalRuntime } from './runtime';

/**
 * The headers CloudFront sends with the app (infra/web.ts): the same policy, with the local S3 as the
 * storage origin; signing in locally needs no other origin.
 */
const webHeaders = (storageOrigin: string) => ({
  'content-security-policy': contentSecurityPolicy({ storageOrigins: [storageOrigin] }),
  'x-content-type-options': 'nosniff',
});
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const tokenRequestSchema = z
  .object({
    sub: z.string().trim().min(1).max(128),
    groups: z.array(z.enum(ALL_GROUPS as [string, ...string[]])).max(ALL_GROUPS.length),
  })
  .strict();

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const clockRequestSchema = z.union([
  z.object({ now: z.iso.datetime({ offset: true }) }).strict(),
  z
    .object({ advance: z.string().regex(ISO_DURATION, 'An ISO 8601 duration such as PT36H or P2DT4H') })
    .strict(),
]);

function durationMs(duration: string): number {
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = ISO_DURATION.exec(duration) ?? [];
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000;
}

interface MatchedRoute {
  route: Route;
  pathParameters: Record<string, string>;
}

/** The route a request names; `allowed` lists the methods of a path that exists for another method. */
function matchRoute(method: string, path: string): MatchedRoute | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const route of ROUTE_LIST) {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const match = pattern.exec(path);
    if (!match) continue;
    allowed.push(route.method);
    if (route.method !== method) continue;
    const values = match.slice(1).map((value) => {
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    });
    return {
      route,
      pathParameters: Object.fromEntries(names.map((name, index) => [name, values[index] ?? ''])),
    };
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

/** Claims as API Gateway's JWT authorizer hands them to Lambda: arrays flattened into "[a b]". */
function gatewayClaims(payload: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => [
      key,
      Array.isArray(value) ? `[${value.join(' ')}]` : (value as string | number | boolean),
    ]),
  );
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, error: AppError): void {
  send(response, error.status, error.toBody() satisfies ErrorBody, { ...error.headers });
}

/**
 * Reads the whole body before any answer is sent, also when the answer is an error: a server that
 * answers mid-upload closes the connection under a client still sending.
 */
async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) {
    throw payloadTooLarge();
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface LocalServerOptions {
  runtime: LocalRuntime;
  tokens: LocalTokens;
  port: number;
  host?: string;
  /** The built web app (web/dist); absent until it is built. */
  webDirectory?: string;
}

/**
 * The API Gateway and CloudFront of the local runtime: `/api/*` becomes API Gateway v2 events for the
 * same Lambda handler modules (JWTs checked here as the authorizer would), `/` serves the web app,
 * and `/api/local/*` adds what only a local runtime has: tokens for any role and a movable clock.
 */
export async function startLocalServer(
  options: LocalServerOptions,
): Promise<{ server: Server; url: string }> {
  const { runtime, tokens } = options;
  const WEB_HEADERS = webHeaders(runtime.s3Endpoint);
  // The WAF's rule on the public verification route (infra/waf.ts), per client address.
  const verifyLimit = new RateLimit(VERIFY_RATE_LIMIT_PER_5_MINUTES, 5 * 60_000);
  const handlers = new Map<string, LambdaHandler>();
  for (const route of ROUTE_LIST) {
    handlers.set(route.name, asFunction(route.name, await loadHandler(route.handler)));
  }

  const local = async (path: string, request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') {
      return sendError(
        response,
        new AppError(405, 'MethodNotAllowed', 'Use POST', '请使用 POST', [], { allow: 'POST' }),
      );
    }
    const body = await readBody(request);
    assertLocalCaller(request, (server.address() as AddressInfo).port);
    const parsed = parseJson(body);
    if (path === '/api/local/token') {
      const claims = parseOrThrow(tokenRequestSchema, parsed);
      return send(response, 200, { token: await tokens.issue(claims) });
    }
    if (path === '/api/local/clock') {
      const body = parseOrThrow(clockRequestSchema, parsed);
      const target = 'now' in body ? Date.parse(body.now) : runtime.clock.now() + durationMs(body.advance);
      await runtime.engine.setClock(target);
      return send(response, 200, { now: new Date(runtime.clock.now()).toISOString() });
    }
    return sendError(response, new AppError(404, 'NotFound', 'No such local route', '没有这个本地接口'));
  };

  const api = async (path: string, url: URL, request: IncomingMessage, response: ServerResponse) => {
    const matched = matchRoute(request.method ?? 'GET', path);
    if (!matched || 'allowed' in matched) await readBody(request);
    if (matched && 'allowed' in matched) {
      return sendError(
        response,
        new AppError(405, 'MethodNotAllowed', 'Method not allowed here', '此路径不支持该方法', [], {
          allow: matched.allowed.join(', '),
        }),
      );
    }
    if (!matched)
      return sendError(response, new AppError(404, 'NotFound', 'No such API route', '没有这个接口'));
    const body = await readBody(request);
    let claims: Record<string, string | number | boolean> | undefined;
    if (!isPublic(matched.route)) {
      const header = request.headers.authorization ?? '';
      const token = /^Bearer (\S+)$/i.exec(header)?.[1];
      const payload = token ? await tokens.verify(token) : undefined;
      if (!payload) return sendError(response, unauthorized());
      claims = gatewayClaims(payload as Record<string, unknown>);
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    // As CloudFront does: the origin secret, over whatever the client sent under that name.
    headers[ORIGIN_HEADER] = process.env[ENVIRONMENT.originSecret] ?? '';
    const now = runtime.clock.now();
    const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
      version: '2.0',
      routeKey: `${matched.route.method} ${matched.route.path}`,
      rawPath: path,
      rawQueryString: url.search.slice(1),
      headers,
      queryStringParameters: url.searchParams.size > 0 ? Object.fromEntries(url.searchParams) : undefined,
      pathParameters: Object.keys(matched.pathParameters).length > 0 ? matched.pathParameters : undefined,
      body: body.length > 0 ? body : undefined,
      isBase64Encoded: false,
      requestContext: {
        accountId: runtime.engine.accountId,
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method: matched.route.method,
          path,
          protocol: 'HTTP/1.1',
          sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId: randomUUID(),
        routeKey: `${matched.route.method} ${matched.route.path}`,
        stage: '$default',
        time: new Date(now).toUTCString(),
        timeEpoch: now,
        authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
      },
    };
    const handler = handlers.get(matched.route.name) as LambdaHandler;
    let result: APIGatewayProxyStructuredResultV2;
    try {
      result = (await handler(
        event,
        lambdaContext({ functionName: matched.route.name }),
      )) as APIGatewayProxyStructuredResultV2;
    } catch {
      runtime.metrics.record({ namespace: 'AWS/Lambda', name: 'Errors', value: 1, dimensions: {} });
      result = { statusCode: 502, body: JSON.stringify({ message: 'Internal Server Error' }) };
    }
    const status = result.statusCode ?? 200;
    if (status >= 500)
      runtime.metrics.record({
        namespace: 'AWS/ApiGateway',
        name: '5xx',
        value: 1,
        dimensions: { ApiId: 'local' },
      });
    const resultHeaders = Object.entries(result.headers ?? {}).filter(([, value]) => value !== undefined);
    response.writeHead(
      status,
      Object.fromEntries(resultHeaders.map(([name, value]) => [name, String(value)])),
    );
    response.end(result.body ?? '');
  };

  const web = async (path: string, response: ServerResponse) => {
    if (!options.webDirectory) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...WEB_HEADERS });
      return response.end(
        '<!doctype html><title>Company opening</title><p>The API runs at <a href="/api/health">/api</a>.</p>',
      );
    }
    const root = resolve(options.webDirectory);
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw new AppError(400, 'BadPath', 'The path is not valid URL encoding', '路径编码无效');
    }
    const named = fileUnder(root, decoded);
    const found =
      named !== undefined &&
      path !== '/' &&
      (await stat(named).then(
        (info) => info.isFile(),
        () => false,
      ));
    const file = found ? named : join(root, 'index.html');
    response.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...WEB_HEADERS,
    });
    createReadStream(file).pipe(response);
  };

  const server = createServer(async (request, response) => {
    try {
      const url = parseRequestUrl(request.url);
      const path = url.pathname;
      if (path.startsWith('/api/local/')) return await local(path, request, response);
      if (path.startsWith(VERIFY_PATH_PREFIX) && !verifyLimit.allows(request.socket.remoteAddress ?? '')) {
        await readBody(request);
        return sendError(response, tooManyFromNetwork());
      }
      if (path === '/api' || path.startsWith('/api/')) return await api(path, url, request, response);
      return await web(path, response);
    } catch (error) {
      if (error instanceof AppError) return sendError(response, error);
      console.error(error);
      if (!response.headersSent) {
        sendError(
          response,
          new AppError(500, 'InternalError', 'Something went wrong on our side', '服务器内部错误'),
        );
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host ?? '127.0.0.1'}:${port}` };
}

/**
 * The file a decoded URL path names inside `root`, or undefined when it lies outside: `..` segments
 * (also sent encoded, `..%2F`) must not reach a sibling such as `web-evil` next to `web`.
 */
function fileUnder(root: string, decodedPath: string): string | undefined {
  const file = join(root, decodedPath);
  const inside = relative(root, file);
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? undefined : file;
}

/** The request target as a URL; `//x` would otherwise read as a host, and bad ones would throw. */
function parseRequestUrl(target: string | undefined): URL {
  try {
    return new URL(`http://localhost${(target ?? '/').startsWith('/') ? '' : '/'}${target ?? '/'}`);
  } catch {
    throw new AppError(400, 'BadPath', 'The request target is not a valid path', '请求路径无效');
  }
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, 'MalformedJson', 'The request body is not valid JSON', '请求体不是有效的 JSON');
  }
}
