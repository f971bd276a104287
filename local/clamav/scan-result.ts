/**
 * A scan's outcome, named as GuardDuty Malware Protection for S3 names an object's scan result
 * (docs/uploads.md, Scanning). Only a scanner that ran to its end reports NO_THREATS_FOUND.
 */
export type ScanResult =
  | { status: 'NO_THREATS_FOUND' }
  | { status: 'THREATS_FOUND'; threats: string[] }
  /** The scanner skipped the file (beyond its size limits): nothing says it is clean. */
  | { status: 'UNSUPPORTED'; reason: string }
  /** No verdict: the scanner is missing, broke, or did not finish. */
  | { status: 'FAILED'; reason: string };
