import { Agent, request as httpRequest } from 'node:http';

/**
 * One keep-alive HTTP client for everything the benchmarks time: the API and raw dynalite calls go
 * through the same code, so their latencies compare like for like.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
}

export async function send<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<HttpResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce<T>(base, method, path, options);
    } catch (error) {
      // A kept-alive socket the server closed just as it was reused: the request never arrived.
      if (!(error as { reusedSocket?: boolean }).reusedSocket || attempt >= 3) throw error;
    }
  }
}

function sendOnce<T>(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<HttpResponse<T>> {
  const url = new URL(path, base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: `${url.pathname}${url.search}`,
        agent,
        headers,
        timeout: options.timeoutMs ?? 60_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {}
          resolve({
            status: response.statusCode ?? 0,
            body: body as T,
            text,
            headers: response.headers,
            ms: performance.now() - started,
          });
        });
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => {
      const stale = request.reusedSocket && error.code === 'ECONNRESET';
      reject(stale ? Object.assign(error, { reusedSocket: true }) : error);
    });
    request.end(options.body);
  });
}

/** A JSON API client bound to a base URL. */
export function apiClient(base: string) {
  const call = <T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    return send<T>(base, method, path, { headers, body });
  };
  return {
    base,
    call,
    async token(sub: string, groups: string[]): Promise<string> {
      const response = await call<{ token: string }>('POST', '/api/local/token', { body: { sub, groups } });
      if (response.status !== 200) throw new Error(`token: ${response.status} ${response.text}`);
      return response.body.token;
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/**
 * A raw DynamoDB JSON call with no SDK in between (dynalite checks that a signature is present, not
 * that it is valid): what the floors are measured with.
 */
export function dynamoCall<T = unknown>(endpoint: string, operation: string, input: unknown) {
  return send<T>(endpoint, 'POST', '/', {
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(input),
  });
}

export const isConnectionError = (error: unknown) =>
  ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'socket hang up', 'UND_ERR'].some((code) =>
    `${(error as Error)?.name} ${(error as { code?: string })?.code} ${(error as Error)?.message}`.includes(
      code,
    ),
  );
