import { randomBytes } from 'node:crypto';
import { LOCAL_TABLE_NAME } from '../shared/config';
import { keys, TABLE_INDEXES } from '../shared/data/table';
import { dynamoCall } from './lib/http';
import type { MeteredPlatform } from './lib/platform';
import { type LatencySummary, summarize } from './lib/stats';

/**
 * A department's inbox (GET /api/departments/tax/tasks, first page) with 1,000 and then 100,000 open
 * tasks in the table, seeded with BatchWriteItem in exactly the shape shared/data/tasks.ts writes.
 * The floor is a raw GSI Query for the same page on the same table, at the same size.
 */

const DEPARTMENT = 'tax';

/** A task item as tasks.open writes it (shared/data/tasks.ts toItem), on the wire. */
function taskItem(index: number, now: number) {
  const id = `t-bench${String(index).padStart(15, '0')}`;
  const applicationId = `co-bench${String(index).padStart(14, '0')}`;
  const slaDeadline = new Date(now + 86_400_000 + ((index * 7919) % 259_200) * 1000).toISOString();
  const arn = `arn:aws:states:us-east-1:000000000000:execution:CompanyOpening:${applicationId}`;
  const token = `${Buffer.from(JSON.stringify([arn, 'InvoiceDepartmentReview#00001', 0])).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
  const task = {
    id,
    applicationId,
    item: 'invoice',
    department: DEPARTMENT,
    round: 1,
    status: 'open',
    slaDeadline,
    createdAt: new Date(now).toISOString(),
    companyName: `广州云启${index}科技有限公司`,
    token,
  };
  const item = {
    ...keys.task(id),
    departmentPk: keys.department(DEPARTMENT, 'open'),
    deadlineSk: keys.timeSorted(slaDeadline, id),
    ...task,
  };
  return Object.fromEntries(
    Object.entries(item).map(([name, value]) => [
      name,
      typeof value === 'number' ? { N: String(value) } : { S: value },
    ]),
  );
}

async function seed(endpoint: string, from: number, to: number, onProgress: (done: number) => void) {
  const now = Date.now();
  let next = from;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < to) {
        const start = next;
        next = Math.min(to, next + 25);
        let requests = Array.from({ length: next - start }, (_, offset) => ({
          PutRequest: { Item: taskItem(start + offset, now) },
        }));
        while (requests.length > 0) {
          const response = await dynamoCall<{ UnprocessedItems?: Record<string, typeof requests> }>(
            endpoint,
            'BatchWriteItem',
            { RequestItems: { [LOCAL_TABLE_NAME]: requests } },
          );
          if (response.status !== 200) throw new Error(`BatchWriteItem: ${response.status} ${response.text}`);
          requests = response.body.UnprocessedItems?.[LOCAL_TABLE_NAME] ?? [];
        }
        onProgress(next - from);
      }
    }),
  );
}

async function timeIt(samples: number, call: () => Promise<{ status: number; ms: number }>) {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const response = await call();
    if (response.status !== 200) throw new Error(`inbox answered ${response.status}`);
    ms.push(response.ms);
  }
  return summarize(ms);
}

export interface InboxResult {
  openTasks: number;
  api: LatencySummary;
  rawQuery: LatencySummary;
  pageSize: number;
}

export async function benchInbox(
  platform: MeteredPlatform,
  options: { sizes: number[]; samples: number },
  progress: (fraction: number, detail: string) => void,
): Promise<{ results: InboxResult[]; seedItemsPerSecond: number }> {
  const { api, tokens, runtime } = platform;
  const officer = await tokens.issue({ sub: 'bench-tax-officer', groups: [`officers-${DEPARTMENT}`] });
  const path = `/api/departments/${DEPARTMENT}/tasks`;
  const total = options.sizes.at(-1) ?? 0;
  const results: InboxResult[] = [];
  let seeded = 0;
  let seedMs = 0;
  for (const size of options.sizes) {
    const started = performance.now();
    await seed(runtime.dynamoEndpoint, seeded, size, (done) =>
      progress((seeded + done) / (total * 1.05), `seeding ${seeded + done}/${size} open tasks`),
    );
    seedMs += performance.now() - started;
    seeded = size;
    progress(seeded / (total * 1.05), `timing the inbox with ${size} open tasks`);
    const first = await api.call<{ items: unknown[] }>('GET', path, { token: officer });
    const pageSize = first.body.items.length;
    // Untimed warm-up, so that the first size does not pay for compiling the route's code.
    for (let i = 0; i < 30; i++) await api.call('GET', path, { token: officer });
    const apiLatency = await timeIt(options.samples, () => api.call('GET', path, { token: officer }));
    const rawQuery = await timeIt(options.samples, () =>
      dynamoCall(runtime.dynamoEndpoint, 'Query', {
        TableName: LOCAL_TABLE_NAME,
        IndexName: TABLE_INDEXES.byDepartment.name,
        KeyConditionExpression: 'departmentPk = :pk',
        ExpressionAttributeValues: { ':pk': { S: keys.department(DEPARTMENT, 'open') } },
        Limit: pageSize,
      }),
    );
    results.push({ openTasks: size, api: apiLatency, rawQuery, pageSize });
  }
  return { results, seedItemsPerSecond: total / (seedMs / 1000) };
}
