import { accounts } from '../../shared/data/accounts';
import { ROUTES } from '../../shared/entry-points/routes';
import { accountView } from '../../shared/notices/views';
import { httpHandler } from './http-handler';

/**
 * PUT /api/account — the caller's language, channels and addresses; it also records the caller's groups,
 * the directory the notifier finds a department's officers and ops in.
 */
export const handler = httpHandler(ROUTES.putAccount, async ({ caller, body, now }) => {
  const saved = await accounts.save({
    sub: caller.sub,
    language: body.language,
    channels: body.channels,
    email: body.email ?? null,
    mobile: body.mobile ?? null,
    groups: [...caller.groups].sort(),
    updatedAt: now.toISOString(),
  });
  return { status: 200, body: accountView(saved) };
});
