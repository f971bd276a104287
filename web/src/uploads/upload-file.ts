import { toFieldErrors } from '../../../shared/errors';
import { type UploadDeclaration, uploadDeclarationSchema } from '../../../shared/uploads/declaration';
import { ApiError } from '../api/client';
import type { UploadStatus, UploadTicket } from '../api/types';
import { MESSAGES } from '../i18n/messages';
import { pollDelays } from './poll-schedule';
import type { Bilingual, UploadDisplay } from './upload-state';

/** The three calls an upload makes, passed in so the sequence can be tested without a network. */
export interface UploadSteps {
  declare(declaration: UploadDeclaration): Promise<UploadTicket>;
  send(target: UploadTicket['upload'], file: File, onProgress: (fraction: number) => void): Promise<void>;
  status(id: string): Promise<UploadStatus>;
  sleep(ms: number): Promise<void>;
}

export type UploadReport = Partial<UploadDisplay> & { uploadId?: string };

/** A sentence of the uploads' messages in both languages, as a reason is kept in the draft. */
const both = (key: 'sendFailed' | 'checkTooLong'): Bilingual => ({
  en: MESSAGES.en.uploads[key],
  zh: MESSAGES.zh.uploads[key],
});

/** The first message the declaration schema has for these facts, or none when the API would take them. */
export function refusal(declaration: UploadDeclaration): Bilingual | undefined {
  const result = uploadDeclarationSchema.safeParse(declaration);
  if (result.success) return undefined;
  const [first] = toFieldErrors(result.error);
  return { en: first?.message ?? '', zh: first?.message_zh ?? '' };
}

const fromApiError = (error: unknown): Bilingual =>
  error instanceof ApiError ? { en: error.message, zh: error.messageZh } : both('sendFailed');

/**
 * Takes one file from picked to checked, reporting each change: declare it, send it to the storage URL the
 * API gives, then ask its status with back-off until the check is done or a minute has passed.
 */
export async function uploadFile(
  file: File,
  declaration: UploadDeclaration,
  steps: UploadSteps,
  report: (change: UploadReport) => void,
): Promise<void> {
  const refused = refusal(declaration);
  if (refused) return report({ phase: 'refused', reason: refused });
  let ticket: UploadTicket;
  try {
    ticket = await steps.declare(declaration);
  } catch (error) {
    return report({ phase: 'failed', reason: fromApiError(error) });
  }
  report({ uploadId: ticket.id, phase: 'sending', progress: 0 });
  try {
    await steps.send(ticket.upload, file, (progress) => report({ progress }));
  } catch {
    return report({ phase: 'failed', reason: both('sendFailed') });
  }
  report({ phase: 'checking', progress: 1 });
  await awaitCheck(ticket.id, steps, report);
}

/** Polls an upload's status until it is no longer pending; also resumes a check after a reload. */
export async function awaitCheck(
  id: string,
  steps: Pick<UploadSteps, 'status' | 'sleep'>,
  report: (change: UploadReport) => void,
): Promise<void> {
  for (const delay of pollDelays()) {
    await steps.sleep(delay);
    let answer: UploadStatus;
    try {
      answer = await steps.status(id);
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0 && error.status < 500)
        return report({ phase: 'failed', reason: fromApiError(error) });
      continue;
    }
    if (answer.status !== 'pending') return report({ phase: answer.status, reason: answer.reason });
  }
  report({ phase: 'failed', reason: both('checkTooLong') });
}
