import { CATALOGUE, type Catalogue } from '../catalogue';
import { casePlan } from '../catalogue/case-plan';
import type { ApplicationForm } from '../form';
import { changedPaths } from './changes';
import { AnswerOutsideRequests, fieldsOutsideRequests } from './correction-scope';
import type { Item } from './items';
import type {
  Actor,
  CaseFile,
  CaseRecord,
  CorrectionAnswer,
  Delivery,
  IssuedDocument,
  ItemResult,
  ItemState,
  JointInspection,
  Outcome,
  Reason,
} from './model';
import { closedSlaState, initialDeadline } from './sla';

/**
 * Every change to a case, as pure functions from one record to the next. Workflow steps run at least
 * once, so each transition carries a key and applies once: run again, it returns the record unchanged.
 */

const SYSTEM: Actor = { role: 'system' };
const FINAL_ITEM_STATUSES = new Set(['approved', 'rejected', 'cancelled']);

export class TransitionRefused extends Error {
  override name = 'TransitionRefused';
}

/** The state of an item the case runs; asking for one it does not run is refused. */
export function stateOf(record: Pick<CaseRecord, 'id' | 'items'>, item: Item): ItemState {
  const state = record.items[item];
  if (!state) throw new TransitionRefused(`Case ${record.id} does not run the item ${item}`);
  return state;
}

function once(record: CaseRecord, key: string, change: (draft: CaseRecord) => void): CaseRecord {
  if (record.applied.includes(key)) return record;
  const draft = structuredClone(record);
  change(draft);
  draft.applied.push(key);
  return draft;
}

export function newCase(
  input: {
    id: string;
    owner: string;
    filedBy: Actor;
    idempotencyKey: string;
    requestHash: string;
    form: ApplicationForm;
    files?: Record<string, CaseFile>;
    submittedAt: string;
  },
  catalogue: Catalogue = CATALOGUE,
): CaseRecord {
  const { bundle, items } = casePlan(catalogue, input.form);
  return {
    id: input.id,
    version: 0,
    status: 'submitted',
    owner: input.owner,
    filedBy: input.filedBy,
    idempotencyKey: input.idempotencyKey,
    requestHash: input.requestHash,
    submittedAt: input.submittedAt,
    form: input.form,
    ...(input.files ? { files: input.files } : {}),
    bundle: bundle.id,
    catalogueVersion: catalogue.version,
    items: Object.fromEntries(
      items.map((item): [Item, ItemState] => [
        item.id,
        {
          status: 'pending',
          department: item.department,
          round: 0,
          ...(typeof item.statutoryLimitWorkingDays === 'number'
            ? { limitWorkingDays: item.statutoryLimitWorkingDays }
            : {}),
        },
      ]),
    ),
    sla: {
      workingDays: bundle.slaWorkingDays,
      pauses: [],
      state: 'on-track',
      deadline: initialDeadline(input.submittedAt, bundle.slaWorkingDays),
      revision: 0,
    },
    corrections: [],
    trips: 0,
    timeline: [{ at: input.submittedAt, type: 'submitted', actor: input.filedBy }],
    applied: [],
    eventsPublished: 0,
  };
}

export function startCase(record: CaseRecord, at: string): CaseRecord {
  return once(record, 'intake', (draft) => {
    draft.status = 'in-review';
    draft.timeline.push({ at, type: 'review-started', actor: SYSTEM });
  });
}

export function startItemReview(record: CaseRecord, item: Item, at: string): CaseRecord {
  return once(record, `${item}:start`, (draft) => {
    const state = stateOf(draft, item);
    state.status = 'in-review';
    state.round = 1;
    state.startedAt = at;
  });
}

export function approveInstantly(record: CaseRecord, item: Item, result: ItemResult, at: string): CaseRecord {
  return once(record, `${item}:instant`, (draft) => {
    Object.assign(stateOf(draft, item), { status: 'approved', instant: true, decidedAt: at, result });
    draft.timeline.push({ at, type: 'instant-approved', actor: SYSTEM, item });
  });
}

export function openTask(record: CaseRecord, item: Item, taskId: string, at: string): CaseRecord {
  const round = stateOf(record, item).round;
  return once(record, `${item}:task:${round}`, (draft) => {
    Object.assign(stateOf(draft, item), { status: 'in-review', taskId, instant: false });
    draft.timeline.push({ at, type: 'task-opened', actor: SYSTEM, item, details: { round, taskId } });
  });
}

export interface Decision {
  outcome: Outcome;
  reasons: Reason[];
  note?: string;
  decidedBy: Actor;
  decidedAt: string;
  taskId: string;
}

