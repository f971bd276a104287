import type { RuntimeClock } from '../clock';
import type { StepRecord } from './store';
import type { TaskOutcome } from './task-outcome';

/** A `.waitForTaskToken` attempt waiting for its callback, its timeout or its heartbeat timeout. */
export interface Waiter {
  attempt: number;
  /** Settles once the waiting step is durable: a callback must not be acknowledged before that. */
  persisted: Promise<boolean>;
  markPersisted: (persisted: boolean) => void;
  settle: (outcome: TaskOutcome) => void;
  outcome: Promise<TaskOutcome>;
  cancelTimeout: () => void;
  cancelHeartbeat: () => void;
}

/** Closes a waiting attempt as failed with `error`, unless something else closed it first. */
export type ExpireAttempt = (attempt: number, error: string, cause: string) => void;

export function openWaiter(attempt: number): Waiter {
  let markPersisted!: (persisted: boolean) => void;
  const persisted = new Promise<boolean>((resolve) => {
    markPersisted = resolve;
  });
  let settle!: (outcome: TaskOutcome) => void;
  const outcome = new Promise<TaskOutcome>((resolve) => {
    settle = resolve;
  });
  return {
    attempt,
    persisted,
    markPersisted,
    settle,
    outcome,
    cancelTimeout: () => {},
    cancelHeartbeat: () => {},
  };
}

export function armTimeout(
  waiter: Waiter,
  timeoutAt: number,
  attempt: number,
  clock: RuntimeClock,
  expire: ExpireAttempt,
): void {
  waiter.cancelTimeout = clock.at(timeoutAt, () => {
    expire(attempt, 'States.Timeout', 'The task did not complete within its timeout');
  });
}

export function armHeartbeat(
  waiter: Waiter,
  step: StepRecord | undefined,
  clock: RuntimeClock,
  expire: ExpireAttempt,
): void {
  if (step?.heartbeatSeconds === undefined || step.lastHeartbeatAt === undefined) return;
  const attempt = step.attempt;
  const dueAt = step.lastHeartbeatAt + step.heartbeatSeconds * 1000;
  waiter.cancelHeartbeat();
  waiter.cancelHeartbeat = clock.at(dueAt, () => {
    expire(attempt, 'States.HeartbeatTimeout', 'No heartbeat within HeartbeatSeconds');
  });
}

export function cancelTimers(waiter: Waiter): void {
  waiter.cancelTimeout();
  waiter.cancelHeartbeat();
}
