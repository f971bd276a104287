import { readFileSync } from 'node:fs';
import { type ChildServer, startChildServer } from '../test/integration/http/server';
import { apiClient, dynamoCall, type HttpResponse, isConnectionError } from './lib/http';
import { runConcurrently, sleep } from './lib/stats';

/**
 * `npm run chaos`: `cases` cases in flight through `npm start`'s server (a child process,
 * INSTANT_APPROVAL=off so every item waits for an officer), officers deciding through the HTTP API,
 * the server killed with SIGKILL at `kills` random moments while they decide and restarted each time
 * on the same data, and a share of DynamoDB calls (LOCAL_DYNAMODB_FAULT_RATE, 10% by default)
 * answered with ProvisionedThroughputExceededException inside the server.
 *
 * Every fifth case (CHAOS_CORRECTION_EVERY) gets a correction request from the registration officer
 * first; its founder answers it. Clients retry as careful clients do: a submission with the same
 * Idempotency-Key; a decision after a connection error or a 5xx, reading the task when told 409; a
 * correction answer by sending the same answer again (the same answer changes nothing but resumes the
 * workflow), accepting a 409 once the case shows the request answered.
 *
 * Then every case is read back. Duplicated: a second case for one Idempotency-Key, a decision applied
 * twice, any timeline event recorded twice. Lost: a case not completed, a decision or a correction
 * answer not applied. The command exits 1 if anything is duplicated or lost.
 *
 * CHAOS_CASES, CHAOS_KILLS, CHAOS_CORRECTION_EVERY (0: no corrections), CHAOS_FAULT_RATE, CHAOS_SEED
 * and CHAOS_BUDGET_SECONDS change the run;
 * CHAOS_KEEP=1 leaves the server running afterwards for a look.
 */

export interface ChaosOptions {
  cases: number;
  kills: number;
  /** Every n-th case gets a correction request at registration first (0: none). */
  correctionEvery: number;
  faultRate: string;
  seed: number;
  budgetSeconds: number;
  keepServer?: boolean;
}

export interface ChaosReport {
  options: ChaosOptions;
  submitted: number;
  completed: number;
  correctionCases: number;
  correctionsAnswered: number;
  expectedDecisions: number;
  decisionsApplied: number;
  probes: { sent: number; throttled: number };
  workflowStepFailures: Record<string, number>;
  kills: { at: number; afterDecisions: number; restartSeconds: number; resumed: number }[];
  stats: Record<string, number>;
  duplicated: string[];
  lost: string[];
  staleTasks: string[];
  seconds: number;
  ok: boolean;
}

const OFFICERS_PER_DEPARTMENT = 2;
const DEPARTMENTS = ['market-regulation', 'tax', 'public-security'] as const;
const ITEMS = ['registration', 'invoice', 'seal'] as const;
type Department = (typeof DEPARTMENTS)[number];
type Item = (typeof ITEMS)[number];

const form = () =>
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')) as {
    company: { address: { detail: string } };
  };

interface TaskView {
  id: string;
  applicationId: string;
  item: Item;
  department: Department;
  round: number;
  status: 'open' | 'closed';
  outcome: string | null;
}

interface CaseView {
  id: string;
  status: string;
  items: Record<Item, { status: string; taskId: string | null; round: number }>;
  corrections: { id: string; status: string; answerSubmitted: boolean }[];
  timeline: { type: string; item: Item | null; details: Record<string, unknown> }[];
  failure: { error: string } | null;
}

interface CaseState {
  index: number;
  key: string;
  founder: number;
  id?: string;
  correction: boolean;
  answered: boolean;
}

interface Decision {
  taskId: string;
  applicationId: string;
  item: Item;
  outcome: 'approved' | 'correction-requested';
}

