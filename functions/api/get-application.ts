import { viewerOf } from '../../shared/api/viewer';
import { caseView } from '../../shared/api/views';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/applications/{id} — status, items, SLA countdown, timeline, trips and delivery, as the caller may see them. */
export const handler = httpHandler(ROUTES.getApplication, async ({ caller, params, now }) => {
  const record = await cases.get(params.id);
  const viewer = record && viewerOf(caller, record);
  if (!record || !viewer) throw notFound('Application', '申请');
  return { status: 200, body: caseView(record, now, viewer) };
});
