import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TaskTokens } from '../local/engine/tokens';
import { taskIdFor } from '../shared/case/case-tasks';
import { caseIdFor } from '../shared/case/commands';
import { LOCAL_TABLE_NAME } from '../shared/config';
import { keys } from '../shared/data/table';
import { dynamoCall } from './lib/http';

/**
 * Memory with N open cases, and the time to resume them after a restart.
 *
 * Submitting 10,000 real cases through the workflow takes about 100 s per 1,000 on this machine, so
 * one real case is made the real way (submitted, run by the real handlers until it waits on its
 * registration task and its SLA timer), and its items — the case, its task and the engine's journal
 * of its execution — are cloned N − 1 times under new ids with BatchWriteItem: new case ids (from the
 * owner and Idempotency-Key, as submissions make them), task ids, execution ARNs and task tokens
 * signed with the engine's secret. A fresh runtime process then resumes all N; memory is measured
 * with every one of them back in memory, and one of them is decided to show it moves on.
 */

const JOURNAL_TABLE = 'local-step-functions';

type WireItem = Record<string, Record<string, unknown>>;

interface Template {
  applicationId: string;
  owner: string;
  idempotencyKey: string;
  stateMachineArn: string;
  dynamoEndpoint: string;
  startSeconds: number;
  baselineHeapBytes: number;
  baselineRssBytes: number;
}

function worker(phase: string, directory: string) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/open-cases-worker.ts', phase, directory],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const next = async <T>(key: string): Promise<T> => {
    for await (const line of lines) {
      if (!line.startsWith('{')) continue;
      const message = JSON.parse(line) as Record<string, unknown>;
      if (key in message) return message[key] as T;
    }
    throw new Error(`the ${phase} worker exited without "${key}":\n${errors.slice(-3000)}`);
  };
  return { child, next };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function getItem(endpoint: string, table: string, key: WireItem): Promise<WireItem> {
  const response = await dynamoCall<{ Item?: WireItem }>(endpoint, 'GetItem', {
    TableName: table,
    Key: key,
    ConsistentRead: true,
  });
  if (!response.body.Item) throw new Error(`no item ${JSON.stringify(key)} in ${table}`);
  return response.body.Item;
}

async function journalOf(endpoint: string, executionArn: string): Promise<WireItem[]> {
  const response = await dynamoCall<{ Items: WireItem[] }>(endpoint, 'Query', {
    TableName: JOURNAL_TABLE,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': { S: `execution#${executionArn}` } },
    ConsistentRead: true,
  });
  return response.body.Items;
}

const text = (item: WireItem | undefined, name: string) => (item?.[name]?.S ?? '') as string;
const map = (item: WireItem | undefined, name: string) => item?.[name]?.M as WireItem | undefined;

async function cloneTemplate(
  template: Template,
  count: number,
  onProgress: (done: number) => void,
): Promise<{ items: number; seconds: number }> {
  const endpoint = template.dynamoEndpoint;
  const caseItem = await getItem(endpoint, LOCAL_TABLE_NAME, {
    pk: { S: keys.case(template.applicationId).pk },
    sk: { S: 'CASE' },
  });
  const templateTaskId = text(map(map(caseItem, 'items'), 'registration'), 'taskId');
  const taskItem = await getItem(endpoint, LOCAL_TABLE_NAME, {
    pk: { S: keys.task(templateTaskId).pk },
    sk: { S: 'TASK' },
  });
  const executionArn = `${template.stateMachineArn.replace(':stateMachine:', ':execution:')}:${template.applicationId}`;
  const journal = await journalOf(endpoint, executionArn);
  const secretItem = await getItem(endpoint, JOURNAL_TABLE, {
    pk: { S: 'engine' },
    sk: { S: 'token-secret' },
  });
  const tokens = new TaskTokens(Buffer.from(text(secretItem, 'secret'), 'base64'));
  const templateTokens = [text(taskItem, 'token'), text(map(caseItem, 'sla'), 'timerToken')].filter(Boolean);
  const targets = templateTokens.map((token) => {
    const target = tokens.read(token);
    if (!target) throw new Error('the template token does not verify');
    return { token, target };
  });
  const templates = [
    { table: LOCAL_TABLE_NAME, json: JSON.stringify(caseItem) },
    { table: LOCAL_TABLE_NAME, json: JSON.stringify(taskItem) },
    ...journal.map((item) => ({ table: JOURNAL_TABLE, json: JSON.stringify(item) })),
  ];

  const cloneOf = (index: number) => {
    const owner = `open-founder-${index % 500}`;
    const key = `open-case-${index}`;
    const id = caseIdFor(owner, key);
    const newTaskId = taskIdFor(id, 'registration', 1);
    const newArn = executionArn.replace(template.applicationId, id);
    const replacements: [string, string][] = [
      ...targets.map(({ token, target }): [string, string] => [
        token,
        tokens.issue({ ...target, executionArn: newArn }),
      ]),
      [template.applicationId, id],
      [templateTaskId, newTaskId],
      [template.owner, owner],
      [template.idempotencyKey, key],
    ];
    return templates.map(({ table, json }) => ({
      table,
      item: JSON.parse(replacements.reduce((out, [from, to]) => out.split(from).join(to), json)) as WireItem,
    }));
  };

  const started = performance.now();
  let next = 1;
  let written = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const from = next;
        // Three clones a batch: at most 25 items, all of a case written together.
        next = Math.min(count, next + Math.max(1, Math.floor(25 / templates.length)));
        const puts = Array.from({ length: next - from }, (_, offset) => cloneOf(from + offset)).flat();
        let requestItems: Record<string, { PutRequest: { Item: WireItem } }[]> = {};
        for (const { table, item } of puts) {
          requestItems[table] = [...(requestItems[table] ?? []), { PutRequest: { Item: item } }];
        }
        while (Object.keys(requestItems).length > 0) {
          const response = await dynamoCall<{ UnprocessedItems?: typeof requestItems }>(
            endpoint,
            'BatchWriteItem',
            {
              RequestItems: requestItems,
            },
          );
          if (response.status !== 200) throw new Error(`BatchWriteItem: ${response.status} ${response.text}`);
          requestItems = response.body.UnprocessedItems ?? {};
        }
        written += puts.length;
        onProgress(next);
      }
    }),
  );
  return { items: written, seconds: (performance.now() - started) / 1000 };
}

