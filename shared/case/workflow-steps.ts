import { localDate } from '../calendar';
import { nextWorkingDay } from '../calendar/next-working-day';
import { now } from '../clock';
import { cases } from '../data/cases';
import { closedCases } from '../data/closed-cases';
import { tasks } from '../data/tasks';
import { emitMetric, MetricUnit } from '../observability';
import { closedCase } from '../ops/closed-case';
import { resumeTask } from '../workflow-client';
import { closeOpenTasks, keepTaskDeadlinesCurrent, taskIdFor } from './case-tasks';
import { instantApprovalBlockers, instantApprovalRules } from './instant-approval';
import { catalogueItem, type Item, itemsOf } from './items';
import type { CaseRecord, Delivery, ItemResult, JointInspection, RegistrationResult } from './model';
import {
  expressTrackingNumber,
  invoiceResult,
  issuedResult,
  registrationResult,
  sealResult,
} from './results';
import { currentDeadline, isPaused, liveSla } from './sla';
import { secondsUntilNextLook, taskDeadline } from './sla-timer';
import { releaseOpenCase } from './submission-limits';
import {
  applyCorrection as applyCorrectionTo,
  applyDecision as applyDecisionTo,
  approveInstantly,
  armSlaTimer as armSlaTimerOn,
  arrangeInspection,
  attachCorrectionToken,
  completeCase,
  type Decision,
  openTask,
  recordDelivery,
  recordFailure as recordFailureOn,
  recordSlaPoint,
  rejectCase as rejectCaseOn,
  startCase,
  startItemReview,
  stateOf,
  TransitionRefused,
} from './transitions';
import { type WorkflowPlan, workflowPlan } from './workflow-plan';

/**
 * What each workflow step does to a case: read it, apply one transition, write it back, then the side
 * effects that follow (department tasks, the SLA timer, metrics). Steps are safe to run again.
 */

const instant = () => now().toISOString();

function itemResult(record: CaseRecord, item: Item, at: string): ItemResult {
  switch (item) {
    case 'registration':
      return registrationResult(record.id, record.form, localDate(at));
    case 'invoice':
      return invoiceResult(record.form, record.items.registration?.result as RegistrationResult | undefined);
    case 'seal':
      return sealResult(record.id, record.form);
    default:
      return issuedResult(record.id, item, record.form, catalogueItem(item).results, new Date(at));
  }
}

async function pokeSlaTimer(record: CaseRecord): Promise<void> {
  if (record.sla.timerToken) await resumeTask(record.sla.timerToken, {});
}

/** Starts the case and tells the state machine which bundle it runs and which of its items. */
export async function intake(applicationId: string): Promise<WorkflowPlan> {
  const record = await cases.update(applicationId, (current) => startCase(current, instant()));
  return workflowPlan(record);
}

/**
 * 联合勘验: every item of the case checked on site is inspected at one visit, arranged when the first of
 * them starts (the next working day at the premises), so the founder makes one trip for all of them.
 */
function jointInspection(record: CaseRecord, at: string): JointInspection | undefined {
  const items = itemsOf(record).filter((item) => catalogueItem(item).onSiteInspection);
  if (items.length === 0) return undefined;
  const { district, street, detail } = record.form.company.address;
  return {
    items,
    date: nextWorkingDay(new Date(at)),
    slot: '09:00-12:00',
    address: `${district}${street}${detail}`,
    arrangedAt: at,
  };
}

/** Rules first: an item that meets its department's standard conditions is approved on the spot. */
export async function reviewRules(applicationId: string, item: Item): Promise<{ instant: boolean }> {
  const at = instant();
  const { record, changed } = await cases.change(applicationId, (current) => {
    const inspection =
      catalogueItem(item).onSiteInspection && !current.inspection ? jointInspection(current, at) : undefined;
    const reviewing = startItemReview(current, item, at);
    const started = inspection ? arrangeInspection(reviewing, inspection) : reviewing;
    const state = stateOf(started, item);
    if (state.status !== 'in-review' || state.taskId) return started;
    const blockers = instantApprovalBlockers(item, started.form, instantApprovalRules());
    return blockers.length === 0
      ? approveInstantly(started, item, itemResult(started, item, at), at)
      : started;
  });
  const handledInstantly = stateOf(record, item).instant === true;
  if (handledInstantly && changed)
    emitMetric('ItemDecided', 1, MetricUnit.Count, { item, outcome: 'instant' });
  return { instant: handledInstantly };
}

