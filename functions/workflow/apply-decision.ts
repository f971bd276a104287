import * as z from 'zod';
import { isDepartment } from '../../shared/case/items';
import { OUTCOMES } from '../../shared/case/model';
import { applyDecision } from '../../shared/case/workflow-steps';
import { applicationId, item, stepHandler } from './step-handler';

const decision = z
  .object({
    outcome: z.enum(OUTCOMES),
    reasons: z.array(z.object({ path: z.string(), message: z.string() }).strict()),
    note: z.string().optional(),
    decidedBy: z
      .object({ role: z.literal('officer'), sub: z.string(), department: z.string().refine(isDepartment) })
      .strict(),
    decidedAt: z.iso.datetime(),
    taskId: z.string(),
  })
  .strict();

export const handler = stepHandler(z.object({ applicationId, item, decision }).strict(), (input) =>
  applyDecision(input.applicationId, input.item, input.decision),
);
