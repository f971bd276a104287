export {
  SCAN_RESULT_EVENT,
  type ScannedObject,
  type ScanResultEventDetail,
  scanResultEventDetail,
} from './guardduty-event';
export { BUNDLED_DATABASE_DIR, type ScanOptions, scanFile } from './scan-file';
export type { ScanResult } from './scan-result';