/** Puts the item in its department's inbox, holding the token the officer's decision resumes. */
export async function openDepartmentTask(applicationId: string, item: Item, token: string): Promise<void> {
  const at = instant();
  const record = await cases.get(applicationId);
  if (!record) throw new TransitionRefused(`Case ${applicationId} does not exist`);
  const { round, department } = stateOf(record, item);
  const taskId = taskIdFor(applicationId, item, round);
  await tasks.open({
    id: taskId,
    applicationId,
    item,
    department,
    round,
    status: 'open',
    slaDeadline: taskDeadline(record, now()),
    createdAt: at,
    companyName: record.form.company.name.full,
    token,
  });
  const opened = await cases.update(applicationId, (current) => openTask(current, item, taskId, at));
  // A correction paused or resumed the clock since the read: a step doing so later finds this task on
  // the case, but one that did so in between could not have.
  if (opened.sla.revision !== record.sla.revision) await keepTaskDeadlinesCurrent(opened, now());
}

export async function applyDecision(
  applicationId: string,
  item: Item,
  decision: Decision,
): Promise<{ outcome: Decision['outcome'] }> {
  const { record, changed } = await cases.change(applicationId, (current) =>
    applyDecisionTo(
      current,
      item,
      decision,
      decision.outcome === 'approved' ? itemResult(current, item, decision.decidedAt) : undefined,
    ),
  );
  const task = await tasks.get(decision.taskId);
  if (task?.status === 'open') {
    await tasks.close(task, {
      outcome: decision.outcome,
      decidedBy: decision.decidedBy,
      decidedAt: decision.decidedAt,
    });
  }
  if (decision.outcome === 'correction-requested') await pokeSlaTimer(record);
  if (changed) emitMetric('ItemDecided', 1, MetricUnit.Count, { item, outcome: decision.outcome });
  return { outcome: decision.outcome };
}

function latestCorrection(record: CaseRecord, item: Item) {
  const correction = record.corrections.filter((candidate) => candidate.item === item).at(-1);
  if (!correction) throw new TransitionRefused(`Case ${record.id} has no correction request for ${item}`);
  return correction;
}

export async function awaitCorrection(applicationId: string, item: Item, token: string): Promise<void> {
  await cases.update(applicationId, (record) =>
    attachCorrectionToken(record, latestCorrection(record, item).id, token),
  );
}

export async function applyCorrection(applicationId: string, item: Item): Promise<void> {
  const at = instant();
  const record = await cases.update(applicationId, (current) => {
    const corrected = applyCorrectionTo(current, latestCorrection(current, item).id, at);
    if (corrected === current) return current;
    return { ...corrected, sla: { ...corrected.sla, deadline: currentDeadline(corrected, now()) } };
  });
  await keepTaskDeadlinesCurrent(record, now());
  await pokeSlaTimer(record);
}

/** Open tasks close before the case shows its final state, so no inbox lists a case that has ended. */
async function closeOpenTasksOf(applicationId: string, at: string): Promise<void> {
  const record = await cases.get(applicationId);
  if (record) await closeOpenTasks(record, at);
}

export async function rejectCase(applicationId: string, item: Item): Promise<void> {
  const at = instant();
  await closeOpenTasksOf(applicationId, at);
  const { record, changed } = await cases.change(applicationId, (current) => rejectCaseOn(current, item, at));
  await closedCases.record(closedCase(record));
  await releaseOpenCase(record);
  await pokeSlaTimer(record);
  if (changed) emitMetric('CaseRejected', 1, MetricUnit.Count, { item });
}

/** Results leave by express (no trip) or wait for one pickup appointment (one trip). */
export async function deliver(applicationId: string): Promise<void> {
  const at = now();
  await cases.update(applicationId, (record) => {
    const method = record.form.delivery;
    const delivery: Delivery =
      method.method === 'express'
        ? {
            method: 'express',
            carrier: 'SF Express',
            trackingNumber: expressTrackingNumber(record.id),
            dispatchedAt: at.toISOString(),
          }
        : {
            method: 'pickup',
            appointment: {
              serviceCentre: method.serviceCentre,
              date: nextWorkingDay(at),
              slot: '09:00-12:00',
            },
            dispatchedAt: at.toISOString(),
          };
    return recordDelivery(record, delivery);
  });
}

