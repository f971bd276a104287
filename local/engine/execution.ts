import { setImmediate as nextTurn } from 'node:timers/promises';
import type { StateMachine } from 'aws-local-stepfunctions';
import type { RuntimeClock } from '../clock';
import { type LambdaHandler, stableRequestId } from '../lambda-context';
import { type Json, type MachineDefinition, type StateInfo, TASK_TOKEN_PLACEHOLDER } from './asl';
import {
  armHeartbeat,
  armTimeout,
  cancelTimers,
  type ExpireAttempt,
  openWaiter,
  type Waiter,
} from './callback-waiter';
import { taskTimedOut } from './errors';
import { runtimeError, taskError } from './interpreter-errors';
import { type Invocation, invocationOf, invokeFunction, withToken } from './lambda-invoke';
import { type Retrier, retryDelayMs } from './retry';
import type { ExecutionRecord, ExecutionStore, StepRecord } from './store';
import type { TaskOutcome } from './task-outcome';
import type { TaskTokens } from './tokens';

/** One version of a machine, ready to run: its definition, indexed, and an interpreter for it. */
export interface MachineRuntime {
  /** The unqualified ARN. */
  arn: string;
  name: string;
  version: number;
  versionArn: string;
  definition: MachineDefinition;
  states: Map<string, StateInfo>;
  interpreter: StateMachine;
  functions: Record<string, LambdaHandler>;
}

export interface EngineServices {
  store: ExecutionStore;
  clock: RuntimeClock;
  tokens: TaskTokens;
  timeoutError: () => Error;
  region: string;
  accountId: string;
  onTransition: () => void;
  onFinished: (run: ExecutionRun) => void;
  onFunctionError: (functionName: string, errorType: string) => void;
}

/** What the interpreter reported, kept only by history replays. */
export interface FlowEvent {
  type: string;
  state: string;
  stateType?: string;
  visit?: number;
  input?: Json;
  output?: Json;
  error?: string;
  cause?: string;
}

export const stepKeyFor = (state: string, visit: number) => `${state}#${String(visit).padStart(5, '0')}`;

/**
 * One execution: the interpreter runs the definition from the start and every Task or Wait it reaches
 * asks the journal first. What the journal holds is returned at once (replay); what it lacks runs for
 * real and is journaled before the interpreter moves on. In `history` mode nothing runs for real: the
 * replay stops at the journal's end and only reports what happened.
 */
export class ExecutionRun {
  readonly steps: Map<string, StepRecord>;
  readonly flow: FlowEvent[] = [];
  finished: Promise<unknown> = Promise.resolve();
  private readonly wrapperVisits = new Map<string, number>();
  private readonly eventVisits = new Map<string, number>();
  private readonly openParallels = new Set<string>();
  private readonly waiters = new Map<string, Waiter>();
  private readonly timers = new Set<() => void>();
  private abortInterpreter: (() => void) | undefined;
  private finishing = false;
  private closed = false;
  /**
   * What a step that must not run returns (an aborted branch, the end of a history replay, a stopped
   * execution): it settles only when the run is disposed, so the interpreter lets go of it then.
   */
  private readonly halted: Promise<null>;
  private halt: () => void = () => {};

  constructor(
    private readonly services: EngineServices,
    readonly machine: MachineRuntime,
    public record: ExecutionRecord,
    steps: Iterable<StepRecord>,
    private readonly mode: 'live' | 'history' = 'live',
  ) {
    this.steps = new Map([...steps].map((step) => [step.stepKey, step]));
    this.halted = new Promise((resolve) => {
      this.halt = () => resolve(null);
    });
  }

  get isRunning(): boolean {
    return !this.closed && !this.finishing && this.record.status === 'RUNNING';
  }

