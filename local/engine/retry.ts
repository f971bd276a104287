export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

/**
 * Error-name matching as Step Functions documents it: `States.ALL` matches every error but
 * `States.Runtime`; `States.TaskFailed` matches every error but `States.Timeout` (and `States.Runtime`).
 */
export function errorMatches(pattern: string, errorName: string): boolean {
  if (errorName === 'States.Runtime') return pattern === 'States.Runtime';
  if (pattern === 'States.ALL') return true;
  if (pattern === 'States.TaskFailed') return errorName !== 'States.Timeout';
  return pattern === errorName;
}

function matchingRetrier(retriers: readonly Retrier[], errorName: string): number {
  return retriers.findIndex((retrier) =>
    retrier.ErrorEquals.some((pattern) => errorMatches(pattern, errorName)),
  );
}

/**
 * Decides whether the latest failure is retried and after how long. The attempts each retrier has used
 * are recomputed from the failures before it, so the decision needs nothing but the journal.
 */
export function retryDelayMs(
  retriers: readonly Retrier[],
  earlierErrors: readonly string[],
  errorName: string,
  random: () => number = Math.random,
): number | undefined {
  const used = retriers.map(() => 0);
  for (const earlier of earlierErrors) {
    const index = matchingRetrier(retriers, earlier);
    if (index >= 0) used[index] = (used[index] ?? 0) + 1;
  }
  const index = matchingRetrier(retriers, errorName);
  const retrier = retriers[index];
  if (!retrier) return undefined;
  const attemptsSoFar = used[index] ?? 0;
  if (attemptsSoFar >= (retrier.MaxAttempts ?? 3)) return undefined;
  const intervalMs = (retrier.IntervalSeconds ?? 1) * 1000 * (retrier.BackoffRate ?? 2) ** attemptsSoFar;
  const cappedMs =
    retrier.MaxDelaySeconds === undefined ? intervalMs : Math.min(intervalMs, retrier.MaxDelaySeconds * 1000);
  return retrier.JitterStrategy === 'FULL' ? Math.floor(random() * cappedMs) : cappedMs;
}
