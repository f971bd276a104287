import type { Json } from './asl';

/**
 * How one task attempt ended: what its function returned or a callback reported, or why it failed.
 * `recorded`: the journal already holds this outcome (a callback, timeout or cancellation wrote it).
 */
export type TaskOutcome = ({ ok: true; output: Json } | { ok: false; error: string; cause: string }) & {
  recorded?: boolean;
};
