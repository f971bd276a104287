import type { ChaosOptions } from './run-state';

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