export function applyDecision(
  record: CaseRecord,
  item: Item,
  decision: Decision,
  result: ItemResult | undefined,
): CaseRecord {
  const round = stateOf(record, item).round;
  return once(record, `${item}:decision:${round}`, (draft) => {
    const state = stateOf(draft, item);
    const at = decision.decidedAt;
    Object.assign(state, {
      decidedAt: at,
      decidedBy: decision.decidedBy,
      reasons: decision.reasons,
      note: decision.note,
    });
    const details = { round, taskId: decision.taskId, reasons: decision.reasons, note: decision.note };
    if (decision.outcome === 'approved') {
      state.status = 'approved';
      state.result = result;
      draft.timeline.push({ at, type: 'approved', actor: decision.decidedBy, item, details });
    } else if (decision.outcome === 'rejected') {
      state.status = 'rejected';
      draft.timeline.push({ at, type: 'rejected', actor: decision.decidedBy, item, details });
    } else {
      state.status = 'awaiting-correction';
      draft.corrections.push({
        id: `${item}-${round}`,
        item,
        round,
        status: 'open',
        requestedAt: at,
        requestedBy: decision.decidedBy,
        reasons: decision.reasons,
        note: decision.note,
      });
      draft.status = 'correction-needed';
      if (!draft.sla.pauses.some((pause) => pause.to === undefined)) {
        draft.sla.pauses.push({ from: at });
        draft.sla.revision++;
      }
      draft.timeline.push({ at, type: 'correction-requested', actor: decision.decidedBy, item, details });
    }
  });
}

/**
 * Keeps the token the workflow waits on for a correction. If the founder answered before the workflow
 * got here, there is nothing to wait for: the step is told so and applies the answer at once.
 */
export function attachCorrectionToken(record: CaseRecord, correctionId: string, token: string): CaseRecord {
  const correction = record.corrections.find((candidate) => candidate.id === correctionId);
  if (correction?.status !== 'open') throw new TransitionRefused(`No open correction ${correctionId}`);
  if (correction.answer)
    throw new CorrectionAlreadyAnswered(`Correction ${correctionId} is already answered`);
  if (correction.token === token) return record;
  const draft = structuredClone(record);
  const target = draft.corrections.find((candidate) => candidate.id === correctionId);
  if (target) target.token = token;
  return draft;
}

/** The founder answered before the wait began: the state machine applies the answer at once. */
export class CorrectionAlreadyAnswered extends Error {
  static readonly errorName = 'CorrectionAlreadyAnswered';
  override name = CorrectionAlreadyAnswered.errorName;
}

/**
 * The founder's answer to every open correction request at once; the workflow applies it. It may change only
 * what the requests ask about (`correction-scope.ts`).
 */
export function submitCorrection(record: CaseRecord, answer: CorrectionAnswer): CaseRecord {
  const open = record.corrections.filter((correction) => correction.status === 'open');
  if (open.length === 0) throw new TransitionRefused('No correction request is open');
  // Checked against the form as it stands, before the repeat test, so no answer outside them is ever kept.
  const outside = fieldsOutsideRequests(record.form, answer.form, open);
  if (outside.length > 0) throw new AnswerOutsideRequests(outside);
  // The same answer again (a retry after a lost response) changes nothing: it only resumes the workflow.
  const repeated = open.every(
    (correction) =>
      correction.answer?.form !== undefined &&
      correction.answer.note === answer.note &&
      changedPaths(correction.answer.form, answer.form).length === 0,
  );
  if (repeated) return record;
  const draft = structuredClone(record);
  for (const correction of draft.corrections) if (correction.status === 'open') correction.answer = answer;
  draft.timeline.push({
    at: answer.at,
    type: 'correction-submitted',
    actor: answer.by,
    details: {
      changedFields: answer.changedFields,
      note: answer.note,
      items: open.map((request) => request.item),
    },
  });
  return draft;
}

export function applyCorrection(record: CaseRecord, correctionId: string, at: string): CaseRecord {
  return once(record, `correction:${correctionId}:applied`, (draft) => {
    const correction = draft.corrections.find((candidate) => candidate.id === correctionId);
    if (!correction?.answer?.form)
      throw new TransitionRefused(`Correction ${correctionId} has no answer to apply`);
    draft.form = correction.answer.form;
    const { form, ...applied } = correction.answer;
    correction.answer = applied;
    correction.status = 'answered';
    // The clock stopped for the founder and starts again when their answer came in, however late
    // the workflow applies it: the platform's own delay counts against the platform.
    correction.answeredAt = correction.answer.at;
    correction.changedFields = correction.answer.changedFields;
    const state = stateOf(draft, correction.item);
    state.status = 'in-review';
    state.round += 1;
    state.taskId = undefined;
    if (!draft.corrections.some((candidate) => candidate.status === 'open')) {
      draft.status = 'in-review';
      const running = draft.sla.pauses.find((pause) => pause.to === undefined);
      if (running) running.to = correction.answer.at;
      draft.sla.revision++;
    }
    draft.timeline.push({
      at,
      type: 'corrected',
      actor: SYSTEM,
      item: correction.item,
      details: { round: state.round, changedFields: correction.changedFields },
    });
  });
}

