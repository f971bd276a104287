import type { ScanResult } from './scan-result';

/**
 * The EventBridge event GuardDuty Malware Protection for S3 publishes on the default bus when it has scanned
 * an object ("Monitoring S3 object scans with Amazon EventBridge", GuardDuty User Guide), so the local runtime
 * can emit the same event and the handler that reads it runs unchanged.
 */
export const SCAN_RESULT_EVENT = {
  source: 'aws.guardduty',
  detailType: 'GuardDuty Malware Protection Object Scan Result',
} as const;

export interface ScannedObject {
  bucketName: string;
  objectKey: string;
  eTag: string;
  versionId?: string;
}

export interface ScanResultEventDetail {
  schemaVersion: '1.0';
  scanStatus: 'COMPLETED' | 'SKIPPED' | 'FAILED';
  resourceType: 'S3_OBJECT';
  s3ObjectDetails: ScannedObject & { s3Throttled: boolean };
  scanResultDetails: {
    scanResultStatus: ScanResult['status'];
    threats: { name: string }[] | null;
  };
}

/** Each result status belongs to one scan status: a scan completes, is skipped, or fails. */
const SCAN_STATUS = {
  NO_THREATS_FOUND: 'COMPLETED',
  THREATS_FOUND: 'COMPLETED',
  UNSUPPORTED: 'SKIPPED',
  FAILED: 'FAILED',
} as const satisfies Record<ScanResult['status'], ScanResultEventDetail['scanStatus']>;

export function scanResultEventDetail(object: ScannedObject, result: ScanResult): ScanResultEventDetail {
  return {
    schemaVersion: '1.0',
    scanStatus: SCAN_STATUS[result.status],
    resourceType: 'S3_OBJECT',
    s3ObjectDetails: { ...object, s3Throttled: false },
    scanResultDetails: {
      scanResultStatus: result.status,
      threats: result.status === 'THREATS_FOUND' ? result.threats.map((name) => ({ name })) : null,
    },
  };
}
