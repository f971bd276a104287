import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StateMachine } from 'aws-local-stepfunctions';
import type { RuntimeClock } from '../clock';
import type { LambdaHandler } from '../lambda-context';
import { analyseDefinition, interpreterDefinition, type MachineDefinition } from './asl';
import {
  executionAlreadyExists,
  executionDoesNotExist,
  invalidArn,
  invalidExecutionInput,
  invalidName,
  invalidOutput,
  invalidToken,
  stateMachineDoesNotExist,
  taskTimedOut,
} from './errors';
import { type EngineServices, ExecutionRun, type MachineRuntime } from './execution';
import { type HistoryEvent, renderHistory } from './history';
import { interpreterTimeoutError } from './interpreter-errors';
import { clampPageSize, decodePageToken, encodePageToken } from './pagination';
import { type DefinitionVersion, type ExecutionRecord, type ExecutionStatus, ExecutionStore } from './store';
import { TaskTokens } from './tokens';
import {
  canonicalDefinition,
  definitionHash,
  LEGACY_VERSION,
  parseStateMachineArn,
  type StateMachineTarget,
} from './versions';

/** What the local runtime turns into the CloudWatch metrics AWS would publish for Step Functions and Lambda. */
export interface EngineObserver {
  executionFinished?: (record: ExecutionRecord) => void;
  functionFailed?: (functionName: string, errorType: string) => void;
}

export interface EngineOptions {
  dynamodb: DynamoDBClient;
  observer?: EngineObserver;
  clock: RuntimeClock;
  tableName?: string;
  region?: string;
  accountId?: string;
}

export interface StateMachineRegistration {
  name: string;
  definition: MachineDefinition;
  /** Local handler modules by Lambda function name: what `FunctionName` or a function ARN names. */
  functions: Record<string, LambdaHandler>;
}

export interface ExecutionDescription extends Omit<ExecutionRecord, 'output'> {
  output?: string;
}

/** A machine as registered: its versions are loaded from the store when an execution needs one. */
interface RegisteredMachine {
  arn: string;
  name: string;
  functions: Record<string, LambdaHandler>;
  /** The version the last registration published or found: what unqualified starts run. */
  newest: Promise<number>;
  runtimes: Map<number, Promise<MachineRuntime>>;
  aliases?: Promise<Map<string, number>>;
}

/** Where a start lands: the version it runs on, and what DescribeExecution reports it was started through. */
interface StartTarget {
  runtime: MachineRuntime;
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
}

