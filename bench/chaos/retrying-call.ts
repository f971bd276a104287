import { type ApiClient, type HttpResponse, isConnectionError } from '../lib/http';
import { sleep } from '../lib/stats';

/** What the retrying client counts. */
interface CallCounts {
  requests: number;
  serverErrors: number;
  connectionErrors: number;
}

/** Calls the API until it answers something other than a connection error or a 5xx. */
export function retryingCall(api: ApiClient, stats: CallCounts, started: number, budgetMs: number) {
  return async <T>(
    method: string,
    path: string,
    request: { token: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<HttpResponse<T>> => {
    for (let attempt = 1; ; attempt++) {
      if (Date.now() - started > budgetMs + 30_000) throw new Error('chaos budget exhausted');
      stats.requests++;
      try {
        const response = await api.call<T>(method, path, request);
        if (response.status < 500) return response;
        stats.serverErrors++;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        stats.connectionErrors++;
      }
      await sleep(Math.min(1000, 50 * attempt));
    }
  };
}

export type RetryingCall = ReturnType<typeof retryingCall>;
