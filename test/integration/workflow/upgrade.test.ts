import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Item } from '../../../shared/case/items';
import type { CaseRecord, DepartmentTask } from '../../../shared/case/model';
import { ENVIRONMENT, LOCAL_TABLE_NAME } from '../../../shared/config';
import { BUCKETS } from '../../../shared/storage/buckets';
import { freePort } from '../../support/free-port';
import { declarationOf, postToStorage, samplePdf, withFiledUploads } from '../../support/uploads';
import { eventually } from '../engine/harness';
import { validForm } from './platform';

/**
 * An upgrade with cases in flight, with the real handlers: cases parked on v1 at the registration
 * review, inside the parallel licences and in a correction; the runtime restarts on a v2 that renames
 * a journaled state, inserts a Task before them and removes one after (upgraded-definition.ts), and is
 * SIGKILLed once during the switch. New cases run v2; every v1 case completes on v1, each side effect once.
 */

const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:CompanyOpening';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

let directory: string;
let env: Record<string, string>;
const workers: ChildProcess[] = [];

/** Starts the runtime process; resolves when it reports `until` (registered, or ready after resuming). */
async function startWorker(variant: 'v1' | 'v2', until: 'registered' | 'ready' = 'ready') {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'test/integration/workflow/upgrade-worker.ts'], {
    env: { ...process.env, ...env, WORKFLOW_VARIANT: variant },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  workers.push(worker);
  const lines = createInterface({ input: worker.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line) as Record<string, unknown>;
    if (message[until]) return worker;
  }
  throw new Error('the runtime process exited before it was ready');
}

async function kill(worker: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGKILL');
  await exited;
}

let domain: {
  cases: typeof import('../../../shared/data/cases')['cases'];
  tasks: typeof import('../../../shared/data/tasks')['tasks'];
  closedCases: typeof import('../../../shared/data/closed-cases')['closedCases'];
  commands: typeof import('../../../shared/case/commands');
  uploads: typeof import('../../../shared/data/uploads')['uploads'];
  createUpload: typeof import('../../../shared/uploads/create-upload')['createUpload'];
  parseForm: (form: unknown) => never;
};
let sfn: SFNClient;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'upgrade-'));
  env = {
    DATA_DIR: join(directory, 'dynamo'),
    DYNAMO_PORT: String(await freePort()),
    SFN_PORT: String(await freePort()),
    S3_PORT: String(await freePort()),
    S3_DIR: join(directory, 's3'),
    INVOCATIONS_FILE: join(directory, 'invocations.jsonl'),
    INSTANT_APPROVAL: 'off',
  };
  // This process plays the API: the same domain commands, against the runtime process's endpoints.
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${env.DYNAMO_PORT}`,
    AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${env.SFN_PORT}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${env.S3_PORT}`,
    [ENVIRONMENT.s3PathStyle]: 'true',
    ...Object.fromEntries(Object.values(BUCKETS).map((bucket) => [bucket.environment, bucket.localName])),
    [ENVIRONMENT.tableName]: LOCAL_TABLE_NAME,
    [ENVIRONMENT.stateMachineArn]: `${MACHINE}:live`,
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    INSTANT_APPROVAL: 'off',
  });
  const { applicationFormSchema } = await import('../../../shared/form');
  domain = {
    cases: (await import('../../../shared/data/cases')).cases,
    tasks: (await import('../../../shared/data/tasks')).tasks,
    closedCases: (await import('../../../shared/data/closed-cases')).closedCases,
    commands: await import('../../../shared/case/commands'),
    uploads: (await import('../../../shared/data/uploads')).uploads,
    createUpload: (await import('../../../shared/uploads/create-upload')).createUpload,
    parseForm: (form) => applicationFormSchema.parse(form) as never,
  };
  sfn = new SFNClient({
    endpoint: env.AWS_ENDPOINT_URL_SFN,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
}, 60_000);

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  sfn?.destroy();
  await rm(directory, { recursive: true, force: true });
});

