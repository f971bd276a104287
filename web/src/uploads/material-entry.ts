import type { FieldError } from '../../../shared/errors';
import { MESSAGES } from '../i18n/messages';
import { BLOCKING_PHASES, type UploadDisplay, type UploadPhase } from './upload-state';

/**
 * A material as the draft keeps it: what the API takes (`type`, and `uploadId` once the file is declared)
 * and, beside it, what the founder sees of the file. Materials the case already holds (a correction) come
 * from the server without `upload`.
 */
export interface MaterialEntry {
  type: string;
  uploadId?: string;
  upload?: UploadDisplay;
}

const entriesOf = (form: unknown): MaterialEntry[] => {
  const materials = (form as { materials?: unknown } | null)?.materials;
  return Array.isArray(materials) ? (materials as MaterialEntry[]) : [];
};

/** The form as the API takes it: each material only `{ type, uploadId }`. */
export function submittedForm<F>(form: F): F {
  const materials = (form as { materials?: unknown } | null)?.materials;
  if (!Array.isArray(materials)) return form;
  return {
    ...form,
    materials: entriesOf(form).map((entry) => ({ type: entry.type, uploadId: entry.uploadId ?? '' })),
  };
}

const STILL_GOING: ReadonlySet<UploadPhase> = new Set(['declaring', 'sending', 'checking']);

/**
 * Why a material cannot be submitted yet, at its own path: its file is still on its way, or it was
 * refused, rejected, infected or never arrived and must be replaced.
 */
export function uploadProblems(form: unknown): FieldError[] {
  return entriesOf(form).flatMap((entry, index) => {
    const phase = entry.upload?.phase;
    if (!phase || !BLOCKING_PHASES.has(phase)) return [];
    const key = STILL_GOING.has(phase) ? 'waitBeforeSubmit' : 'replaceBeforeSubmit';
    return [
      {
        path: `materials[${index}]`,
        message: MESSAGES.en.uploads[key],
        message_zh: MESSAGES.zh.uploads[key],
      },
    ];
  });
}

/** The form as the founder reads it back: each material by its type and file name (its upload id when the name is not kept). */
export function readableForm<F>(form: F): F {
  const materials = (form as { materials?: unknown } | null)?.materials;
  if (!Array.isArray(materials)) return form;
  return {
    ...form,
    materials: entriesOf(form).map((entry) => ({
      type: entry.type,
      fileName: entry.upload?.fileName ?? entry.uploadId ?? '',
    })),
  };
}
