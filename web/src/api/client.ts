import type { ErrorBody, FieldError } from '../../../shared/errors';
import { session, sessionExpired } from '../auth/session';

/** A failed API call in the API's one error shape; status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** A public route: no Authorization header, and a 401 does not end the session. */
  anonymous?: boolean;
}

export async function api<T>(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = options.anonymous ? undefined : session.get()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NetworkError', 'The server cannot be reached', '无法连接服务器');
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return body as T;
  throw failure(response, body, options);
}

/** The ApiError of a failed answer; a 401 on a signed-in call ends the session. */
export function failure(response: Response, body: unknown, options: RequestOptions = {}): ApiError {
  if (response.status === 401 && !options.anonymous) {
    sessionExpired.set(true);
    session.set(undefined);
  }
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  return new ApiError(
    response.status,
    error?.code ?? `HTTP${response.status}`,
    error?.message ?? response.statusText,
    error?.message_zh ?? response.statusText,
    error?.fields ?? [],
  );
}
