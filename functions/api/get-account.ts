import { accounts } from '../../shared/data/accounts';
import { ROUTES } from '../../shared/entry-points/routes';
import { accountView } from '../../shared/notices/views';
import { httpHandler } from './http-handler';

/** GET /api/account — the caller's notice preferences, or the defaults when never saved. */
export const handler = httpHandler(ROUTES.getAccount, async ({ caller }) => ({
  status: 200,
  body: accountView(await accounts.getOrDefault(caller.sub)),
}));
