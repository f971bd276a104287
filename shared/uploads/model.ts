/**
 * An upload, from the slot POST /api/uploads hands out to the file a case files: `pending` until the
 * platform's checks (shared/uploads/inspect.ts) and the malware scan have both answered, then `clean`,
 * `rejected` (with why) or `infected` (moved to quarantine, never served).
 */
export const UPLOAD_STATUSES = ['pending', 'clean', 'rejected', 'infected'] as const;
export type UploadStatus = (typeof UPLOAD_STATUSES)[number];

export const UPLOAD_ID_PATTERN = /^up-[0-9a-z]{26}$/;

export interface Reason {
  en: string;
  zh: string;
}

/** What the scanner answered, in GuardDuty Malware Protection for S3's terms. */
export type ScanStatus = 'NO_THREATS_FOUND' | 'THREATS_FOUND' | 'UNSUPPORTED' | 'ACCESS_DENIED' | 'FAILED';

export interface UploadRecord {
  id: string;
  /** The account that asked for the slot: only it may see the upload or file it. */
  owner: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  /** After this instant an upload never filed is gone (the bucket's lifecycle deletes its object). */
  expiresAt: string;
  status: UploadStatus;
  reason?: Reason;
  /**
   * The platform's own checks: undefined until they ran. `etag` names the object they read: the slot
   * may be posted to again while it lasts, and only the object checked may be filed.
   */
  inspection?: ({ verdict: 'accepted' } | { verdict: 'rejected'; reason: Reason }) & { etag?: string };
  /** The malware scan's answer, and the object it scanned: undefined until it came. */
  scan?: { status: ScanStatus; threats?: string[]; etag?: string };
  version: number;
}