const MAX_PAYLOAD_BYTES = 256 * 1024;
const MAX_NAME_LENGTH = 80;
const FORBIDDEN_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;
/** Step Functions also refuses control characters in names. */
const hasControlCharacter = (name: string) =>
  [...name].some((character) => {
    const code = character.charCodeAt(0);
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
const RESUME_CONCURRENCY = 16;

/**
 * Step Functions on one machine: interprets the same ASL that CDK deploys, keeps a journal of every
 * task and wait in DynamoDB (dynalite locally) and replays it after a restart, so executions that
 * wait days for a department survive crashes. Its API mirrors the Step Functions actions the
 * platform uses; `startStepFunctionsServer` puts them on the wire for `@aws-sdk/client-sfn`.
 */
export class DurableEngine {
  private readonly machines = new Map<string, RegisteredMachine>();
  private readonly active = new Map<string, ExecutionRun>();
  private readonly activating = new Map<string, Promise<ExecutionRun | undefined>>();
  private readonly services: EngineServices;
  private transitions = 0;

  private constructor(
    private readonly store: ExecutionStore,
    readonly clock: RuntimeClock,
    tokens: TaskTokens,
    timeoutError: () => Error,
    readonly region: string,
    readonly accountId: string,
    observer: EngineObserver,
  ) {
    this.services = {
      store,
      clock,
      tokens,
      timeoutError,
      region,
      accountId,
      onTransition: () => {
        this.transitions++;
      },
      onFinished: (run) => {
        if (this.active.get(run.record.executionArn) === run) this.active.delete(run.record.executionArn);
        observer.executionFinished?.(run.record);
      },
      onFunctionError: (functionName, errorType) => observer.functionFailed?.(functionName, errorType),
    };
  }

  static async create(options: EngineOptions): Promise<DurableEngine> {
    const store = new ExecutionStore(options.dynamodb, options.tableName ?? 'local-step-functions');
    await store.ensureTable();
    const [secret, offset, timeoutError] = await Promise.all([
      store.tokenSecret(),
      store.clockOffset(),
      interpreterTimeoutError(),
    ]);
    options.clock.setOffset(offset);
    return new DurableEngine(
      store,
      options.clock,
      new TaskTokens(secret),
      timeoutError,
      options.region ?? 'us-east-1',
      options.accountId ?? '000000000000',
      options.observer ?? {},
    );
  }

  /**
   * Registers the definition as the machine's newest version (or finds the stored version holding the
   * same definition) and returns the machine's unqualified ARN. It validates at once; the version is
   * written in the background and every call that needs it waits for it. Executions already started
   * keep the version they started on; handlers are shared by every version, as Lambda code is.
   */
  registerStateMachine(registration: StateMachineRegistration): string {
    // Hashed before anything reads it: the interpreter's validation may fill in defaults.
    const canonical = canonicalDefinition(registration.definition);
    analyseDefinition(registration.definition);
    const arn = `arn:aws:states:${this.region}:${this.accountId}:stateMachine:${registration.name}`;
    const newest = this.store
      .publishDefinition(arn, canonical, definitionHash(canonical), this.clock.now())
      .then((published) => published.version);
    newest.catch(() => {});
    const known = this.machines.get(arn);
    this.machines.set(arn, {
      arn,
      name: registration.name,
      functions: registration.functions,
      newest,
      runtimes: known?.functions === registration.functions ? known.runtimes : new Map(),
      aliases: known?.aliases,
    });
    return arn;
  }

  /** Points an alias at a version (the newest when none is given); returns the alias ARN. */
  async routeAlias(request: { stateMachineArn: string; name: string; version?: number }): Promise<string> {
    const machine = this.registered(request.stateMachineArn);
    const version = request.version ?? (await machine.newest);
    await this.runtimeOf(machine, version);
    await this.store.routeAlias(machine.arn, request.name, version);
    (await this.aliasesOf(machine)).set(request.name, version);
    return `${machine.arn}:${request.name}`;
  }

  /** Every stored version of a machine, oldest first (what ListStateMachineVersions lists). */
  async stateMachineVersions(stateMachineArn: string): Promise<DefinitionVersion[]> {
    const machine = this.registered(stateMachineArn);
    await machine.newest;
    return this.store.definitionVersions(machine.arn);
  }

  /** Moves the runtime clock (durably: a restart keeps it) and fires whatever fell due. */
  async setClock(instantMs: number): Promise<void> {
    const offset = instantMs - Date.now();
    await this.store.saveClockOffset(offset);
    this.clock.setOffset(offset);
  }

  stats(): { transitions: number; activeExecutions: number } {
    return { transitions: this.transitions, activeExecutions: this.active.size };
  }

  async startExecution(request: {
    stateMachineArn: string;
    name?: string;
    input?: string;
  }): Promise<{ executionArn: string; startDate: number }> {
    const target = await this.startTarget(request.stateMachineArn);
    const machine = target.runtime;
    const name = request.name ?? randomUUID();
    if (
      name.length === 0 ||
      name.length > MAX_NAME_LENGTH ||
      FORBIDDEN_NAME.test(name) ||
      hasControlCharacter(name)
    ) {
      throw invalidName(name);
    }
    const input = request.input ?? '{}';
    parsePayload(input, invalidExecutionInput);
    const record: ExecutionRecord = {
      executionArn: `arn:aws:states:${this.region}:${this.accountId}:execution:${machine.name}:${name}`,
      stateMachineArn: machine.arn,
      version: machine.version,
      stateMachineVersionArn: target.stateMachineVersionArn,
      stateMachineAliasArn: target.stateMachineAliasArn,
      name,
      input,
      status: 'RUNNING',
      startDate: this.clock.now(),
    };
    const { created, record: stored } = await this.store.createExecution(record);
    if (!created) {
      const sameInput = JSON.stringify(JSON.parse(stored.input)) === JSON.stringify(JSON.parse(input));
      if (stored.status === 'RUNNING' && sameInput) {
        return { executionArn: stored.executionArn, startDate: stored.startDate };
      }
      throw executionAlreadyExists(stored.executionArn);
    }
    const run = new ExecutionRun(this.services, machine, record, []);
    this.active.set(record.executionArn, run);
    run.start();
    return { executionArn: record.executionArn, startDate: record.startDate };
  }

  async describeExecution(executionArn: string): Promise<ExecutionDescription> {
    return this.active.get(executionArn)?.record ?? (await this.existingExecution(executionArn));
  }

  async listExecutions(request: {
    stateMachineArn: string;
    statusFilter?: ExecutionStatus;
    maxResults?: number;
    nextToken?: string;
  }): Promise<{ executions: ExecutionRecord[]; nextToken?: string }> {
    const target = this.target(request.stateMachineArn);
    const machine = this.registered(target.stateMachineArn);
    const qualifiedArn = request.stateMachineArn;
    const listed = (execution: ExecutionRecord) =>
      target.version !== undefined
        ? execution.stateMachineVersionArn === qualifiedArn
        : target.alias === undefined || execution.stateMachineAliasArn === qualifiedArn;
    const limit = clampPageSize(request.maxResults, 100);
    const skip = decodePageToken(request.nextToken);
    const executions: ExecutionRecord[] = [];
    let seen = 0;
    for await (const execution of this.store.executions(machine.arn, request.statusFilter)) {
      if (!listed(execution) || seen++ < skip) continue;
      if (executions.length === limit) return { executions, nextToken: encodePageToken(skip + limit) };
      executions.push(execution);
    }
    return { executions };
  }

  async getExecutionHistory(request: {
    executionArn: string;
    maxResults?: number;
    nextToken?: string;
    reverseOrder?: boolean;
    includeExecutionData?: boolean;
  }): Promise<{ events: HistoryEvent[]; nextToken?: string }> {
    const live = this.active.get(request.executionArn);
    const loaded = live ? undefined : await this.store.load(request.executionArn);
    const record = live?.record ?? loaded?.record;
    if (!record) throw executionDoesNotExist(request.executionArn);
    const machine = live?.machine ?? (await this.runtimeOfRecord(record));
    const steps = live ? [...live.steps.values()] : (loaded?.steps ?? []);
    const replay = new ExecutionRun(
      { ...this.services, onTransition: () => {}, onFinished: () => {}, onFunctionError: () => {} },
      machine,
      { ...record, status: 'RUNNING' },
      steps,
      'history',
    );
    replay.start();
    await replay.settle();
    replay.dispose();
    let events = renderHistory(record, replay.flow, replay.steps, machine);
    if (request.includeExecutionData === false) events = events.map(withoutData);
    if (request.reverseOrder) events.reverse();
    const limit = clampPageSize(request.maxResults, 1000);
    const skip = decodePageToken(request.nextToken);
    const page = events.slice(skip, skip + limit);
    return skip + limit < events.length
      ? { events: page, nextToken: encodePageToken(skip + limit) }
      : { events: page };
  }

  async stopExecution(request: {
    executionArn: string;
    error?: string;
    cause?: string;
  }): Promise<{ stopDate: number }> {
    const run = await this.activate(request.executionArn);
    if (run) await run.stop(request.error, request.cause);
    const record = await this.existingExecution(request.executionArn);
    return { stopDate: record.stopDate ?? this.clock.now() };
  }

  async sendTaskSuccess(request: { taskToken: string; output: string }): Promise<void> {
    const output = parsePayload(request.output, invalidOutput);
    const { run, stepKey, attempt } = await this.taskOf(request.taskToken);
    await run.deliver(stepKey, attempt, { ok: true, output });
  }

  async sendTaskFailure(request: { taskToken: string; error?: string; cause?: string }): Promise<void> {
    const { run, stepKey, attempt } = await this.taskOf(request.taskToken);
    await run.deliver(stepKey, attempt, {
      ok: false,
      error: request.error ?? '',
      cause: request.cause ?? '',
    });
  }

  async sendTaskHeartbeat(request: { taskToken: string }): Promise<void> {
    const { run, stepKey, attempt } = await this.taskOf(request.taskToken);
    await run.heartbeat(stepKey, attempt);
  }

  /**
   * Replays every unfinished execution of the registered machines, each on the version it started on;
   * returns how many resumed.
   */
  async resume(): Promise<number> {
    const running: string[] = [];
    for (const [arn, machine] of this.machines) {
      await machine.newest;
      for await (const execution of this.store.executions(arn, 'RUNNING', false))
        running.push(execution.executionArn);
    }
    let next = 0;
    const worker = async () => {
      while (next < running.length) {
        const arn = running[next++];
        if (arn) await this.activate(arn);
      }
    };
    await Promise.all(Array.from({ length: RESUME_CONCURRENCY }, worker));
    return running.length;
  }

  /** Waits until every execution started or resumed so far has finished (tests and benchmarks). */
  async drain(): Promise<void> {
    while (this.active.size > 0) await Promise.all([...this.active.values()].map((run) => run.finished));
  }

  close(): void {
    for (const run of this.active.values()) run.dispose();
    this.active.clear();
    this.clock.close();
  }

  private async taskOf(taskToken: string): Promise<{ run: ExecutionRun; stepKey: string; attempt: number }> {
    if (typeof taskToken !== 'string' || taskToken.length === 0 || taskToken.length > 1024)
      throw invalidToken();
    const target = this.services.tokens.read(taskToken);
    if (!target) throw invalidToken();
    const run = await this.activate(target.executionArn);
    if (!run) throw taskTimedOut();
    return { run, stepKey: target.stepKey, attempt: target.attempt };
  }

  /** The in-memory run of an unfinished execution, loading and replaying it if need be. */
  private activate(executionArn: string): Promise<ExecutionRun | undefined> {
    const active = this.active.get(executionArn);
    if (active) return Promise.resolve(active);
    let loading = this.activating.get(executionArn);
    if (!loading) {
      loading = (async () => {
        const loaded = await this.store.load(executionArn);
        if (!loaded) throw executionDoesNotExist(executionArn);
        if (loaded.record.status !== 'RUNNING') return undefined;
        const already = this.active.get(executionArn);
        if (already) return already;
        const runtime = await this.runtimeOfRecord(loaded.record);
        const raced = this.active.get(executionArn);
        if (raced) return raced;
        const run = new ExecutionRun(this.services, runtime, loaded.record, loaded.steps);
        this.active.set(executionArn, run);
        run.start();
        return run;
      })().finally(() => this.activating.delete(executionArn));
      this.activating.set(executionArn, loading);
    }
    return loading;
  }

  private async existingExecution(executionArn: string): Promise<ExecutionRecord> {
    if (!executionArn?.startsWith('arn:')) throw invalidArn(executionArn);
    const record = await this.store.execution(executionArn);
    if (!record) throw executionDoesNotExist(executionArn);
    return record;
  }

  private target(stateMachineArn: string): StateMachineTarget {
    if (!stateMachineArn?.startsWith('arn:')) throw invalidArn(stateMachineArn);
    const target = parseStateMachineArn(stateMachineArn);
    if (!target) throw invalidArn(stateMachineArn);
    return target;
  }

  private registered(stateMachineArn: string): RegisteredMachine {
    const target = this.target(stateMachineArn);
    const machine = this.machines.get(target.stateMachineArn);
    if (!machine) throw stateMachineDoesNotExist(stateMachineArn);
    return machine;
  }

  /** An unqualified ARN starts on the newest version, a version ARN on that version, an alias where it routes. */
  private async startTarget(stateMachineArn: string): Promise<StartTarget> {
    const target = this.target(stateMachineArn);
    const machine = this.registered(stateMachineArn);
    if (target.version !== undefined) {
      return {
        runtime: await this.runtimeOf(machine, target.version),
        stateMachineVersionArn: stateMachineArn,
      };
    }
    if (target.alias !== undefined) {
      const version = (await this.aliasesOf(machine)).get(target.alias);
      if (version === undefined) throw stateMachineDoesNotExist(stateMachineArn);
      const runtime = await this.runtimeOf(machine, version);
      return { runtime, stateMachineVersionArn: runtime.versionArn, stateMachineAliasArn: stateMachineArn };
    }
    return { runtime: await this.runtimeOf(machine, await machine.newest) };
  }

  private aliasesOf(machine: RegisteredMachine): Promise<Map<string, number>> {
    machine.aliases ??= this.store.aliases(machine.arn);
    return machine.aliases;
  }

  private runtimeOfRecord(record: ExecutionRecord): Promise<MachineRuntime> {
    return this.runtimeOf(this.registered(record.stateMachineArn), record.version ?? LEGACY_VERSION);
  }

  /** One interpreter per version, built from the stored definition the first time an execution needs it. */
  private runtimeOf(machine: RegisteredMachine, version: number): Promise<MachineRuntime> {
    let runtime = machine.runtimes.get(version);
    if (!runtime) {
      runtime = (async () => {
        await machine.newest;
        const stored = await this.store.definitionVersion(machine.arn, version);
        if (!stored) throw stateMachineDoesNotExist(`${machine.arn}:${version}`);
        const definition = JSON.parse(stored.definition) as MachineDefinition;
        return {
          arn: machine.arn,
          name: machine.name,
          version,
          versionArn: `${machine.arn}:${version}`,
          definition,
          states: analyseDefinition(definition),
          interpreter: new StateMachine(interpreterDefinition(definition) as never, {
            validationOptions: { noValidate: true },
          }),
          functions: machine.functions,
        };
      })();
      runtime.catch(() => machine.runtimes.delete(version));
      machine.runtimes.set(version, runtime);
    }
    return runtime;
  }
}

function parsePayload(text: string, invalid: (why: string) => Error) {
  if (typeof text !== 'string') throw invalid('it must be a JSON text');
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw invalid('it exceeds 256 KiB');
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('it is not valid JSON');
  }
}

function withoutData(event: HistoryEvent): HistoryEvent {
  return JSON.parse(
    JSON.stringify(event, (key, value) => (key === 'input' || key === 'output' ? undefined : value)),
  );
}
