import { describe, expect, test } from 'vitest';
import type { UploadRecord } from '../../../shared/uploads/model';
import { isExpired, settledStatus } from '../../../shared/uploads/status';

const upload = (change: Partial<UploadRecord> = {}): UploadRecord => ({
  id: 'up-0000000000000000000000000a',
  owner: 'founder',
  fileName: 'articles.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 10,
  sha256: '0'.repeat(64),
  createdAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2026-12-02T00:00:00.000Z',
  status: 'pending',
  version: 1,
  ...change,
});
const refused = { verdict: 'rejected' as const, reason: { en: 'not a PDF', zh: '不是PDF' } };

describe('an upload settles once its checks and its scan have both answered', () => {
  test('clean only when the checks accepted it and the scan found nothing', () => {
    expect(
      settledStatus(upload({ inspection: { verdict: 'accepted' }, scan: { status: 'NO_THREATS_FOUND' } })),
    ).toEqual({ status: 'clean' });
  });

  test('pending while either has not answered, in whichever order they come', () => {
    expect(settledStatus(upload()).status).toBe('pending');
    expect(settledStatus(upload({ inspection: { verdict: 'accepted' } })).status).toBe('pending');
    expect(settledStatus(upload({ scan: { status: 'NO_THREATS_FOUND' } })).status).toBe('pending');
    expect(settledStatus(upload({ inspection: refused })).status).toBe('pending');
  });

  test('malware outranks every other finding, and needs no check to have answered', () => {
    const infected = settledStatus(
      upload({ inspection: refused, scan: { status: 'THREATS_FOUND', threats: ['Eicar-Signature'] } }),
    );
    expect(infected.status).toBe('infected');
    expect(infected.reason?.en).toContain('Eicar-Signature');
    expect(settledStatus(upload({ scan: { status: 'THREATS_FOUND' } })).status).toBe('infected');
  });

  test('a scan that did not run is never clean', () => {
    for (const status of ['FAILED', 'UNSUPPORTED', 'ACCESS_DENIED'] as const) {
      const settled = settledStatus(upload({ inspection: { verdict: 'accepted' }, scan: { status } }));
      expect(settled.status).toBe('rejected');
      expect(settled.reason?.zh).toMatch(/病毒查杀/);
    }
  });

  test("the checks' reason is the rejection's", () => {
    expect(settledStatus(upload({ inspection: refused, scan: { status: 'NO_THREATS_FOUND' } }))).toEqual({
      status: 'rejected',
      reason: refused.reason,
    });
  });

  test('clean needs the checks and the scan to have read the same object', () => {
    const accepted = { verdict: 'accepted' as const, etag: 'first' };
    expect(
      settledStatus(upload({ inspection: accepted, scan: { status: 'NO_THREATS_FOUND', etag: 'second' } }))
        .status,
    ).toBe('pending');
    expect(
      settledStatus(upload({ inspection: accepted, scan: { status: 'NO_THREATS_FOUND', etag: 'first' } }))
        .status,
    ).toBe('clean');
  });

  test('an upload expires at its expiry instant', () => {
    expect(isExpired(upload(), new Date('2026-12-01T23:59:59.999Z'))).toBe(false);
    expect(isExpired(upload(), new Date('2026-12-02T00:00:00.000Z'))).toBe(true);
  });
});
