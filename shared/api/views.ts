import type * as z from 'zod';
import { WORKING_DAY_MS, workingTimeBetween } from '../calendar';
import { departmentName, type Item, itemName, itemReads, itemsOf } from '../case/items';
import type { CaseRecord, DepartmentTask, TimelineEvent } from '../case/model';
import { liveSla } from '../case/sla';
import { stateOf } from '../case/transitions';
import { CATALOGUE } from '../catalogue';
import { bundleOf, DEFAULT_BUNDLE } from '../catalogue/case-plan';
import type { CaseListing, TaskListing } from '../data/listings';
import { formReadsOf, formView } from './form-view';
import type {
  caseSummarySchema,
  caseViewSchema,
  itemViewSchema,
  taskDetailSchema,
  taskViewSchema,
} from './responses';
import type { Viewer } from './viewer';

/**
 * What the API shows. Task tokens, idempotency bookkeeping and applied-transition keys stay inside;
 * people are named by role (and by id only to those who may act on the case). A case is shown as its
 * viewer may see it (viewer.ts): a list shows no person at all.
 */
export function caseSummary(listing: CaseListing, now: Date): z.output<typeof caseSummarySchema> {
  const sla = liveSla(
    { submittedAt: listing.submittedAt, closedAt: listing.closedAt, sla: listing.slaClock },
    now,
  );
  return {
    id: listing.id,
    status: listing.status,
    companyName: listing.companyName,
    submittedAt: listing.submittedAt,
    closedAt: listing.closedAt ?? null,
    sla: { deadline: sla.deadline, deadlineDate: sla.deadlineDate, state: sla.state },
    items: listing.itemStatuses,
  };
}

/** Items whose reasons, notes, task and corrections the viewer reads. */
function itemsInFull(record: CaseRecord, viewer: Viewer): readonly Item[] {
  if (viewer.role === 'party') return itemsOf(record);
  if (viewer.role === 'ops') return [];
  return viewer.items;
}

/** Items whose result the viewer reads: their own, and those their items build on. */
function itemsWithResult(record: CaseRecord, viewer: Viewer): readonly Item[] {
  if (viewer.role !== 'officer') return itemsInFull(record, viewer);
  return [...viewer.items, ...viewer.items.flatMap((item) => itemReads(item).dependsOn)];
}

function bundleView(record: CaseRecord) {
  const id = record.bundle ?? DEFAULT_BUNDLE;
  const bundle = bundleOf(CATALOGUE, id);
  return { id, name: bundle?.name ?? { zh: id, en: id } };
}

export function caseView(record: CaseRecord, now: Date, viewer: Viewer): z.output<typeof caseViewSchema> {
  const sla = liveSla(record, now);
  const inFull = itemsInFull(record, viewer);
  const withResult = itemsWithResult(record, viewer);
  return {
    id: record.id,
    status: record.status,
    channel: record.form.channel,
    submittedAt: record.submittedAt,
    closedAt: record.closedAt ?? null,
    filedBy: { role: record.filedBy.role },
    bundle: bundleView(record),
    catalogueVersion: record.catalogueVersion ?? null,
    application: formView(record.form, formReadsOf(viewer), record.files),
    items: Object.fromEntries(
      itemsOf(record).map((item) => [
        item,
        itemView(record, item, inFull.includes(item), withResult.includes(item)),
      ]),
    ) as Record<Item, z.output<typeof itemViewSchema>>,
    sla: slaView(record, sla),
    corrections: record.corrections
      .filter((correction) => viewer.role === 'ops' || inFull.includes(correction.item))
      .map((correction) => correctionView(correction, inFull.includes(correction.item))),
    timeline: record.timeline.map((event) => timelineView(event, inFull)),
    trips: record.trips,
    inspection: record.inspection ?? null,
    delivery: viewer.role === 'party' ? (record.delivery ?? null) : null,
    failure: record.failure ? { error: record.failure.error, at: record.failure.at } : null,
  };
}

