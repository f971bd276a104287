import { isOps } from '../../shared/api/caller';
import { ROUTES } from '../../shared/entry-points/routes';
import { forbidden } from '../../shared/errors';
import { slaReport } from '../../shared/ops/report';
import { httpHandler } from './http-handler';

/** GET /api/ops/sla — SLA counts, at-risk and breached cases, the reform's KPIs, alarm states. */
export const handler = httpHandler(ROUTES.opsSla, async ({ caller, now }) => {
  if (!isOps(caller)) throw forbidden();
  return { status: 200, body: await slaReport(now) };
});
