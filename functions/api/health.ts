import { ROUTES } from '../../shared/entry-points/routes';
import { httpHandler } from './http-handler';

/** GET /api/health — liveness. */
export const handler = httpHandler(ROUTES.health, async ({ now }) => ({
  status: 200,
  body: { status: 'ok', time: now.toISOString() },
}));
