import { verifications } from '../../shared/data/verifications';
import { ROUTES } from '../../shared/entry-points/routes';
import { notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** GET /api/verify/{uscc} — what anyone may check of a company the platform registered; nothing personal. */
export const handler = httpHandler(ROUTES.verifyCompany, async ({ params }) => {
  const company = await verifications.get(params.uscc);
  if (!company)
    throw notFound('Company with this unified social credit code', '该统一社会信用代码对应的企业');
  return { status: 200, body: company };
});
