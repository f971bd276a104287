import { isAgent, isApplicant } from '../../shared/api/caller';
import { PARTY } from '../../shared/api/viewer';
import { caseView } from '../../shared/api/views';
import { submitApplication } from '../../shared/case/commands';
import { ROUTES } from '../../shared/entry-points/routes';
import { forbidden, validationFailed } from '../../shared/errors';
import { httpHandler } from './http-handler';

/** POST /api/applications — one form for all three items; a founder files their own, an agent for a founder. */
export const handler = httpHandler(
  ROUTES.submitApplication,
  async ({ caller, body, rawBody, headers, now }) => {
    if (!isApplicant(caller) && !isAgent(caller)) throw forbidden();
    const { 'idempotency-key': idempotencyKey, 'on-behalf-of': onBehalfOf } = headers;
    const filingForFounder = onBehalfOf !== undefined && onBehalfOf !== caller.sub;
    if (filingForFounder && !isAgent(caller)) throw forbidden();
    if (!filingForFounder && !isApplicant(caller)) {
      throw validationFailed([
        {
          path: 'headers.on-behalf-of',
          message: 'Agents file for a founder: send On-Behalf-Of with the founder’s user id',
          message_zh: '帮办人员须在 On-Behalf-Of 请求头中注明申请人的用户标识',
        },
      ]);
    }
    const { record, created } = await submitApplication({
      owner: filingForFounder ? onBehalfOf : caller.sub,
      filedBy: { role: filingForFounder ? 'agent' : 'applicant', sub: caller.sub },
      idempotencyKey,
      form: body,
      requestBody: rawBody,
    });
    return {
      status: 201,
      body: caseView(record, now, PARTY),
      headers: {
        location: `/api/applications/${record.id}`,
        ...(created ? {} : { 'idempotent-replayed': 'true' }),
      },
    };
  },
);