/** The task with what its department reads of the case (ITEM_READS), as the task's officer sees it. */
export function taskDetail(
  task: DepartmentTask,
  record: CaseRecord,
  now: Date,
): z.output<typeof taskDetailSchema> {
  const view = caseView(record, now, { role: 'officer', items: [task.item] });
  return {
    task: taskView(task, now),
    application: {
      id: view.id,
      status: view.status,
      submittedAt: view.submittedAt,
      form: view.application,
      item: presentItem(view.items, task.item),
      corrections: view.corrections,
      upstream: itemReads(task.item).dependsOn.map((item) => ({
        item,
        status: presentItem(view.items, item).status,
        result: presentItem(view.items, item).result,
      })),
      sla: view.sla,
    },
  };
}

function presentItem<T>(items: Record<Item, T>, item: Item): T {
  const view = items[item];
  if (view === undefined) throw new RangeError(`The case does not run the item ${item}`);
  return view;
}

function itemView(
  record: CaseRecord,
  item: Item,
  inFull: boolean,
  withResult: boolean,
): z.output<typeof itemViewSchema> {
  const state = stateOf(record, item);
  return {
    name: itemName(item),
    status: state.status,
    department: state.department,
    departmentName: departmentName(state.department),
    round: state.round,
    instant: state.instant ?? false,
    taskId: inFull ? (state.taskId ?? null) : null,
    startedAt: state.startedAt ?? null,
    decidedAt: state.decidedAt ?? null,
    result: withResult ? (state.result ?? null) : null,
    reasons: inFull ? (state.reasons ?? []) : [],
    note: inFull ? (state.note ?? null) : null,
  };
}

function slaView(record: CaseRecord, sla: ReturnType<typeof liveSla>) {
  return {
    workingDays: record.sla.workingDays,
    deadline: sla.deadline,
    deadlineDate: sla.deadlineDate,
    state: sla.state,
    pausedMs: sla.pausedMs,
    remainingMs: sla.remainingMs,
    calendar: sla.calendar,
    paused: record.sla.pauses.some((pause) => pause.to === undefined),
    atRiskAt: record.sla.atRiskAt ?? null,
    breachedAt: record.sla.breachedAt ?? null,
  };
}

/** A correction outside the viewer's items (ops) shows that it happened, not what the officer wrote. */
function correctionView(correction: CaseRecord['corrections'][number], inFull: boolean) {
  return {
    id: correction.id,
    item: correction.item,
    round: correction.round,
    status: correction.status,
    requestedAt: correction.requestedAt,
    reasons: inFull ? correction.reasons : [],
    note: inFull ? (correction.note ?? null) : null,
    answerSubmitted: correction.answer !== undefined,
    answeredAt: correction.answeredAt ?? null,
    changedFields: correction.changedFields ?? [],
  };
}

/**
 * An event about items the viewer does not read in full keeps its time and kind, not its details (the
 * officer's reasons and note, the founder's note to another department).
 */
function timelineView(event: TimelineEvent, inFull: readonly Item[]) {
  const about = event.item ? [event.item] : itemsNamed(event.details?.items);
  const shown = about.length === 0 || about.some((item) => inFull.includes(item));
  return {
    at: event.at,
    type: event.type,
    item: event.item ?? null,
    actor: { role: event.actor.role, department: event.actor.department ?? null },
    details: shown ? (event.details ?? {}) : {},
  };
}

function itemsNamed(value: unknown): Item[] {
  return Array.isArray(value) ? value.filter((item): item is Item => typeof item === 'string') : [];
}

export function taskView(task: TaskListing, now: Date): z.output<typeof taskViewSchema> {
  const remainingMs = workingTimeBetween(now, task.slaDeadline);
  return {
    id: task.id,
    applicationId: task.applicationId,
    item: task.item,
    department: task.department,
    round: task.round,
    status: task.status,
    companyName: task.companyName,
    slaDeadline: task.slaDeadline,
    atRisk: task.status === 'open' && remainingMs < WORKING_DAY_MS,
    overdue: task.status === 'open' && now.getTime() > Date.parse(task.slaDeadline),
    createdAt: task.createdAt,
    outcome: task.outcome ?? null,
    decidedAt: task.decidedAt ?? null,
  };
}