export interface OpenCasesResult {
  cases: number;
  itemsPerCase: number;
  seedSeconds: number;
  templateStartSeconds: number;
  restartStartSeconds: number;
  resumeSeconds: number;
  /** The floor: reading every journal back, one Query each, 16 at a time, without replaying (timed on 1,000, scaled). */
  journalReadSeconds: number;
  resumed: number;
  activeExecutions: number;
  baselineHeapBytes: number;
  resumedHeapBytes: number;
  heapBytesPerCase: number;
  baselineRssBytes: number;
  resumedRssBytes: number;
  rssBytesPerCase: number;
  resumedCaseMovedOn: boolean;
}

export async function benchOpenCases(
  options: { cases: number },
  progress: (fraction: number, detail: string) => void,
): Promise<OpenCasesResult> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-open-cases-'));
  const children: ChildProcess[] = [];
  try {
    progress(0.01, 'starting the runtime and parking one real case');
    const first = worker('template', directory);
    children.push(first.child);
    const template = await first.next<Template>('template');
    const seeded = await cloneTemplate(template, options.cases, (done) =>
      progress(0.05 + (0.45 * done) / options.cases, `cloning ${done}/${options.cases} open cases`),
    );
    await kill(first.child);

    progress(0.5, `restarting: resuming ${options.cases} open cases`);
    const second = worker('resume', directory);
    children.push(second.child);
    const resumeTicker = setInterval(
      () => progress(0.6, `restarting: resuming ${options.cases} open cases`),
      5000,
    );
    const result = await second
      .next<{
        resumed: number;
        startSeconds: number;
        resumeSeconds: number;
        activeExecutions: number;
        resumedHeapBytes: number;
        resumedRssBytes: number;
        checkedCaseMovedOn: boolean;
        journalReadSeconds: number;
      }>('result')
      .finally(() => clearInterval(resumeTicker));
    return {
      cases: options.cases,
      itemsPerCase: seeded.items / Math.max(1, options.cases - 1),
      seedSeconds: seeded.seconds,
      templateStartSeconds: template.startSeconds,
      restartStartSeconds: result.startSeconds,
      resumeSeconds: result.resumeSeconds,
      journalReadSeconds: result.journalReadSeconds,
      resumed: result.resumed,
      activeExecutions: result.activeExecutions,
      baselineHeapBytes: template.baselineHeapBytes,
      resumedHeapBytes: result.resumedHeapBytes,
      heapBytesPerCase: (result.resumedHeapBytes - template.baselineHeapBytes) / options.cases,
      baselineRssBytes: template.baselineRssBytes,
      resumedRssBytes: result.resumedRssBytes,
      rssBytesPerCase: (result.resumedRssBytes - template.baselineRssBytes) / options.cases,
      resumedCaseMovedOn: result.checkedCaseMovedOn,
    };
  } finally {
    for (const child of children) await kill(child);
    await rm(directory, { recursive: true, force: true });
  }
}
