import type { Department } from '../shared/case/items';
import { type ChildServer, startChildServer } from '../test/integration/http/server';
import { awaitCompletion } from './chaos/completion';
import { checkExactlyOnce } from './chaos/exactly-once';
import { probeFaults, stepFailures } from './chaos/faults';
import { startFounders, submitCases } from './chaos/founders';
import { startOfficers } from './chaos/officers';
import { type ChaosReport, formatReport } from './chaos/report';
import { retryingCall } from './chaos/retrying-call';
import { type CaseState, type ChaosOptions, type ChaosRun, emptyStats } from './chaos/run-state';
import { serverKiller } from './chaos/server-killer';
import { COMPANY_OPENING } from './lib/bundle-scope';
import { apiClient } from './lib/http';
import { LIMITS_LIFTED } from './lib/limits-lifted';

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

export async function runChaos(options: ChaosOptions, log: (line: string) => void): Promise<ChaosReport> {
  const started = Date.now();
  const budgetMs = options.budgetSeconds * 1000;
  const seconds = () => (Date.now() - started) / 1000;
  const say = (line: string) => log(`[${seconds().toFixed(1).padStart(6)} s] ${line}`);
  const stats = emptyStats();

  say(
    `chaos: ${options.cases} cases, ${options.kills} SIGKILLs, LOCAL_DYNAMODB_FAULT_RATE=${options.faultRate}, INSTANT_APPROVAL=off, seed ${options.seed}`,
  );
  const server: ChildServer = await startChildServer(
    { INSTANT_APPROVAL: 'off', LOCAL_DYNAMODB_FAULT_RATE: options.faultRate, ...LIMITS_LIFTED },
    { startTimeoutMs: 120_000 },
  );
  say(`server up in ${server.starts[0]?.seconds.toFixed(1)} s (pid ${server.pid()})`);
  const api = apiClient(server.url);
  const call = retryingCall(api, stats, started, budgetMs);

  try {
    const probes = await probeFaults(server.dynamoEndpoint());
    say(`fault injection: ${probes.throttled} of ${probes.sent} raw GetItem calls throttled`);

    const founderCount = Math.max(1, Math.min(20, Math.ceil(options.cases / 5)));
    const founderTokens = await Promise.all(
      Array.from({ length: founderCount }, (_, index) => api.token(`chaos-founder-${index}`, ['applicants'])),
    );
    const officerTokens = Object.fromEntries(
      await Promise.all(
        COMPANY_OPENING.departments.map(
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
    const correctionCases = cases.filter((state) => state.correction).length;
    const expectedDecisions = options.cases * COMPANY_OPENING.items.length + correctionCases;
    const run: ChaosRun = {
      options,
      started,
      budgetMs,
      seconds,
      say,
      stats,
      call,
      founderTokens,
      officerTokens,
      cases,
      byId: new Map(),
      decisions: new Map(),
      finished: false,
    };
    const killer = serverKiller(run, server, expectedDecisions);

    // 1. Submissions.
    await submitCases(run);
    say(`${options.cases} cases submitted`);

    // 2. Officers decide, founders answer corrections, the server dies now and then.
    const officers = startOfficers(run, killer.maybeKill);
    const founders = startFounders(run);
    const completed = await awaitCompletion(run, killer, expectedDecisions);
    while (killer.kills.length < options.kills && Date.now() - started < budgetMs - 60_000)
      await killer.maybeKill(true);
    run.finished = true;
    await Promise.all([...officers, founders]);

    // 3. Read everything back.
    const { duplicated, lost, staleTasks } = await checkExactlyOnce(run);
    const workflowStepFailures = await stepFailures(server.dynamoEndpoint());

    const ok = duplicated.length === 0 && lost.length === 0 && completed.size === options.cases;
    return {
      options,
      submitted: cases.filter((state) => state.id).length,
      completed: completed.size,
      correctionCases,
      correctionsAnswered: cases.filter((state) => state.answered).length,
      expectedDecisions,
      decisionsApplied: run.decisions.size,
      probes,
      workflowStepFailures,
      kills: killer.kills,
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
