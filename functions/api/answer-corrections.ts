import { mayActOnCase, maySeeCase } from '../../shared/api/caller';
import { PARTY } from '../../shared/api/viewer';
import { caseView } from '../../shared/api/views';
import { answerCorrections } from '../../shared/case/commands';
import { cases } from '../../shared/data/cases';
import { ROUTES } from '../../shared/entry-points/routes';
import { forbidden, notFound } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** POST /api/applications/{id}/corrections — the corrected form answers every open correction request. */
export const handler = httpHandler(ROUTES.answerCorrections, async ({ caller, params, body, now }) => {
  const record = await cases.get(params.id);
  if (!record || !maySeeCase(caller, record)) throw notFound('Application', '申请');
  if (!mayActOnCase(caller, record)) throw forbidden();
  const role = record.owner === caller.sub ? 'applicant' : 'agent';
  const updated = await answerCorrections({
    applicationId: record.id,
    by: { role, sub: caller.sub },
    form: body.application,
    note: body.note,
  });
  return { status: 200, body: caseView(updated, now, PARTY) };
});