export async function runChaos(options: ChaosOptions, log: (line: string) => void): Promise<ChaosReport> {
  const started = Date.now();
  const budgetMs = options.budgetSeconds * 1000;
  const seconds = () => (Date.now() - started) / 1000;
  const say = (line: string) => log(`[${seconds().toFixed(1).padStart(6)} s] ${line}`);
  let seed = options.seed;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const stats = {
    requests: 0,
    connectionErrors: 0,
    serverErrors: 0,
    decisionAttempts: 0,
    decisionConflictsVerified: 0,
    spuriousConflicts: 0,
    correctionAnswersChecked: 0,
    resubmissions: 0,
    resubmissionsSameCase: 0,
  };

  say(
    `chaos: ${options.cases} cases, ${options.kills} SIGKILLs, LOCAL_DYNAMODB_FAULT_RATE=${options.faultRate}, INSTANT_APPROVAL=off, seed ${options.seed}`,
  );
  const server: ChildServer = await startChildServer(
    { INSTANT_APPROVAL: 'off', LOCAL_DYNAMODB_FAULT_RATE: options.faultRate },
    { startTimeoutMs: 120_000 },
  );
  say(`server up in ${server.starts[0]?.seconds.toFixed(1)} s (pid ${server.pid()})`);
  const api = apiClient(server.url);

  /** Calls the API until it answers something other than a connection error or a 5xx. */
  const call = async <T>(
    method: string,
    path: string,
    request: { token: string; body?: unknown; headers?: Record<string, string> },
    beforeRetry?: () => Promise<HttpResponse<unknown> | undefined>,
  ): Promise<HttpResponse<T>> => {
    for (let attempt = 1; ; attempt++) {
      if (Date.now() - started > budgetMs + 30_000) throw new Error('chaos budget exhausted');
      if (attempt > 1 && beforeRetry) {
        const settled = await beforeRetry().catch(() => undefined);
        if (settled) return settled as HttpResponse<T>;
      }
      stats.requests++;
      try {
        const response = await api.call<T>(method, path, request);
        if (response.status < 500) return response;
        stats.serverErrors++;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        stats.connectionErrors++;
      }
      await sleep(Math.min(1000, 50 * attempt));
    }
  };

  try {
    // The faults are really there: raw GetItem calls, no SDK and no retries, straight to dynalite.
    const probes = { sent: 400, throttled: 0 };
    await runConcurrently(
      8,
      async () => {
        const response = await dynamoCall<{ __type?: string }>(server.dynamoEndpoint(), 'GetItem', {
          TableName: 'company-opening',
          Key: { pk: { S: 'CHAOS#probe' }, sk: { S: 'PROBE' } },
        });
        if (response.status === 400 && String(response.body?.__type).includes('ProvisionedThroughput'))
          probes.throttled++;
      },
      { count: probes.sent },
    );
    say(`fault injection: ${probes.throttled} of ${probes.sent} raw GetItem calls throttled`);

    const founderCount = Math.max(1, Math.min(20, Math.ceil(options.cases / 5)));
    const founderTokens = await Promise.all(
      Array.from({ length: founderCount }, (_, index) => api.token(`chaos-founder-${index}`, ['applicants'])),
    );
    const officerTokens = Object.fromEntries(
      await Promise.all(
        DEPARTMENTS.map(
          async (department) =>
            [department, await api.token(`chaos-${department}`, [`officers-${department}`])] as const,
        ),
      ),
    ) as Record<Department, string>;

    const cases: CaseState[] = Array.from({ length: options.cases }, (_, index) => ({
      index,
      key: `chaos-${options.seed}-${index}`,
      founder: index % founderCount,
      correction: options.correctionEvery > 0 && index % options.correctionEvery === 0,
      answered: false,
    }));
    const byId = new Map<string, CaseState>();
    const correctionCases = cases.filter((state) => state.correction).length;
    const expectedDecisions = options.cases * ITEMS.length + correctionCases;

    // Kills at random numbers of decisions sent, between 5% and 85% of those expected.
    const killAt = Array.from({ length: options.kills }, () =>
      Math.floor((0.05 + 0.8 * random()) * expectedDecisions),
    ).sort((a, b) => a - b);
    const kills: ChaosReport['kills'] = [];
    let killing = false;
    let lastKill = Date.now();
    const maybeKill = async (force = false) => {
      if (killing || kills.length >= options.kills) return;
      if (!force && stats.decisionAttempts < (killAt[kills.length] as number)) return;
      killing = true;
      try {
        await sleep(random() * 400);
        const at = seconds();
        const afterDecisions = stats.decisionAttempts;
        await server.kill();
        say(`SIGKILL #${kills.length + 1} after ${afterDecisions} decisions sent`);
        await server.restart();
        const start = server.starts.at(-1) ?? { seconds: 0, resumed: 0 };
        kills.push({ at, afterDecisions, restartSeconds: start.seconds, resumed: start.resumed });
        say(`restarted in ${start.seconds.toFixed(1)} s, ${start.resumed} unfinished executions resumed`);
        lastKill = Date.now();
      } finally {
        killing = false;
      }
    };

    // 1. Submissions.
    await runConcurrently(
      10,
      async (index) => {
        const state = cases[index] as CaseState;
        const response = await call<{ id: string }>('POST', '/api/applications', {
          token: founderTokens[state.founder] as string,
          body: form(),
          headers: { 'idempotency-key': state.key },
        });
        if (response.status !== 201)
          throw new Error(`submit ${state.key}: ${response.status} ${response.text}`);
        state.id = response.body.id;
        byId.set(state.id, state);
      },
      { count: options.cases },
    );
    say(`${options.cases} cases submitted`);

    // 2. Officers decide, founders answer corrections, the server dies now and then.
    const decisions = new Map<string, Decision>();
    const claimed = new Set<string>();
    let finished = false;

    const decide = async (department: Department, task: TaskView) => {
      const state = byId.get(task.applicationId);
      const outcome =
        task.item === 'registration' && task.round === 1 && state?.correction
          ? ('correction-requested' as const)
          : ('approved' as const);
      const body =
        outcome === 'approved'
          ? { outcome }
          : {
              outcome,
              reasons: [{ path: 'company.address.detail', message: 'Give the room number as on the lease' }],
            };
      const recordApplied = () =>
        decisions.set(task.id, {
          taskId: task.id,
          applicationId: task.applicationId,
          item: task.item,
          outcome,
        });
      while (!finished) {
        stats.decisionAttempts++;
        void maybeKill();
        const response = await call('POST', `/api/tasks/${task.id}/decision`, {
          token: officerTokens[department],
          body,
        });
        if (response.status === 200) {
          recordApplied();
          return;
        }
        if (response.status !== 409)
          throw new Error(`decision on ${task.id}: ${response.status} ${response.text}`);
        // 409: decided already (by an attempt whose answer was lost), or not resumable yet. Look.
        const current = await call<{ task: TaskView }>('GET', `/api/tasks/${task.id}`, {
          token: officerTokens[department],
        });
        if (current.body.task.status === 'closed') {
          if (current.body.task.outcome !== outcome)
            throw new Error(`task ${task.id} closed as ${current.body.task.outcome}, not ${outcome}`);
          stats.decisionConflictsVerified++;
          recordApplied();
          return;
        }
        stats.spuriousConflicts++;
        if (stats.spuriousConflicts % 20 === 1)
          say(
            `409 on task ${task.id} (${task.item} of ${task.applicationId}) while it is still open; retrying`,
          );
        await sleep(500);
      }
    };

    const officers = DEPARTMENTS.flatMap((department) =>
      Array.from({ length: OFFICERS_PER_DEPARTMENT }, async () => {
        while (!finished) {
          const inbox = await call<{ items: TaskView[] }>(
            'GET',
            `/api/departments/${department}/tasks?limit=50`,
            {
              token: officerTokens[department],
            },
          );
          const mine = (inbox.body.items ?? []).filter((task) => !claimed.has(task.id)).slice(0, 3);
          if (mine.length === 0) {
            await sleep(250);
            continue;
          }
          for (const task of mine) claimed.add(task.id);
          for (const task of mine) await decide(department, task);
        }
      }),
    );

    const corrected = form();
    corrected.company.address.detail = '示例路18号A栋302房';
    const answerCorrection = async (state: CaseState) => {
      const token = founderTokens[state.founder] as string;
      const applied = async (): Promise<boolean> => {
        stats.correctionAnswersChecked++;
        const view = await call<CaseView>('GET', `/api/applications/${state.id}`, { token });
        return (
          view.body.corrections.length > 0 &&
          view.body.corrections.every((correction) => correction.status !== 'open')
        );
      };
      const response = await call('POST', `/api/applications/${state.id}/corrections`, {
        token,
        body: { application: corrected, note: 'Room number fixed' },
      });
      if (response.status !== 200 && !(response.status === 409 && (await applied())))
        throw new Error(`correction answer for ${state.id}: ${response.status} ${response.text}`);
      state.answered = true;
    };
    const founders = (async () => {
      while (!finished) {
        for (const state of cases.filter((candidate) => candidate.correction && !candidate.answered)) {
          const view = await call<CaseView>('GET', `/api/applications/${state.id}`, {
            token: founderTokens[state.founder] as string,
          });
          if (view.body.status === 'correction-needed') await answerCorrection(state);
        }
        await sleep(300);
      }
    })();

    const completed = new Set<string>();
    const ended = new Set<string>();
    let progressMark = '';
    let progressAt = Date.now();
    while (completed.size + ended.size < options.cases) {
      if (Date.now() - started > budgetMs - 60_000) {
        say('time is running out: stopping here and checking what there is');
        break;
      }
      const mark = `${completed.size}/${ended.size}/${decisions.size}/${stats.decisionAttempts}/${kills.length}`;
      if (mark !== progressMark) {
        progressMark = mark;
        progressAt = Date.now();
      } else if (Date.now() - progressAt > 90_000 && kills.length >= options.kills) {
        say('nothing has moved for 90 s: stopping here and checking what there is');
        break;
      }
      // A kill that the decision count did not bring (everyone waiting) comes by time instead.
      if (kills.length < options.kills && Date.now() - lastKill > 20_000) await maybeKill(true);
      for (const state of cases) {
        if (!state.id || completed.has(state.id) || ended.has(state.id)) continue;
        const view = await call<CaseView>('GET', `/api/applications/${state.id}`, {
          token: founderTokens[state.founder] as string,
        });
        if (view.body.status === 'completed') completed.add(state.id);
        if (view.body.status === 'rejected' || view.body.failure) ended.add(state.id);
      }
      say(
        `${completed.size}/${options.cases} completed, ${decisions.size}/${expectedDecisions} decisions, ${kills.length}/${options.kills} kills`,
      );
      if (completed.size + ended.size < options.cases) await sleep(1000);
    }
    while (kills.length < options.kills && Date.now() - started < budgetMs - 60_000) await maybeKill(true);
    finished = true;
    await Promise.all([...officers, founders]);

    // 3. Read everything back.
    const duplicated: string[] = [];
    const lost: string[] = [];
    const staleTasks: string[] = [];
    for (const state of cases) {
      const token = founderTokens[state.founder] as string;
      if (!state.id) {
        lost.push(`case ${state.key} was never accepted`);
        continue;
      }
      const view = (await call<CaseView>('GET', `/api/applications/${state.id}`, { token })).body;
      if (view.status !== 'completed') {
        const items = ITEMS.map(
          (item) =>
            `${item} ${view.items[item].status} (round ${view.items[item].round}, task ${view.items[item].taskId})`,
        );
        const last = view.timeline
          .slice(-4)
          .map((event) => `${event.type}${event.item ? `(${event.item})` : ''}`);
        lost.push(
          `case ${state.id} (${state.key}) is ${view.status}${view.failure ? ` (${view.failure.error})` : ''}: ${items.join(', ')}; last events ${last.join(', ')}`,
        );
      }
      const expectCount = (type: string, expected: number, item?: Item) => {
        const seen = view.timeline.filter(
          (event) => event.type === type && (item === undefined || event.item === item),
        ).length;
        const what = `${type}${item ? ` (${item})` : ''}`;
        if (seen > expected) duplicated.push(`case ${state.id}: ${what} ${seen} times, expected ${expected}`);
        if (seen < expected && view.status === 'completed')
          lost.push(`case ${state.id}: ${what} ${seen} times, expected ${expected}`);
      };
      for (const type of ['submitted', 'review-started', 'delivered', 'completed']) expectCount(type, 1);
      for (const item of ITEMS) {
        const corrections = item === 'registration' && state.correction ? 1 : 0;
        expectCount('approved', 1, item);
        expectCount('correction-requested', corrections, item);
        expectCount('corrected', corrections, item);
        expectCount('task-opened', 1 + corrections, item);
      }
      expectCount('correction-submitted', state.correction ? 1 : 0);
      const seen = new Set<string>();
      for (const event of view.timeline) {
        const key = JSON.stringify([event.type, event.item, event.details]);
        if (seen.has(key)) duplicated.push(`case ${state.id}: timeline event ${event.type} recorded twice`);
        seen.add(key);
      }
      for (const decision of decisions.values()) {
        if (decision.applicationId !== state.id) continue;
        const type = decision.outcome === 'approved' ? 'approved' : 'correction-requested';
        const applied = view.timeline.filter(
          (event) =>
            event.type === type && event.item === decision.item && event.details.taskId === decision.taskId,
        ).length;
        if (applied === 0)
          lost.push(`decision ${decision.outcome} on task ${decision.taskId} (${state.id}) not applied`);
        if (applied > 1) duplicated.push(`decision on task ${decision.taskId} applied ${applied} times`);
      }
    }
    // One case per Idempotency-Key: each founder's list holds exactly the cases that founder submitted.
    for (let founder = 0; founder < founderCount; founder++) {
      const token = founderTokens[founder] as string;
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const page: HttpResponse<{ items: { id: string }[]; nextCursor: string | null }> = await call(
          'GET',
          `/api/applications?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { token },
        );
        listed.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const expected = cases.filter((state) => state.founder === founder).length;
      if (listed.length > expected || new Set(listed).size !== listed.length)
        duplicated.push(`founder ${founder}: ${listed.length} cases listed for ${expected} Idempotency-Keys`);
    }
    // The same key and body again answer the same case.
    for (const state of cases.filter((_, index) => index % 10 === 3)) {
      stats.resubmissions++;
      const again = await call<{ id: string }>('POST', '/api/applications', {
        token: founderTokens[state.founder] as string,
        body: form(),
        headers: { 'idempotency-key': state.key },
      });
      if (again.body.id === state.id) stats.resubmissionsSameCase++;
      else duplicated.push(`key ${state.key} answered ${again.body.id}, first ${state.id}`);
    }
    // No inbox still lists a task of a case that has ended.
    for (const department of DEPARTMENTS) {
      const inbox = await call<{ items: TaskView[] }>(
        'GET',
        `/api/departments/${department}/tasks?limit=100`,
        {
          token: officerTokens[department],
        },
      );
      for (const task of inbox.body.items)
        staleTasks.push(
          `${department} inbox still lists task ${task.id} (${task.item} of ${task.applicationId})`,
        );
    }
    const workflowStepFailures = await stepFailures(server.dynamoEndpoint());

    const ok = duplicated.length === 0 && lost.length === 0 && completed.size === options.cases;
    return {
      options,
      submitted: cases.filter((state) => state.id).length,
      completed: completed.size,
      correctionCases,
      correctionsAnswered: cases.filter((state) => state.answered).length,
      expectedDecisions,
      decisionsApplied: decisions.size,
      probes,
      workflowStepFailures,
      kills,
      stats,
      duplicated,
      lost,
      staleTasks,
      seconds: seconds(),
      ok,
    };
  } finally {
    if (options.keepServer) {
      say(`the server keeps running at ${server.url} (pid ${server.pid()}, data ${server.dataDirectory})`);
    } else {
      await server.stop();
    }
  }
}

/**
 * The errors workflow steps failed with, from the engine's journal (each step keeps its failed
 * attempts): the throttling that got past the SDK's own retries and was absorbed by the Retry.
 */
async function stepFailures(endpoint: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let ExclusiveStartKey: unknown;
  for (;;) {
    const page = await dynamoCall<{
      Items?: { failures?: { L?: { M?: { error?: { S?: string } } }[] } }[];
      LastEvaluatedKey?: unknown;
    }>(endpoint, 'Scan', {
      TableName: 'local-step-functions',
      ExclusiveStartKey,
      ProjectionExpression: 'failures',
    });
    // The injected faults hit this scan too: a throttled page is asked for again.
    if (page.status !== 200) continue;
    for (const item of page.body.Items ?? []) {
      for (const failure of item.failures?.L ?? []) {
        const error = failure.M?.error?.S ?? 'unknown';
        counts[error] = (counts[error] ?? 0) + 1;
      }
    }
    ExclusiveStartKey = page.body.LastEvaluatedKey;
    if (!ExclusiveStartKey) return counts;
  }
}

export function formatReport(report: ChaosReport): string {
  const { options, stats } = report;
  const list = (items: string[]) => (items.length ? `:\n      ${items.slice(0, 20).join('\n      ')}` : '');
  const failures = Object.entries(report.workflowStepFailures)
    .map(([error, count]) => `${count} × ${error}`)
    .join(', ');
  return [
    '',
    `chaos run (seed ${options.seed}): ${options.cases} cases, INSTANT_APPROVAL=off, LOCAL_DYNAMODB_FAULT_RATE=${options.faultRate}, ${report.kills.length} SIGKILLs`,
    `  fault injection     ${report.probes.throttled}/${report.probes.sent} raw GetItem probes throttled; workflow step attempts that failed and were retried: ${failures || 'none'}`,
    `  submitted           ${report.submitted} cases (${report.correctionCases} of them with a correction round)`,
    `  completed           ${report.completed}`,
    `  decisions           ${report.decisionsApplied} applied of ${report.expectedDecisions} expected; ${stats.decisionAttempts} sent, ${stats.decisionConflictsVerified} answered 409 and found already applied, ${stats.spuriousConflicts} answered 409 on a task still open and were sent again`,
    `  corrections         ${report.correctionsAnswered}/${report.correctionCases} answered (${stats.correctionAnswersChecked} reads of the case before sending an answer again)`,
    `  resubmissions       ${stats.resubmissionsSameCase}/${stats.resubmissions}: the same key and body answered the same case`,
    `  client retries      ${stats.connectionErrors} connection errors, ${stats.serverErrors} 5xx answers, ${stats.requests} requests in all`,
    ...report.kills.map(
      (kill, index) =>
        `  SIGKILL #${index + 1}          at ${kill.at.toFixed(1)} s after ${kill.afterDecisions} decisions sent; back in ${kill.restartSeconds.toFixed(1)} s, ${kill.resumed} executions resumed`,
    ),
    `  duplicated          ${report.duplicated.length}${list(report.duplicated)}`,
    `  lost                ${report.lost.length}${list(report.lost)}`,
    `  stale inbox tasks   ${report.staleTasks.length}${list(report.staleTasks)}`,
    `  wall time           ${report.seconds.toFixed(1)} s`,
    '',
    report.ok ? 'OK: every case completed exactly once; no decision lost or applied twice.' : 'FAILED',
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options: ChaosOptions = {
    cases: Number(process.env.CHAOS_CASES ?? 100),
    kills: Number(process.env.CHAOS_KILLS ?? 5),
    correctionEvery: Number(process.env.CHAOS_CORRECTION_EVERY ?? 5),
    faultRate: process.env.CHAOS_FAULT_RATE ?? '0.1',
    seed: Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000),
    budgetSeconds: Number(process.env.CHAOS_BUDGET_SECONDS ?? 540),
    keepServer: process.env.CHAOS_KEEP === '1',
  };
  runChaos(options, (line) => process.stderr.write(`${line}\n`)).then(
    (report) => {
      process.stdout.write(formatReport(report));
      process.exit(report.ok ? 0 : 1);
    },
    (error) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exit(2);
    },
  );
}
