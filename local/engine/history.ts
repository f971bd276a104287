import { type FlowEvent, type MachineRuntime, stepKeyFor } from './execution';
import { LAMBDA_INVOKE_CALLBACK } from './lambda-invoke';
import type { ExecutionRecord, StepRecord } from './store';

/** One event as GetExecutionHistory returns it; `timestamp` in epoch milliseconds. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

interface Draft {
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

/**
 * Draws an execution's history the way Step Functions shows it, from what a history replay reported
 * and from the journal, which holds when each task and wait began and ended.
 */
export function renderHistory(
  record: ExecutionRecord,
  flow: readonly FlowEvent[],
  steps: ReadonlyMap<string, StepRecord>,
  machine: MachineRuntime,
): HistoryEvent[] {
  const drafts: Draft[] = [
    {
      timestamp: record.startDate,
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: record.input, inputDetails: { truncated: false } },
    },
  ];
  let last = record.startDate;
  const at = (instant: number | undefined) => {
    last = Math.max(last, instant ?? last);
    return last;
  };

  for (const event of flow) {
    if (!event.state || !event.stateType) continue;
    const type = event.stateType;
    const step = event.visit === undefined ? undefined : steps.get(stepKeyFor(event.state, event.visit));
    switch (event.type) {
      case 'StateEntered': {
        drafts.push({
          timestamp: at(step?.enteredAt),
          type: `${type}StateEntered`,
          stateEnteredEventDetails: { name: event.state, input: JSON.stringify(event.input ?? null) },
        });
        if (type === 'Task' && step) drafts.push(...taskEvents(step, machine));
        if (type === 'Parallel') drafts.push({ timestamp: last, type: 'ParallelStateStarted' });
        break;
      }
      case 'StateExited': {
        const exitedAt = at(step?.completedAt ?? step?.dueAt);
        if (type === 'Parallel') drafts.push({ timestamp: exitedAt, type: 'ParallelStateSucceeded' });
        drafts.push({
          timestamp: exitedAt,
          type: `${type}StateExited`,
          stateExitedEventDetails: { name: event.state, output: JSON.stringify(event.output ?? null) },
        });
        break;
      }
      case 'StateFailed': {
        if (type === 'Parallel') {
          drafts.push({
            timestamp: at(undefined),
            type: 'ParallelStateFailed',
            parallelStateFailedEventDetails: { error: event.error, cause: event.cause },
          });
        }
        break;
      }
    }
  }
  drafts.push(...executionEnd(record));
  drafts.sort((a, b) => a.timestamp - b.timestamp);
  return drafts.map((draft, index) => ({ id: index + 1, previousEventId: index, ...draft }));
}

function taskEvents(step: StepRecord, machine: MachineRuntime): Draft[] {
  const definition = machine.states.get(step.state)?.definition;
  const callback = definition?.Resource === LAMBDA_INVOKE_CALLBACK;
  const resource = { resourceType: 'lambda', resource: callback ? 'invoke.waitForTaskToken' : 'invoke' };
  const events: Draft[] = [];
  let attemptStart = step.enteredAt;
  const started = (instant: number) => {
    events.push({
      timestamp: instant,
      type: 'TaskScheduled',
      taskScheduledEventDetails: { ...resource, region: '' },
    });
    events.push({ timestamp: instant, type: 'TaskStarted', taskStartedEventDetails: resource });
  };
  for (const failure of step.failures) {
    started(attemptStart);
    events.push(
      failure.error === 'States.Timeout'
        ? {
            timestamp: failure.at,
            type: 'TaskTimedOut',
            taskTimedOutEventDetails: { ...resource, ...errorOf(failure) },
          }
        : {
            timestamp: failure.at,
            type: 'TaskFailed',
            taskFailedEventDetails: { ...resource, ...errorOf(failure) },
          },
    );
    attemptStart = failure.at;
  }
  if (step.status === 'retrying' && step.retryAt !== undefined) return events;
  if (step.status !== 'failed') started(step.attemptStartedAt ?? attemptStart);
  if (callback && step.attemptStartedAt !== undefined && step.status !== 'failed') {
    events.push({
      timestamp: step.attemptStartedAt,
      type: 'TaskSubmitted',
      taskSubmittedEventDetails: resource,
    });
  }
  if (step.status === 'succeeded') {
    events.push({
      timestamp: step.completedAt ?? attemptStart,
      type: 'TaskSucceeded',
      taskSucceededEventDetails: { ...resource, output: step.output ?? 'null' },
    });
  }
  return events;
}

function errorOf(failure: { error: string; cause: string }) {
  return { error: failure.error, cause: failure.cause };
}

function executionEnd(record: ExecutionRecord): Draft[] {
  const timestamp = record.stopDate ?? record.startDate;
  switch (record.status) {
    case 'SUCCEEDED':
      return [
        {
          timestamp,
          type: 'ExecutionSucceeded',
          executionSucceededEventDetails: { output: record.output, outputDetails: { truncated: false } },
        },
      ];
    case 'FAILED':
      return [
        {
          timestamp,
          type: 'ExecutionFailed',
          executionFailedEventDetails: { error: record.error, cause: record.cause },
        },
      ];
    case 'ABORTED':
      return [
        {
          timestamp,
          type: 'ExecutionAborted',
          executionAbortedEventDetails: { error: record.error, cause: record.cause },
        },
      ];
    case 'TIMED_OUT':
      return [
        {
          timestamp,
          type: 'ExecutionTimedOut',
          executionTimedOutEventDetails: { error: record.error, cause: record.cause },
        },
      ];
    default:
      return [];
  }
}
