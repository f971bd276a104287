import { httpHandler } from './http-handler';

/** GET /api/health — liveness. */
export const handler = httpHandler({ authenticated: false }, async ({ now }) => ({
  status: 200,
  body: { status: 'ok', time: now.toISOString() },
}));
