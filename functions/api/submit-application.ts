import * as z from 'zod';
import { isAgent, isApplicant } from '../../shared/api/caller';
import { idempotencyKeySchema, onBehalfOfSchema } from '../../shared/api/requests';
import { caseView } from '../../shared/api/views';
import { submitApplication } from '../../shared/case/commands';
import { forbidden, parseOrThrow, validationFailed } from '../../shared/errors';
import { httpHandler } from './http-handler';

const headersSchema = z
  .object({ 'idempotency-key': idempotencyKeySchema, 'on-behalf-of': onBehalfOfSchema.optional() })
  .loose();

/** POST /api/applications — one form for all three items; a founder files their own, an agent for a founder. */
export const handler = httpHandler({ body: z.unknown() }, async ({ caller, body, headers, now }) => {
  if (!isApplicant(caller) && !isAgent(caller)) throw forbidden();
  const { 'idempotency-key': idempotencyKey, 'on-behalf-of': onBehalfOf } = parseOrThrow(
    headersSchema,
    headers,
  );
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
    body,
  });
  return {
    status: 201,
    body: caseView(record, now),
    headers: {
      location: `/api/applications/${record.id}`,
      ...(created ? {} : { 'idempotent-replayed': 'true' }),
    },
  };
});
