import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { isItem } from '../../shared/case/items';
import { logger, traceInvocation } from '../../shared/observability';

/** Bad input from the state machine is a defect, not a transient fault: it is never retried. */
export class InvalidStepInput extends Error {
  static readonly errorName = 'InvalidStepInput';
  override name = InvalidStepInput.errorName;
}

export const applicationId = z.string().min(1).max(64);
export const item = z.string().refine(isItem, { message: 'not an item of the catalogue' });
export const taskToken = z.string().min(1).max(2048);

/**
 * A workflow step: the state's payload checked against its schema, then one domain call. Metrics are
 * emitted one by one as they happen (shared/observability), so there is no buffer to flush.
 */
export function stepHandler<S extends z.ZodType, R>(schema: S, step: (input: z.output<S>) => Promise<R>) {
  return middy(async (event: unknown) => {
    const parsed = schema.safeParse(event);
    if (!parsed.success) throw new InvalidStepInput(z.prettifyError(parsed.error));
    return step(parsed.data);
  })
    .use(traceInvocation())
    .use(injectLambdaContext(logger, { resetKeys: true }));
}
