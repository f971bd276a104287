import { CATALOGUE } from '../../shared/catalogue';
import { checklist } from '../../shared/catalogue/checklist';
import { ROUTES } from '../../shared/entry-points/routes';
import { httpHandler } from './http-handler';

/** GET /api/catalogue/bundles/{id}/checklist — the materials to file, given the answers. */
export const handler = httpHandler(ROUTES.getChecklist, async ({ params, query }) => {
  const { add, ...answers } = query;
  return { status: 200, body: checklist(CATALOGUE, { bundle: params.id, add, answers }) };
});