  start(): void {
    const handlers = Object.fromEntries(
      [...this.machine.states.values()]
        .filter((info) => info.definition.Type === 'Task' || info.definition.Type === 'Wait')
        .map((info) => [info.name, (input: unknown) => this.step(info, input as Json)]),
    );
    const startTime = new Date(this.record.startDate).toISOString();
    const input = JSON.parse(this.record.input) as Json;
    const execution = this.machine.interpreter.run(input as never, {
      noThrowOnAbort: true,
      overrides: { taskResourceLocalHandlers: handlers as never },
      context: {
        Execution: { Id: this.record.executionArn, Name: this.record.name },
        StateMachine: { Id: this.machine.arn, Name: this.machine.name },
        DurableExecution: {
          Id: this.record.executionArn,
          Name: this.record.name,
          Input: input,
          StartTime: startTime,
        },
        DurableTask: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    });
    this.abortInterpreter = execution.abort;
    void this.consume(execution.eventLogs as AsyncGenerator<Record<string, unknown>>);
    this.finished = execution.result.then(
      (output) => this.finish({ status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
      (failure: Error) => {
        const cause = failure.cause as Error | undefined;
        return this.finish({
          status: 'FAILED',
          error: cause?.name ?? failure.name,
          cause: cause?.message ?? '',
        });
      },
    );
    const timeoutSeconds = this.machine.definition.TimeoutSeconds;
    if (timeoutSeconds !== undefined && this.mode === 'live') {
      this.schedule(this.record.startDate + timeoutSeconds * 1000, () => {
        void this.finish({ status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' });
      });
    }
  }

  /** Stops the execution (StopExecution); false when it had already stopped. */
  async stop(error?: string, cause?: string): Promise<boolean> {
    return this.finish({ status: 'ABORTED', error, cause });
  }

  /** Lets a history replay run until it has taken every step the journal holds. */
  async settle(): Promise<void> {
    let seen = -1;
    while (seen !== this.flow.length && !this.closed) {
      seen = this.flow.length;
      await nextTurn();
      await nextTurn();
    }
  }

  dispose(): void {
    this.closed = true;
    for (const cancel of this.timers) cancel();
    this.timers.clear();
    for (const waiter of this.waiters.values()) cancelTimers(waiter);
    this.waiters.clear();
    this.abortInterpreter?.();
    this.halt();
  }

  /**
   * Resolves the task attempt a token names with a callback's outcome. Exactly one of a callback, a
   * timeout, a heartbeat timeout and a cancellation wins; every other one is told TaskTimedOut.
   */
  async deliver(stepKey: string, attempt: number, outcome: TaskOutcome): Promise<void> {
    const waiter = this.waiters.get(stepKey);
    if (waiter?.attempt === attempt) await waiter.persisted;
    const step = this.steps.get(stepKey);
    if (!this.isRunning || step?.status !== 'waiting' || step.attempt !== attempt) throw taskTimedOut();
    const next = outcome.ok
      ? {
          ...step,
          status: 'succeeded' as const,
          output: JSON.stringify(outcome.output),
          completedAt: this.services.clock.now(),
        }
      : this.afterFailure(step, outcome.error, outcome.cause);
    if (!(await this.services.store.replaceWaitingStep(this.record.executionArn, attempt, next))) {
      throw taskTimedOut();
    }
    this.steps.set(stepKey, next);
    const current = this.waiters.get(stepKey);
    if (current?.attempt === attempt) current.settle({ ...outcome, recorded: true });
  }

  async heartbeat(stepKey: string, attempt: number): Promise<void> {
    const step = this.steps.get(stepKey);
    const waiter = this.waiters.get(stepKey);
    if (!this.isRunning || step?.status !== 'waiting' || step.attempt !== attempt) throw taskTimedOut();
    const at = this.services.clock.now();
    if (!(await this.services.store.recordHeartbeat(this.record.executionArn, stepKey, attempt, at))) {
      throw taskTimedOut();
    }
    this.steps.set(stepKey, { ...step, lastHeartbeatAt: at });
    if (waiter?.attempt === attempt)
      armHeartbeat(waiter, this.steps.get(stepKey), this.services.clock, this.expiry(stepKey));
  }

  private async finish(
    outcome: Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>,
  ): Promise<boolean> {
    if (this.closed || this.finishing || this.record.status !== 'RUNNING') return false;
    this.finishing = true;
    if (this.mode === 'history') {
      this.record = { ...this.record, ...outcome };
      this.closed = true;
      return true;
    }
    const finishing = { ...outcome, stopDate: this.services.clock.now() };
    const finished = await this.services.store.finishExecution(this.record, finishing);
    if (finished) this.record = { ...this.record, ...finishing };
    this.dispose();
    this.services.onFinished(this);
    return finished;
  }

  private async consume(events: AsyncGenerator<Record<string, unknown>>): Promise<void> {
    for await (const event of events) {
      const state = event.state as { name: string; type: string; input?: Json; output?: Json } | undefined;
      if (event.type === 'StateEntered' && state) {
        this.services.onTransition();
        if (state.type === 'Parallel') this.openParallels.add(state.name);
      }
      if ((event.type === 'StateExited' || event.type === 'StateFailed') && state?.type === 'Parallel') {
        this.openParallels.delete(state.name);
        if (event.type === 'StateFailed') this.cancelInside(state.name);
      }
      if (this.mode === 'history' && state) this.flow.push(this.toFlowEvent(event, state));
    }
  }

  private toFlowEvent(
    event: Record<string, unknown>,
    state: { name: string; type: string; input?: Json; output?: Json },
  ): FlowEvent {
    let visit = this.eventVisits.get(state.name);
    if (event.type === 'StateEntered') {
      visit = (visit ?? 0) + 1;
      this.eventVisits.set(state.name, visit);
    }
    return {
      type: event.type as string,
      state: state.name,
      stateType: this.machine.states.get(state.name)?.definition.Type,
      visit,
      input: state.input,
      output: state.output,
      error: event.Error as string | undefined,
      cause: event.Cause === undefined ? undefined : String(event.Cause),
    };
  }

  /** When a Parallel fails its other branches stop; their open tasks close as Step Functions closes them. */
  private cancelInside(parallel: string): void {
    for (const [stepKey, waiter] of [...this.waiters]) {
      const step = this.steps.get(stepKey);
      if (!step || !this.machine.states.get(step.state)?.enclosingParallels.includes(parallel)) continue;
      this.waiters.delete(stepKey);
      cancelTimers(waiter);
      if (this.mode === 'live') void this.persistCancellation(step);
    }
  }

  private async persistCancellation(step: StepRecord): Promise<void> {
    if (step.status !== 'waiting') return;
    const cancelled = { ...step, status: 'cancelled' as const, completedAt: this.services.clock.now() };
    if (await this.services.store.replaceWaitingStep(this.record.executionArn, step.attempt, cancelled)) {
      this.steps.set(step.stepKey, cancelled);
    }
  }

  private async step(info: StateInfo, params: Json): Promise<Json> {
    const visit = (this.wrapperVisits.get(info.name) ?? 0) + 1;
    this.wrapperVisits.set(info.name, visit);
    const stepKey = stepKeyFor(info.name, visit);
    const journaled = this.steps.get(stepKey);
    if (info.definition.Type === 'Wait') return this.wait(info, stepKey, visit, params, journaled);
    if (journaled?.status === 'succeeded') return JSON.parse(journaled.output ?? 'null') as Json;
    if (journaled?.status === 'failed')
      throw this.failureError(journaled.error ?? 'States.TaskFailed', journaled.cause ?? '');
    if (journaled?.status === 'cancelled' || this.mode === 'history' || !this.isRunning) return this.halted;
    if (!journaled && info.enclosingParallels.length > 0 && !(await this.stillReachable(info)))
      return this.halted;
    return this.task(info, stepKey, visit, params as unknown as TaskParameters, journaled);
  }

  /**
   * A step inside a Parallel that the journal has never seen runs for real only if its branch is still
   * alive: during a replay a sibling branch may fail a moment later than it did originally, so the step
   * waits one turn of the event loop for replayed failures to land before it runs.
   */
  private async stillReachable(info: StateInfo): Promise<boolean> {
    await nextTurn();
    return this.isRunning && info.enclosingParallels.every((parallel) => this.openParallels.has(parallel));
  }

  private async wait(
    info: StateInfo,
    stepKey: string,
    visit: number,
    params: Json,
    journaled: StepRecord | undefined,
  ): Promise<Json> {
    const { input, seconds, timestamp } = params as { input: Json; seconds?: number; timestamp?: string };
    let dueAt = journaled?.dueAt;
    if (dueAt === undefined && timestamp !== undefined) {
      dueAt = Date.parse(timestamp);
      if (Number.isNaN(dueAt)) throw runtimeError(`Wait state "${info.name}" got an invalid timestamp`);
    }
    if (dueAt === undefined) {
      if (this.mode === 'history' || !this.isRunning) return this.halted;
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
        throw runtimeError(`Wait state "${info.name}" needs a whole number of seconds ≥ 0`);
      }
      const enteredAt = this.services.clock.now();
      dueAt = enteredAt + seconds * 1000;
      const step: StepRecord = {
        stepKey,
        state: info.name,
        visit,
        kind: 'wait',
        status: 'waiting',
        enteredAt,
        attempt: 0,
        failures: [],
        dueAt,
      };
      this.steps.set(stepKey, step);
      await this.services.store.putStep(this.record.executionArn, step);
    }
    if (dueAt > this.services.clock.now()) {
      if (this.mode === 'history') return this.halted;
      await this.sleepUntil(dueAt);
    }
    return input;
  }

  private async task(
    info: StateInfo,
    stepKey: string,
    visit: number,
    params: TaskParameters,
    journaled: StepRecord | undefined,
  ): Promise<Json> {
    const definition = info.definition;
    const timeoutSeconds = positiveSeconds(
      info.name,
      'TimeoutSeconds',
      definition.TimeoutSeconds ?? params.timeoutSeconds,
    );
    const heartbeatSeconds = positiveSeconds(
      info.name,
      'HeartbeatSeconds',
      definition.HeartbeatSeconds ?? params.heartbeatSeconds,
    );
    const invocation = invocationOf(definition.Resource as string, params.parameters);
    let step: StepRecord = journaled ?? {
      stepKey,
      state: info.name,
      visit,
      kind: 'task',
      status: 'running',
      enteredAt: this.services.clock.now(),
      attempt: 0,
      failures: [],
    };
    const resumedWaiting = journaled?.status === 'waiting';
    for (let resumed = resumedWaiting; ; resumed = false) {
      if (step.status === 'retrying' && step.retryAt !== undefined) await this.sleepUntil(step.retryAt);
      if (!this.isRunning) return this.halted;
      const outcome =
        invocation.kind === 'callback'
          ? await this.callbackAttempt(step, invocation, timeoutSeconds, heartbeatSeconds, resumed)
          : await this.requestResponseAttempt(step, invocation, timeoutSeconds);
      if (!this.isRunning) return this.halted;
      step = this.steps.get(stepKey) ?? step;
      if (outcome.ok) {
        if (!outcome.recorded) {
          step = {
            ...step,
            status: 'succeeded',
            output: JSON.stringify(outcome.output),
            completedAt: this.services.clock.now(),
          };
          this.steps.set(stepKey, step);
          await this.services.store.putStep(this.record.executionArn, step);
        }
        return outcome.output;
      }
      if (!outcome.recorded) {
        step = this.afterFailure(step, outcome.error, outcome.cause);
        this.steps.set(stepKey, step);
        await this.services.store.putStep(this.record.executionArn, step);
      }
      if (step.status === 'failed')
        throw this.failureError(step.error ?? outcome.error, step.cause ?? outcome.cause);
    }
  }

  /** The step after a failed attempt: retrying at a journaled instant, or failed for good. */
  private afterFailure(step: StepRecord, error: string, cause: string): StepRecord {
    const now = this.services.clock.now();
    const retriers = (this.machine.states.get(step.state)?.definition.Retry ?? []) as Retrier[];
    const failures = [...step.failures, { error, cause, at: now }];
    const delay = retryDelayMs(
      retriers,
      step.failures.map((failure) => failure.error),
      error,
    );
    if (delay === undefined) return { ...step, status: 'failed', failures, error, cause, completedAt: now };
    return { ...step, status: 'retrying', failures, attempt: failures.length, retryAt: now + delay };
  }

  private async requestResponseAttempt(
    step: StepRecord,
    invocation: Invocation,
    timeoutSeconds: number | undefined,
  ): Promise<TaskOutcome> {
    const timeoutAt =
      timeoutSeconds === undefined ? undefined : this.services.clock.now() + timeoutSeconds * 1000;
    return this.invoke(step, invocation, timeoutAt);
  }

  private async callbackAttempt(
    step: StepRecord,
    invocation: Invocation,
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
    resumed: boolean,
  ): Promise<TaskOutcome> {
    const attempt = step.failures.length;
    const waiter = openWaiter(attempt);
    this.waiters.set(step.stepKey, waiter);
    let waiting = step;
    if (resumed) {
      waiter.markPersisted(true);
    } else {
      const startedAt = this.services.clock.now();
      const timeoutAt = timeoutSeconds === undefined ? undefined : startedAt + timeoutSeconds * 1000;
      const token = this.services.tokens.issue({
        executionArn: this.record.executionArn,
        stepKey: step.stepKey,
        attempt,
      });
      const invoked = await this.invoke(
        step,
        { ...invocation, payload: withToken(invocation.payload, token) },
        timeoutAt,
      );
      if (!invoked.ok || !this.isRunning) {
        waiter.markPersisted(false);
        this.waiters.delete(step.stepKey);
        return invoked.ok ? this.halted.then(() => invoked) : invoked;
      }
      waiting = {
        ...step,
        status: 'waiting',
        attempt,
        attemptStartedAt: startedAt,
        timeoutAt,
        heartbeatSeconds,
        lastHeartbeatAt: startedAt,
        retryAt: undefined,
      };
      this.steps.set(step.stepKey, waiting);
      await this.services.store.putStep(this.record.executionArn, waiting);
      waiter.markPersisted(true);
    }
    const expire = this.expiry(step.stepKey);
    if (waiting.timeoutAt !== undefined)
      armTimeout(waiter, waiting.timeoutAt, attempt, this.services.clock, expire);
    armHeartbeat(waiter, this.steps.get(step.stepKey), this.services.clock, expire);
    return this.waiterOutcome(step.stepKey, waiter);
  }

  private async waiterOutcome(stepKey: string, waiter: Waiter): Promise<TaskOutcome> {
    const outcome = await Promise.race([
      waiter.outcome,
      this.halted.then((): TaskOutcome => ({ ok: true, output: null, recorded: true })),
    ]);
    cancelTimers(waiter);
    if (this.waiters.get(stepKey) === waiter) this.waiters.delete(stepKey);
    return outcome;
  }

  private expiry(stepKey: string): ExpireAttempt {
    return (attempt, error, cause) => {
      void this.expire(stepKey, attempt, error, cause);
    };
  }

  private async expire(stepKey: string, attempt: number, error: string, cause: string): Promise<void> {
    try {
      await this.deliver(stepKey, attempt, { ok: false, error, cause });
    } catch (failure) {
      if ((failure as Error).name !== 'TaskTimedOut') throw failure;
    }
  }

  private invoke(
    step: StepRecord,
    invocation: Invocation,
    timeoutAt: number | undefined,
  ): Promise<TaskOutcome> {
    const requestId = stableRequestId(this.record.executionArn, step.stepKey, step.failures.length);
    return invokeFunction(this.services, this.machine.functions, invocation, requestId, timeoutAt);
  }

  private failureError(error: string, cause: string): Error {
    if (error === 'States.Timeout') return this.services.timeoutError();
    return taskError(error, cause);
  }

  private sleepUntil(dueAt: number): Promise<unknown> {
    if (dueAt <= this.services.clock.now()) return Promise.resolve();
    return Promise.race([new Promise<void>((resolve) => this.schedule(dueAt, resolve)), this.halted]);
  }

  private schedule(dueAt: number, fire: () => void): void {
    const cancel = this.services.clock.at(dueAt, () => {
      this.timers.delete(cancel);
      fire();
    });
    this.timers.add(cancel);
  }
}

interface TaskParameters {
  parameters: Json;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

function positiveSeconds(state: string, field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw runtimeError(`State "${state}": ${field} must be a whole number of seconds ≥ 1`);
  }
  return value;
}
