import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LambdaHandler } from '../local/lambda-context';
import { startRuntime } from '../local/runtime';
import { queryPages } from '../shared/data/query-pages';
import {
  declarationOf,
  postToStorage,
  type SampleFile,
  samplePdf,
  withFiledUploads,
} from '../test/support/uploads';

/**
 * One phase of the open-cases benchmark in a process of its own (bench/open-cases.ts runs it with
 * --expose-gc), so memory is this process's and a restart is a real one. One JSON line per message.
 *
 *   template — the real runtime (INSTANT_APPROVAL=off) on a fresh data directory: reports its heap
 *              and RSS with no case open, submits one real case as the API does and waits until it is
 *              parked on its registration task and its SLA timer; then says where its dynalite listens
 *              and waits to be killed while the parent clones that case into the tables.
 *   resume   — a fresh runtime on the same directory: times the replay of every unfinished execution,
 *              reports heap and RSS with all of them back in memory, then decides one registration
 *              task and waits for the invoice and seal tasks, to show a resumed case moves on. Last,
 *              the floor: reading journals back (one Query each, 16 at a time, as resume does)
 *              without replaying anything — a sample of JOURNAL_SAMPLE, scaled to all of them.
 */

const [phase = 'template', directory = ''] = process.argv.slice(2);
const JOURNAL_SAMPLE = 1_000;
const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

function memory() {
  globalThis.gc?.();
  globalThis.gc?.();
  return { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
}

let opened = 0;
const wrapFunction = (name: string, handler: LambdaHandler): LambdaHandler =>
  name === 'CaseOpenDepartmentTask'
    ? async (event, context) => {
        const result = await handler(event, context);
        opened++;
        return result;
      }
    : handler;

const started = performance.now();
const runtime = await startRuntime({
  dataDirectory: directory,
  wrapFunction,
  environment: { INSTANT_APPROVAL: 'off', POWERTOOLS_LOG_LEVEL: 'ERROR' },
});
const startSeconds = (performance.now() - started) / 1000;
const waitFor = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Uploads a file as `owner` through the runtime's own slot and storage, and answers its id once clean. */
async function cleanUpload(owner: string, file: SampleFile): Promise<string> {
  const { createUpload } = await import('../shared/uploads/create-upload');
  const { uploads } = await import('../shared/data/uploads');
  const { record, upload } = await createUpload({
    owner,
    declaration: declarationOf(file) as Parameters<typeof createUpload>[0]['declaration'],
    now: new Date(runtime.clock.now()),
  });
  const stored = await postToStorage(upload, file);
  if (stored.status !== 204) throw new Error(`storage refused ${file.fileName}: ${stored.status}`);
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const status = (await uploads.get(record.id))?.status;
    if (status === 'clean') return record.id;
    if (status && status !== 'pending') throw new Error(`upload ${file.fileName} is ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`upload ${file.fileName} never settled`);
}

if (phase === 'template') {
  await runtime.resumed;
  // The template case's materials are filed before the baseline: what is measured is open cases.
  const form = await withFiledUploads(
    JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')),
    async (placeholder, type) =>
      cleanUpload('open-template-founder', {
        fileName: `${type}.pdf`,
        mediaType: 'application/pdf',
        bytes: await samplePdf(`${type} ${placeholder}`),
      }),
  );
  const baseline = memory();
  const { submitApplication } = await import('../shared/case/commands');
  const { applicationFormSchema } = await import('../shared/form');
  const { record } = await submitApplication({
    owner: 'open-template-founder',
    filedBy: { role: 'applicant', sub: 'open-template-founder' },
    idempotencyKey: 'open-template-key',
    form: applicationFormSchema.parse(form),
    requestBody: form,
  });
  await waitFor(() => opened === 1, 'the template case to park');
  // The waiting step is journaled just after the handler returns.
  await new Promise((resolve) => setTimeout(resolve, 500));
  say({
    template: {
      applicationId: record.id,
      owner: 'open-template-founder',
      idempotencyKey: 'open-template-key',
      stateMachineArn: runtime.stateMachineArn,
      dynamoEndpoint: runtime.dynamoEndpoint,
      startSeconds,
      baselineHeapBytes: baseline.heap,
      baselineRssBytes: baseline.rss,
    },
  });
  // Wait for the parent, which kills this process (SIGKILL) once the clones are written.
  for await (const _ of createInterface({ input: process.stdin })) {
  }
}

if (phase === 'resume') {
  const resumeStarted = performance.now();
  const resumed = await runtime.resumed;
  const resumeSeconds = (performance.now() - resumeStarted) / 1000;
  const after = memory();
  const { tasks } = await import('../shared/data/tasks');
  const { decideTask } = await import('../shared/case/commands');
  const { cases } = await import('../shared/data/cases');
  const page = await tasks.listByDepartment('market-regulation', 'open', 1);
  const task = page.items[0];
  if (!task) throw new Error('no open registration task after the restart');
  await decideTask({
    taskId: task.id,
    officer: { sub: 'bench-officer', department: 'market-regulation' },
    outcome: 'approved',
    reasons: [],
  });
  await waitFor(() => opened >= 2, 'the invoice and seal tasks of a resumed case');
  const record = await cases.get(task.applicationId);
  const readSeconds = await readEveryJournal(runtime.dynamoEndpoint, runtime.stateMachineArn);
  say({
    result: {
      resumed,
      startSeconds,
      resumeSeconds,
      activeExecutions: runtime.engine.stats().activeExecutions,
      resumedHeapBytes: after.heap,
      resumedRssBytes: after.rss,
      checkedCase: task.applicationId,
      checkedCaseMovedOn: record?.items.registration?.status === 'approved' && opened >= 2,
      journalReadSeconds: readSeconds,
    },
  });
  process.exit(0);
}

async function readEveryJournal(endpoint: string, stateMachineArn: string): Promise<number> {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint }));
  const executions: string[] = [];
  const running = queryPages(documents, {
    TableName: 'local-step-functions',
    IndexName: 'byMachineAndStatus',
    KeyConditionExpression: 'machineStatusPk = :pk',
    ExpressionAttributeValues: { ':pk': `machine#${stateMachineArn}#RUNNING` },
    ProjectionExpression: 'pk',
  });
  for await (const page of running) for (const item of page.Items ?? []) executions.push(item.pk as string);
  const sample = executions.slice(0, JOURNAL_SAMPLE);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < sample.length) {
        const pk = sample[next++];
        await documents.send(
          new QueryCommand({
            TableName: 'local-step-functions',
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
          }),
        );
      }
    }),
  );
  documents.destroy();
  return ((performance.now() - started) / 1000) * (executions.length / Math.max(1, sample.length));
}
