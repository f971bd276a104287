import { isAgent, isApplicant } from '../../shared/api/caller';
import { caseSummary } from '../../shared/api/views';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { forbidden } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/applications — the caller's own cases (an agent's: those they filed), newest first. */
export const handler = httpHandler(ROUTES.listApplications, async ({ caller, query, now }) => {
  if (!isApplicant(caller) && !isAgent(caller)) throw forbidden();
  const page = isAgent(caller)
    ? await cases.listByAgent(caller.sub, query.limit, query.cursor)
    : await cases.listByOwner(caller.sub, query.limit, query.cursor);
  return {
    status: 200,
    body: { items: page.items.map((record) => caseSummary(record, now)), nextCursor: page.nextCursor },
  };
});
