/** A bilingual sentence, as the API gives a scan's reason. */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * Where one picked file is on its way to being a material: declared to the API, sent to storage, being
 * checked, and then clean, rejected or infected as the server says; refused when the browser already sees
 * the declaration would be, failed when a step broke or the check took too long.
 */
export type UploadPhase =
  | 'refused'
  | 'declaring'
  | 'sending'
  | 'checking'
  | 'clean'
  | 'rejected'
  | 'infected'
  | 'failed';

/** What the draft shows of a material's file beside its `{ type, uploadId }`. */
export interface UploadDisplay {
  /** The browser's own key for this pick, so a late progress report finds its row after others changed. */
  key: string;
  fileName: string;
  sizeBytes: number;
  sha256?: string;
  phase: UploadPhase;
  /** Share of the bytes sent to storage, 0 to 1. */
  progress: number;
  reason?: Bilingual;
}

/** Phases in which the file cannot be submitted yet or at all. */
export const BLOCKING_PHASES: ReadonlySet<UploadPhase> = new Set([
  'refused',
  'declaring',
  'sending',
  'checking',
  'rejected',
  'infected',
  'failed',
]);
