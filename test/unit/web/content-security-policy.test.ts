import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/content-security-policy';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((part) => {
      const [name = '', ...sources] = part.split(' ');
      return [name, sources];
    }),
  );

describe('the web app CSP', () => {
  it('lets the app reach the storage origins, and show blob previews, and nothing more', () => {
    const policy = contentSecurityPolicy({
      tokenEndpoint: 'https://idp.example/oauth2/token',
      storageOrigins: ['https://bucket.s3.cn-north-1.amazonaws.com.cn', 'http://127.0.0.1:4569'],
    });

    expect(directives(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'blob:'],
      'connect-src': [
        "'self'",
        'https://idp.example/oauth2/token',
        'https://bucket.s3.cn-north-1.amazonaws.com.cn',
        'http://127.0.0.1:4569',
      ],
      'frame-src': ['blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    expect(policy).not.toMatch(/unsafe-|data:|\*/);
  });

  it('connects to its own origin only when given no other', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(contentSecurityPolicy({ storageOrigins: [] })).toBe(contentSecurityPolicy());
  });
});
