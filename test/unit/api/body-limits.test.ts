import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, test } from 'vitest';
import { bodyLimits, MAX_BODY_BYTES, MAX_BODY_DEPTH, nestingDepth } from '../../../functions/api/body-limits';
import { AppError } from '../../../shared/errors';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

async function refusal(body: string, options: { readsBody: boolean; base64?: boolean }) {
  const event = {
    body: options.base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  } as APIGatewayProxyEventV2;
  const before = bodyLimits(options).before as (request: { event: APIGatewayProxyEventV2 }) => Promise<void>;
  return before({ event }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('the body caps', () => {
  test('nesting is counted outside strings only, escaped quotes included', () => {
    expect(nestingDepth('{"a":[{"b":"[[[{{"}]}')).toBe(3);
    expect(nestingDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(nestingDepth('"plain"')).toBe(0);
  });

  test('a 100,000-deep body is measured without recursion and refused 400, in both languages', async () => {
    const error = (await refusal(nested(100_000), { readsBody: true })) as AppError;

    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('BodyTooDeep');
    expect(error.message).toContain(String(MAX_BODY_DEPTH));
    expect(error.messageZh).toContain(String(MAX_BODY_DEPTH));
  });

  test('the cap itself is allowed', async () => {
    expect(await refusal(nested(MAX_BODY_DEPTH), { readsBody: true })).toBeUndefined();
  });

  test('a body over 1 MiB is refused 413 on any route, base64-encoded too', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });

    for (const options of [{ readsBody: true }, { readsBody: false }, { readsBody: true, base64: true }]) {
      const error = (await refusal(big, options)) as AppError;
      expect(error.status).toBe(413);
      expect(error.code).toBe('PayloadTooLarge');
    }
  });

  test('a route that reads no body leaves its nesting alone: nothing walks it', async () => {
    expect(await refusal(nested(100_000), { readsBody: false })).toBeUndefined();
  });
});
