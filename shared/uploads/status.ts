import type { Reason, UploadRecord, UploadStatus } from './model';

const NOT_SCANNED: Reason = {
  en: 'The file could not be checked for malware; upload it again',
  zh: '文件未能完成病毒查杀，请重新上传',
};

/**
 * Where an upload stands once its checks and its scan have answered, in whichever order they came:
 * malware outranks every other finding, so nothing is settled before the scan answered (a file the
 * checks refused may still be malware); a file is clean only when both found nothing, never when the
 * scan did not run.
 */
export function settledStatus(record: UploadRecord): { status: UploadStatus; reason?: Reason } {
  const { inspection, scan } = record;
  if (scan?.status === 'THREATS_FOUND') {
    const threats = scan.threats?.length ? scan.threats.join(', ') : 'malware';
    return {
      status: 'infected',
      reason: {
        en: `The file contains malware (${threats}) and was quarantined`,
        zh: `文件含有恶意代码（${threats}），已隔离`,
      },
    };
  }
  if (!inspection || !scan) return { status: 'pending' };
  if (inspection.verdict === 'rejected') return { status: 'rejected', reason: inspection.reason };
  if (scan.status !== 'NO_THREATS_FOUND') return { status: 'rejected', reason: NOT_SCANNED };
  // Clean only when the scan and the checks looked at the same object.
  if (inspection.etag && scan.etag && inspection.etag !== scan.etag) return { status: 'pending' };
  return { status: 'clean' };
}

/** The record with its status recomputed. */
export function settled(record: UploadRecord): UploadRecord {
  const { status, reason } = settledStatus(record);
  const { reason: _previous, ...rest } = record;
  return { ...rest, status, ...(reason ? { reason } : {}) };
}

/** An upload never filed is gone once a day has passed, whether or not the lifecycle rule ran yet. */
export const isExpired = (record: UploadRecord, now: Date) => Date.parse(record.expiresAt) <= now.getTime();
