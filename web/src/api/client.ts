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
}

export async function api<T>(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = session.get()?.token;
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
  if (response.status === 401) {
    sessionExpired.set(true);
    session.set(undefined);
  }
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP${response.status}`,
    error?.message ?? response.statusText,
    error?.message_zh ?? response.statusText,
    error?.fields ?? [],
  );
}
