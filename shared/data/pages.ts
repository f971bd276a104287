import { InvalidCursor } from './errors';

/** Opaque list cursors: the DynamoDB key to continue from, as base64url JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && !Array.isArray(key)) return key;
  } catch {}
  throw new InvalidCursor('This cursor is not one the API handed out');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
