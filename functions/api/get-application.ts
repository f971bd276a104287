import { maySeeCase } from '../../shared/api/caller';
import { applicationIdParamsSchema } from '../../shared/api/requests';
import { caseView } from '../../shared/api/views';
import { cases } from '../../shared/data/cases';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/applications/{id} — status, items, SLA countdown, timeline, trips and delivery. */
export const handler = httpHandler({ params: applicationIdParamsSchema }, async ({ caller, params, now }) => {
  const record = await cases.get(params.id);
  if (!record || !maySeeCase(caller, record)) throw notFound('Application', '申请');
  return { status: 200, body: caseView(record, now) };
});