/** The fixture's materials, uploaded once through the runtime process's S3 and checked there. */
let filedForm: Promise<Record<string, unknown>> | undefined;
function formWithUploads() {
  filedForm ??= withFiledUploads(validForm(), async (placeholder, type) => {
    const file = {
      fileName: `${type}.pdf`,
      mediaType: 'application/pdf' as const,
      bytes: await samplePdf(placeholder),
    };
    const { record, upload } = await domain.createUpload({
      owner: 'founder-1',
      declaration: declarationOf(file),
      now: new Date(),
    });
    expect((await postToStorage(upload, file)).status).toBe(204);
    for (;;) {
      const current = await domain.uploads.get(record.id);
      if (current?.status === 'clean') return record.id;
      if (current && current.status !== 'pending') throw new Error(`upload ${type}: ${current.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return filedForm;
}

let submissions = 0;
async function submit(): Promise<string> {
  const form = await formWithUploads();
  const { record } = await domain.commands.submitApplication({
    owner: 'founder-1',
    filedBy: { role: 'applicant', sub: 'founder-1' },
    idempotencyKey: `upgrade-${submissions++}`,
    form: domain.parseForm(form),
    requestBody: form,
  });
  return record.id;
}

const caseWhere = (id: string, predicate: (record: CaseRecord) => boolean) =>
  eventually(async () => {
    const record = await domain.cases.get(id);
    return record && predicate(record) ? record : undefined;
  }, 30_000);

/** The item's open department task, once its round is `round`. */
const openTask = (id: string, item: Item, round = 1) =>
  eventually(async () => {
    const taskId = (await domain.cases.get(id))?.items[item]?.taskId;
    const task = taskId ? await domain.tasks.get(taskId) : undefined;
    return task?.status === 'open' && task.round === round ? task : undefined;
  }, 30_000);

const approve = (task: DepartmentTask) =>
  domain.commands.decideTask({
    taskId: task.id,
    officer: { sub: `officer-${task.department}`, department: task.department },
    outcome: 'approved',
    reasons: [],
  });

const executionArn = (id: string) => `${MACHINE.replace(':stateMachine:', ':execution:')}:${id}`;
const describe = (id: string) => sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(id) }));

async function statesEntered(id: string): Promise<Set<string>> {
  const { events = [] } = await sfn.send(
    new GetExecutionHistoryCommand({ executionArn: executionArn(id), maxResults: 1000 }),
  );
  return new Set(events.flatMap((event) => event.stateEnteredEventDetails?.name ?? []));
}

/** The journal has the parked step written once DescribeExecution is answered after a quiet moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

test('cases parked on v1 finish on v1 after an upgrade to v2 and a SIGKILL during the switch; new cases run v2', async () => {
  // Prepare: on v1, one case at the registration review, one inside the licences, one in a correction.
  let worker = await startWorker('v1');
  const atRegistration = await submit();
  const inLicences = await submit();
  const inCorrection = await submit();
  await openTask(atRegistration, 'registration');
  await approve(await openTask(inLicences, 'registration'));
  await Promise.all([openTask(inLicences, 'invoice'), openTask(inLicences, 'seal')]);
  await domain.commands.decideTask({
    taskId: (await openTask(inCorrection, 'registration')).id,
    officer: { sub: 'officer-market-regulation', department: 'market-regulation' },
    outcome: 'correction-requested',
    reasons: [{ path: 'contact.email', message: 'Use a mailbox the company controls' }],
  });
  await caseWhere(inCorrection, (record) => record.corrections[0]?.token !== undefined);
  await settle();
  const v1Cases = [atRegistration, inLicences, inCorrection];

  // Act: stop v1 hard, start v2 and kill it while it registers and resumes, then start v2 for good.
  await kill(worker);
  worker = await startWorker('v2', 'registered');
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
  await kill(worker);
  worker = await startWorker('v2');
  const upgraded = await submit();

  await approve(await openTask(atRegistration, 'registration'));
  const corrected = structuredClone(await formWithUploads()) as ReturnType<typeof validForm>;
  corrected.contact.email = 'office@yunqi.example.com';
  await domain.commands.answerCorrections({
    applicationId: inCorrection,
    by: { role: 'applicant', sub: 'founder-1' },
    form: domain.parseForm(corrected),
  });
  await approve(await openTask(inCorrection, 'registration', 2));
  await approve(await openTask(upgraded, 'registration'));
  for (const id of [...v1Cases, upgraded]) {
    for (const item of ['invoice', 'seal'] as const) await approve(await openTask(id, item));
  }
  const done = new Map<string, DescribeExecutionCommandOutput>();
  for (const id of [...v1Cases, upgraded]) {
    await caseWhere(id, (record) => record.status === 'completed');
    done.set(
      id,
      await eventually(async () => {
        const described = await describe(id);
        return described.status === 'RUNNING' ? undefined : described;
      }),
    );
  }

  // Assess: each execution ran to the end on the version it started on, through the live alias.
  for (const id of v1Cases) {
    expect(done.get(id)).toMatchObject({
      status: 'SUCCEEDED',
      stateMachineArn: MACHINE,
      stateMachineVersionArn: `${MACHINE}:1`,
      stateMachineAliasArn: `${MACHINE}:live`,
    });
    const entered = await statesEntered(id);
    expect(entered.has('Intake'), `${id} ran v1's states`).toBe(true);
    expect(entered.has('CaseIntake') || entered.has('RegistrationPrecheck'), `${id} ran no v2 state`).toBe(
      false,
    );
  }
  expect(done.get(upgraded)).toMatchObject({ status: 'SUCCEEDED', stateMachineVersionArn: `${MACHINE}:2` });
  const enteredByV2 = await statesEntered(upgraded);
  expect(enteredByV2.has('CaseIntake') && enteredByV2.has('RegistrationPrecheck')).toBe(true);
  expect(enteredByV2.has('Intake')).toBe(false);

  // Each side effect exactly once: one handler run per step (a re-run after a kill keeps its request
  // id), one timeline event per change, one KPI fact per closed case.
  const invocations = readFileSync(env.INVOCATIONS_FILE as string, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { name: string; applicationId?: string; requestId: string });
  const steps = (id: string, name: string) =>
    new Set(
      invocations.filter((run) => run.applicationId === id && run.name === name).map((run) => run.requestId),
    ).size;
  const expectedSteps = (id: string) => ({
    CaseIntake: 1,
    CaseReviewRules: id === upgraded ? 4 : 3,
    CaseOpenDepartmentTask: id === inCorrection ? 4 : 3,
    CaseApplyDecision: id === inCorrection ? 4 : 3,
    CaseAwaitCorrection: id === inCorrection ? 1 : 0,
    CaseApplyCorrection: id === inCorrection ? 1 : 0,
    CaseDeliver: id === upgraded ? 0 : 1,
    CaseClose: 1,
  });
  const closed = await domain.closedCases.between(
    new Date(Date.now() - 86_400_000),
    new Date(Date.now() + 60_000),
  );
  for (const id of [...v1Cases, upgraded]) {
    const expected = expectedSteps(id);
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, steps(id, name)])), id).toEqual(
      expected,
    );
    const record = (await domain.cases.get(id)) as CaseRecord;
    const count = (type: string) => record.timeline.filter((event) => event.type === type).length;
    expect(
      {
        reviewStarted: count('review-started'),
        tasksOpened: count('task-opened'),
        approved: count('approved'),
        corrected: count('corrected'),
        delivered: count('delivered'),
        completed: count('completed'),
      },
      id,
    ).toEqual({
      reviewStarted: 1,
      tasksOpened: expected.CaseOpenDepartmentTask,
      approved: 3,
      corrected: expected.CaseApplyCorrection,
      delivered: expected.CaseDeliver,
      completed: 1,
    });
    expect(
      closed.filter((fact) => fact.id === id),
      `${id} KPI facts`,
    ).toHaveLength(1);
  }
  await kill(worker);
}, 180_000);
