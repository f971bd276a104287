import type { IncomingMessage } from 'node:http';
import { AppError } from '../shared/errors';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const JSON_BODY = /^application\/json\s*(;|$)/i;

/**
 * `/api/local/*` issues a token for any role and moves the clock, so only this machine may call it.
 * Listening on loopback is not enough: a web page can reach 127.0.0.1 from the person's own browser,
 * under a name of its own that resolves there (DNS rebinding, seen in the Host header) or by posting to
 * it (seen in the Origin header). Requiring a JSON body makes a cross-site request a preflighted one,
 * which this server never grants. A page on another loopback port (the Vite dev server) stays welcome.
 */
export function assertLocalCaller(request: IncomingMessage, port: number): void {
  const host = request.headers.host?.toLowerCase() ?? '';
  const hosts = LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
  const origin = request.headers.origin;
  if (!hosts.includes(host) || (origin !== undefined && !LOOPBACK_ORIGIN.test(origin.toLowerCase()))) {
    throw new AppError(
      403,
      'LocalOnly',
      'The local routes answer only this machine: call them on 127.0.0.1, localhost or [::1]',
      '本地接口只响应本机请求：请通过 127.0.0.1、localhost 或 [::1] 访问',
    );
  }
  if (!JSON_BODY.test(request.headers['content-type'] ?? '')) {
    throw new AppError(
      415,
      'UnsupportedMediaType',
      'Send the body as application/json',
      '请以 application/json 格式发送请求体',
    );
  }
}
