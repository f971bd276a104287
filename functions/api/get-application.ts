import { maySeeCase } from '../../shared/api/caller';
import { caseView } from '../../shared/api/views';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/applications/{id} — status, items, SLA countdown, timeline, trips and delivery. */
export const handler = httpHandler(ROUTES.getApplication, async ({ caller, params, now }) => {
  const record = await cases.get(params.id);
  if (!record || !maySeeCase(caller, record)) throw notFound('Application', '申请');
  return { status: 200, body: caseView(record, now) };
});
