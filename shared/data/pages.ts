import { createHmac, timingSafeEqual } from 'node:crypto';
import { ENVIRONMENT } from '../config';
import { InvalidCursor } from './errors';

/**
 * Opaque list cursors: the DynamoDB key to continue from, as base64url JSON, signed with HMAC-SHA256
 * over the key and the list it came from (the partition: a founder's, an agent's, a department's).
 * A cursor the API did not hand out, or handed out for another caller's list, never reaches DynamoDB.
 */

function cursorSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env[ENVIRONMENT.cursorSecret];
  if (!secret) throw new Error(`${ENVIRONMENT.cursorSecret} is not set`);
  return secret;
}

const signatureOf = (payload: string, partition: string) =>
  createHmac('sha256', cursorSecret()).update(`${partition}\u0000${payload}`).digest();

export function encodeCursor(key: Record<string, unknown> | undefined, partition: string): string | null {
  if (!key) return null;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${signatureOf(payload, partition).toString('base64url')}`;
}

export function decodeCursor(
  cursor: string | undefined,
  partition: string,
): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  const [payload = '', signature = '', ...rest] = cursor.split('.');
  const expected = signatureOf(payload, partition);
  const given = Buffer.from(signature, 'base64url');
  if (rest.length === 0 && given.length === expected.length && timingSafeEqual(given, expected)) {
    try {
      const key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (key && typeof key === 'object' && !Array.isArray(key)) return key;
    } catch {}
  }
  throw new InvalidCursor('This cursor is not one the API handed out');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
