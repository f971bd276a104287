import { describe, expect, test } from 'vitest';
import { SCAN_RESULT_EVENT, scanResultEventDetail } from '../../../../local/clamav';

const object = {
  bucketName: 'materials',
  objectKey: 'uploads/01J/articles.pdf',
  eTag: '"9b2cf535f27731c974343645a3985328"',
};

describe("scanResultEventDetail builds GuardDuty's Object Scan Result detail", () => {
  test('a clean object: COMPLETED, NO_THREATS_FOUND, threats null', () => {
    expect(SCAN_RESULT_EVENT).toEqual({
      source: 'aws.guardduty',
      detailType: 'GuardDuty Malware Protection Object Scan Result',
    });
    expect(scanResultEventDetail(object, { status: 'NO_THREATS_FOUND' })).toEqual({
      schemaVersion: '1.0',
      scanStatus: 'COMPLETED',
      resourceType: 'S3_OBJECT',
      s3ObjectDetails: { ...object, s3Throttled: false },
      scanResultDetails: { scanResultStatus: 'NO_THREATS_FOUND', threats: null },
    });
  });

  test('an infected object: COMPLETED, THREATS_FOUND, each threat by name', () => {
    const detail = scanResultEventDetail(
      { ...object, versionId: 'v1' },
      { status: 'THREATS_FOUND', threats: ['Eicar', 'Other'] },
    );
    expect(detail).toMatchObject({
      scanStatus: 'COMPLETED',
      s3ObjectDetails: { versionId: 'v1' },
      scanResultDetails: {
        scanResultStatus: 'THREATS_FOUND',
        threats: [{ name: 'Eicar' }, { name: 'Other' }],
      },
    });
  });

  test.each([
    ['UNSUPPORTED', 'SKIPPED'],
    ['FAILED', 'FAILED'],
  ] as const)('%s: scan status %s, no threats', (status, scanStatus) => {
    expect(scanResultEventDetail(object, { status, reason: 'why' })).toMatchObject({
      scanStatus,
      scanResultDetails: { scanResultStatus: status, threats: null },
    });
  });
});
