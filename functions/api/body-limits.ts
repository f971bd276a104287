import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AppError } from '../../shared/errors';

/** What the platform's biggest form needs, with room; the local server refuses the same at its edge. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The form nests five levels; anything deeper is not a form, and recursive code must never see it. */
export const MAX_BODY_DEPTH = 32;

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How deep a JSON text nests, read in one pass without recursion (malformed text is the parser's to refuse). */
export function nestingDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (OPEN.has(code)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (CLOSE.has(code)) depth--;
  }
  return deepest;
}

export const payloadTooLarge = (): AppError =>
  new AppError(413, 'PayloadTooLarge', 'The request body exceeds 1 MiB', '请求体超过 1 MiB');

export const bodyTooDeep = (): AppError =>
  new AppError(
    400,
    'BodyTooDeep',
    `The request body nests deeper than ${MAX_BODY_DEPTH} levels; the form never does`,
    `请求体嵌套超过 ${MAX_BODY_DEPTH} 层，不是有效的申请表`,
  );

/**
 * Refuses a body over the size cap (413) and, for a route that reads a body, one nested deeper than
 * the depth cap (400), before the JSON parser, zod or anything recursive walks it.
 */
export function bodyLimits(options: { readsBody: boolean }): middy.MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async ({ event }) => {
      if (event.body === undefined || event.body === null) return;
      const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw payloadTooLarge();
      if (options.readsBody && nestingDepth(text, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) throw bodyTooDeep();
    },
  };
}