/** Closes the case, keeps its KPI facts for the ops board and reports the reform's KPIs per item. */
export async function closeCase(applicationId: string): Promise<void> {
  const at = instant();
  const { record, changed } = await cases.change(applicationId, (current) => completeCase(current, at));
  const closed = closedCase(record);
  await closedCases.record(closed);
  await releaseOpenCase(record);
  await pokeSlaTimer(record);
  // KPIs count each case once, even when a retry runs this step again after its write landed.
  if (!changed) return;
  for (const { item, department, ratio, instant } of closed.items) {
    const dimensions = { item, department };
    if (ratio !== undefined) emitMetric('WorkingTimeRatio', ratio, MetricUnit.NoUnit, dimensions);
    emitMetric('HandledInstantly', instant ? 1 : 0, MetricUnit.Count, dimensions);
    emitMetric('HandledOnline', closed.online ? 1 : 0, MetricUnit.Count, dimensions);
  }
  emitMetric('Trips', closed.trips, MetricUnit.Count);
  emitMetric('WithinSla', closed.sla === 'met' ? 1 : 0, MetricUnit.Count);
  emitMetric('CaseCompleted', 1, MetricUnit.Count);
}

/** The SLA timer: records the at-risk and breach points that are due and says when to look again. */
export async function checkSla(
  applicationId: string,
): Promise<{ done: boolean; waitSeconds: number; revision: number }> {
  const current = await cases.get(applicationId);
  if (!current) throw new TransitionRefused(`Case ${applicationId} does not exist`);
  if (current.closedAt) return { done: true, waitSeconds: 1, revision: current.sla.revision };
  const at = now();
  const live = liveSla(current, at);
  let record = current;
  if (live.state === 'at-risk' || live.state === 'breached') {
    const points = live.state === 'breached' ? (['at-risk', 'breached'] as const) : (['at-risk'] as const);
    record = await cases.update(applicationId, (latest) =>
      points.reduce((next, point) => recordSlaPoint(next, point, at.toISOString()), latest),
    );
    for (const point of points) {
      if (current.applied.includes(`sla:${point}`)) continue;
      for (const item of itemsOf(record)) {
        const state = stateOf(record, item);
        if (state.status !== 'in-review' && state.status !== 'awaiting-correction') continue;
        const metric = point === 'at-risk' ? 'SlaAtRisk' : 'SlaBreached';
        emitMetric(metric, 1, MetricUnit.Count, { item, department: state.department });
      }
    }
  }
  // Also when the clock runs: a look that read the case paused just before an answer resumed it may
  // have left a task on its estimate; the timer looks again after every resume.
  await keepTaskDeadlinesCurrent(record, at);
  if (isPaused(record)) await resumeAnsweredCorrections(record);
  return { done: false, waitSeconds: secondsUntilNextLook(record, at), revision: record.sla.revision };
}

/**
 * A founder's answer is stored before the workflow is resumed; if the resume was lost (a crash, a
 * throttled call) and the client does not send the answer again, it would wait forever. While the
 * clock is paused each look of the SLA timer resumes any answered request still waiting, within half
 * the time paused so far (at most four hours). A spent token is simply refused.
 */
async function resumeAnsweredCorrections(record: CaseRecord): Promise<void> {
  for (const correction of record.corrections) {
    if (correction.status === 'open' && correction.answer && correction.token) {
      await resumeTask(correction.token, { correctionId: correction.id });
    }
  }
}

export async function armSlaTimer(applicationId: string, token: string, revision: number): Promise<void> {
  await cases.update(applicationId, (record) => armSlaTimerOn(record, token, revision));
}

export async function recordFailure(applicationId: string, error: string, cause: string): Promise<void> {
  const at = instant();
  await closeOpenTasksOf(applicationId, at);
  const { changed } = await cases.change(applicationId, (current) =>
    recordFailureOn(current, error, cause, at),
  );
  if (changed) emitMetric('CaseFailed', 1, MetricUnit.Count);
}
