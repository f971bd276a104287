import { createHash } from 'node:crypto';
import { now } from '../clock';
import { cases } from '../data/cases';
import { formBytes } from '../data/item-limits';
import { tasks } from '../data/tasks';
import { type AppError, conflict, notFound, validationFailed } from '../errors';
import type { ApplicationForm } from '../form';
import { fileMaterials, resolveMaterials } from '../uploads/file-materials';
import { resumeTask, startCaseWorkflow } from '../workflow-client';
import { changedPaths } from './changes';
import { AnswerOutsideRequests } from './correction-scope';
import { formSizeError } from './form-size';
import type { Department } from './items';
import type { Actor, CaseFile, CaseRecord, DepartmentTask, Outcome, Reason } from './model';
import { countSubmission } from './submission-limits';
import { type Decision, newCase, submitCorrection, TransitionRefused } from './transitions';

/** What founders, agents and officers ask of the platform, behind the HTTP API. */

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A request body's fingerprint: the same content in any key order, so a retry is told from another body. */
export const requestHashOf = (body: unknown): string => sha256(canonicalJson(body));

/** A case id is derived from who filed it and their Idempotency-Key: a repeated request finds its case. */
export function caseIdFor(filer: string, idempotencyKey: string): string {
  return `co-${sha256(`${filer}\u0000${idempotencyKey}`).slice(0, 22)}`;
}

/** Before anything is counted or written: a case must always fit in its item. */
/**
 * Holds a form to the size limit. An answer to a case filed before the limit existed may keep the size
 * the case already has: otherwise its founder could never answer, since only the requested fields may change.
 */
function refuseOversized(form: ApplicationForm, current?: ApplicationForm): void {
  const tooLarge = formSizeError(form);
  if (tooLarge && !(current && formBytes(form) <= formBytes(current))) throw validationFailed([tooLarge]);
}

/**
 * The files a form's materials name, copied under the case; refuses the request with every material
 * that is not the filer's clean upload. The files the case already holds (`kept`) stay as they are.
 */
async function filedFiles(
  caseId: string,
  form: ApplicationForm,
  filer: string,
  at: Date,
  kept?: Readonly<Record<string, CaseFile>>,
): Promise<Record<string, CaseFile>> {
  const { files, errors } = await resolveMaterials(form.materials, filer, at, kept);
  if (errors.length > 0) throw validationFailed(errors);
  return fileMaterials(caseId, files, at);
}

/**
 * Files a checked form. The same key with the same body finds the case made before; the bodies are
 * compared as they arrived (`requestBody`), before checking trimmed them.
 */
export async function submitApplication(request: {
  owner: string;
  filedBy: Actor & { sub: string };
  idempotencyKey: string;
  form: ApplicationForm;
  requestBody: unknown;
}): Promise<{ record: CaseRecord; created: boolean }> {
  const requestHash = requestHashOf(request.requestBody);
  const { form } = request;
  const id = caseIdFor(request.filedBy.sub, request.idempotencyKey);
  // A repeated request finds its case and counts nothing; two racing ones count the id once. Only a new
  // case is held to today's size limit: a retry of one filed before it replays.
  let files: Record<string, CaseFile> | undefined;
  if (!(await cases.get(id))) {
    refuseOversized(form);
    files = await filedFiles(id, form, request.filedBy.sub, now());
    await countSubmission({ id, owner: request.owner, filedBy: request.filedBy }, now());
  }
  const { created, record } = await cases.create(
    newCase({
      id,
      owner: request.owner,
      filedBy: request.filedBy,
      idempotencyKey: request.idempotencyKey,
      requestHash,
      form,
      files,
      submittedAt: now().toISOString(),
    }),
  );
  if (!created && record.requestHash !== requestHash) {
    throw conflict(
      'This Idempotency-Key was already used for a different application',
      '该幂等键已用于另一份不同的申请',
    );
  }
  // Starting is idempotent (the execution is named after the case), so a retried request also
  // starts a workflow that a crash kept from starting the first time.
  await startCaseWorkflow(record.id);
  return { record, created };
}

export interface DecisionRequest {
  taskId: string;
  officer: { sub: string; department: Department };
  outcome: Outcome;
  reasons: Reason[];
  note?: string;
}

/**
 * An officer's decision resumes the workflow through the task's token. The token is single-use, so of
 * two decisions racing on one task exactly one resumes it; the other is told the task is closed.
 */
export async function decideTask(
  request: DecisionRequest,
): Promise<{ task: DepartmentTask; decision: Decision }> {
  const task = await tasks.get(request.taskId);
  if (!task || task.department !== request.officer.department) throw notFound('Task', '任务');
  if (task.status !== 'open') throw taskClosed();
  const decision: Decision = {
    outcome: request.outcome,
    reasons: request.reasons,
    note: request.note,
    decidedBy: { role: 'officer', sub: request.officer.sub, department: request.officer.department },
    decidedAt: now().toISOString(),
    taskId: task.id,
  };
  if (!(await resumeTask(task.token, decision))) throw taskClosed();
  await tasks.close(task, {
    outcome: decision.outcome,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt,
  });
  return {
    task: {
      ...task,
      status: 'closed',
      outcome: decision.outcome,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt,
    },
    decision,
  };
}

function taskClosed(): AppError {
  return conflict(
    'This task is already closed: it was decided, or the case moved on',
    '该任务已关闭：已有决定，或案件已进入下一环节',
  );
}

/**
 * The founder's corrected form answers every open correction request of the case at once. A change the
 * requests do not ask about is a 400 naming each such field; nothing is stored and nothing resumed.
 */
export async function answerCorrections(request: {
  applicationId: string;
  by: Actor;
  form: ApplicationForm;
  note?: string;
}): Promise<CaseRecord> {
  const { form } = request;
  const at = now().toISOString();
  const current = await cases.get(request.applicationId);
  if (current) refuseOversized(form, current.form);
  const files =
    current && request.by.sub
      ? await filedFiles(current.id, form, request.by.sub, new Date(at), current.files)
      : {};
  let updated: CaseRecord;
  try {
    updated = await cases.update(request.applicationId, (record) => {
      refuseOversized(form, record.form);
      const corrected = submitCorrection(record, {
        form,
        note: request.note,
        changedFields: changedPaths(record.form, form),
        by: request.by,
        at,
      });
      // The case keeps the files its form names: a replaced one stays in storage, off the record.
      // Unchanged stays the same object: the same answer again writes nothing (cases.change).
      const named = new Set(form.materials.map(({ uploadId }) => uploadId));
      const held = Object.entries({ ...corrected.files, ...files }).filter(([uploadId]) =>
        named.has(uploadId),
      );
      if (Object.keys(files).length === 0 && held.length === Object.keys(corrected.files ?? {}).length)
        return corrected;
      return { ...corrected, files: Object.fromEntries(held) };
    });
  } catch (error) {
    if (error instanceof AnswerOutsideRequests) throw validationFailed(error.fields);
    if (error instanceof TransitionRefused) {
      throw conflict('No correction request is open for this case', '该案件没有待补正的事项');
    }
    throw error;
  }
  for (const correction of updated.corrections) {
    if (correction.status === 'open' && correction.token)
      await resumeTask(correction.token, { correctionId: correction.id });
  }
  return updated;
}
