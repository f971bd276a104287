import { validationError } from './errors';

export function clampPageSize(requested: number | undefined, fallback: number): number {
  if (requested === undefined || requested === 0) return fallback;
  if (!Number.isInteger(requested) || requested < 0 || requested > 1000) {
    throw validationError('maxResults must be between 0 and 1000');
  }
  return requested;
}

export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {}
  throw validationError('Invalid nextToken');
}
