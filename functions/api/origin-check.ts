import { timingSafeEqual } from 'node:crypto';
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENVIRONMENT, ORIGIN_HEADER } from '../../shared/config';
import { AppError } from '../../shared/errors';

export const notViaSite = (): AppError =>
  new AppError(
    403,
    'NotViaSite',
    "Call the API through the platform's site address, not the API Gateway endpoint",
    '请通过平台网站地址访问接口，而非直接访问 API Gateway 地址',
  );

function originSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const secret = env[ENVIRONMENT.originSecret];
  if (!secret) throw new Error(`${ENVIRONMENT.originSecret} is not set`);
  return Buffer.from(secret);
}

/**
 * Only requests CloudFront forwarded get through: it adds the origin header with the secret, and
 * overwrites any a viewer sends. The HTTP API cannot have WAF, and its execute-api endpoint stays on
 * because CloudFront reaches the API through it; this keeps the WAF rule from being bypassed.
 */
export function fromOrigin(): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async ({ event }) => {
      const expected = originSecret();
      const given = Buffer.from(event.headers?.[ORIGIN_HEADER] ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notViaSite();
    },
  };
}
