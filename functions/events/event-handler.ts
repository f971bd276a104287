import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { logger, traceInvocation } from '../../shared/observability';

/** An event EventBridge delivered that its rule's pattern should never have let through: a defect. */
export class UnexpectedEvent extends Error {
  override name = 'UnexpectedEvent';
}

/**
 * A function an EventBridge rule runs: the event's detail checked against its schema, then one domain
 * call. A thrown error makes EventBridge retry the delivery, then send it to the rule's dead-letter queue.
 */
export function eventHandler<S extends z.ZodType, R>(detail: S, handle: (detail: z.output<S>) => Promise<R>) {
  return middy(async (event: { detail?: unknown }) => {
    const parsed = detail.safeParse(event.detail);
    if (!parsed.success) throw new UnexpectedEvent(z.prettifyError(parsed.error));
    await handle(parsed.data);
  })
    .use(traceInvocation())
    .use(injectLambdaContext(logger, { resetKeys: true }));
}

/** An ETag as S3 writes it in headers ("…") or events (bare): compared bare. */
export const unquoted = (etag: string | undefined): string | undefined =>
  etag?.replace(/"/g, '') || undefined;
