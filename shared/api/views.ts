import type * as z from 'zod';
import { WORKING_DAY_MS, workingTimeBetween } from '../calendar';
import { DEPARTMENT_NAMES, ITEM_NAMES, ITEMS, type Item } from '../case/items';
import type { CaseRecord, TimelineEvent } from '../case/model';
import { liveSla } from '../case/sla';
import type { CaseListing, TaskListing } from '../data/listings';
import type { caseSummarySchema, caseViewSchema, itemViewSchema, taskViewSchema } from './responses';

/**
 * What the API shows. Task tokens, idempotency bookkeeping and applied-transition keys stay inside;
 * people are named by role (and by id only to those who may act on the case).
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

export function caseView(record: CaseRecord, now: Date): z.output<typeof caseViewSchema> {
  const sla = liveSla(record, now);
  return {
    id: record.id,
    status: record.status,
    channel: record.form.channel,
    submittedAt: record.submittedAt,
    closedAt: record.closedAt ?? null,
    filedBy: { role: record.filedBy.role },
    application: record.form,
    items: Object.fromEntries(
      ITEMS.map((item) => {
        const state = record.items[item];
        return [
          item,
          {
            name: ITEM_NAMES[item],
            status: state.status,
            department: state.department,
            departmentName: DEPARTMENT_NAMES[state.department],
            round: state.round,
            instant: state.instant ?? false,
            taskId: state.taskId ?? null,
            startedAt: state.startedAt ?? null,
            decidedAt: state.decidedAt ?? null,
            result: state.result ?? null,
            reasons: state.reasons ?? [],
            note: state.note ?? null,
          },
        ];
      }),
    ) as Record<Item, z.output<typeof itemViewSchema>>,
    sla: {
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
    },
    corrections: record.corrections.map((correction) => ({
      id: correction.id,
      item: correction.item,
      round: correction.round,
      status: correction.status,
      requestedAt: correction.requestedAt,
      reasons: correction.reasons,
      note: correction.note ?? null,
      answerSubmitted: correction.answer !== undefined,
      answeredAt: correction.answeredAt ?? null,
      changedFields: correction.changedFields ?? [],
    })),
    timeline: record.timeline.map(timelineView),
    trips: record.trips,
    delivery: record.delivery ?? null,
    failure: record.failure ? { error: record.failure.error, at: record.failure.at } : null,
  };
}

function timelineView(event: TimelineEvent) {
  return {
    at: event.at,
    type: event.type,
    item: event.item ?? null,
    actor: { role: event.actor.role, department: event.actor.department ?? null },
    details: event.details ?? {},
  };
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