function closeCase(draft: CaseRecord, at: string): void {
  draft.closedAt = at;
  const running = draft.sla.pauses.find((pause) => pause.to === undefined);
  if (running) running.to = at;
  draft.sla.state = closedSlaState(draft, at);
  draft.sla.revision++;
}

export function rejectCase(record: CaseRecord, item: Item, at: string): CaseRecord {
  return once(record, 'rejected', (draft) => {
    draft.status = 'rejected';
    for (const state of Object.values(draft.items))
      if (!FINAL_ITEM_STATUSES.has(state.status)) state.status = 'cancelled';
    for (const correction of draft.corrections)
      if (correction.status === 'open') correction.status = 'answered';
    closeCase(draft, at);
    draft.timeline.push({ at, type: 'case-rejected', actor: SYSTEM, item });
  });
}

/** One visit for every item checked on site (联合勘验): the founder's one trip before the results. */
export function arrangeInspection(record: CaseRecord, inspection: JointInspection): CaseRecord {
  return once(record, 'inspection', (draft) => {
    draft.inspection = inspection;
    draft.trips += 1;
    draft.timeline.push({
      at: inspection.arrangedAt,
      type: 'inspection-arranged',
      actor: SYSTEM,
      details: { items: inspection.items, date: inspection.date, slot: inspection.slot },
    });
  });
}

export function recordDelivery(record: CaseRecord, delivery: Delivery): CaseRecord {
  return once(record, 'delivered', (draft) => {
    draft.delivery = delivery;
    if (delivery.method === 'pickup') draft.trips += 1;
    draft.timeline.push({
      at: delivery.dispatchedAt,
      type: 'delivered',
      actor: SYSTEM,
      details: { method: delivery.method },
    });
  });
}

export function completeCase(record: CaseRecord, at: string): CaseRecord {
  return once(record, 'completed', (draft) => {
    draft.status = 'completed';
    closeCase(draft, at);
    draft.timeline.push({ at, type: 'completed', actor: SYSTEM, details: { sla: draft.sla.state } });
  });
}

export function recordFailure(record: CaseRecord, error: string, cause: string, at: string): CaseRecord {
  return once(record, 'failed', (draft) => {
    draft.failure = { error, cause, at };
    draft.timeline.push({ at, type: 'failed', actor: SYSTEM, details: { error } });
  });
}

export function recordSlaPoint(record: CaseRecord, state: 'at-risk' | 'breached', at: string): CaseRecord {
  return once(record, `sla:${state}`, (draft) => {
    draft.sla.state = state;
    if (state === 'at-risk') draft.sla.atRiskAt = at;
    else draft.sla.breachedAt = at;
    const openItems = Object.entries(draft.items)
      .filter(([, item]) => !FINAL_ITEM_STATUSES.has(item.status))
      .map(([item, { department, taskId }]) => ({ item, department, ...(taskId ? { taskId } : {}) }));
    draft.timeline.push({
      at,
      type: `sla-${state}`,
      actor: SYSTEM,
      details: { deadline: draft.sla.deadline, openItems },
    });
  });
}

/** The documents issued on completion, listed once on the case (shared/documents/issue-documents.ts). */
export function recordDocuments(record: CaseRecord, documents: IssuedDocument[], at: string): CaseRecord {
  return once(record, 'documents', (draft) => {
    draft.documents = documents;
    draft.timeline.push({
      at,
      type: 'documents-issued',
      actor: SYSTEM,
      details: {
        documents: documents.map(({ id, kind, item, fileName }) => ({ id, kind, item, fileName })),
      },
    });
  });
}

/** The timeline entries before `upTo` are on the event bus (shared/events/publish.ts). */
export function markEventsPublished(record: CaseRecord, upTo: number): CaseRecord {
  if ((record.eventsPublished ?? 0) >= upTo) return record;
  return { ...record, eventsPublished: upTo };
}

/** Keeps the SLA timer's token, unless the SLA changed since the timer last looked at it. */
export function armSlaTimer(record: CaseRecord, token: string, revision: number): CaseRecord {
  if (record.closedAt) throw new CaseClosed(`Case ${record.id} is closed`);
  if (record.sla.revision !== revision)
    throw new SlaChanged(`Case ${record.id} SLA changed since revision ${revision}`);
  if (record.sla.timerToken === token) return record;
  const draft = structuredClone(record);
  draft.sla.timerToken = token;
  return draft;
}

/** The SLA timer's wait ends for good: the state machine catches it by this name. */
export class CaseClosed extends Error {
  static readonly errorName = 'CaseClosed';
  override name = CaseClosed.errorName;
}

/** The SLA timer looks again: the state machine catches it by this name. */
export class SlaChanged extends Error {
  static readonly errorName = 'SlaChanged';
  override name = SlaChanged.errorName;
}
