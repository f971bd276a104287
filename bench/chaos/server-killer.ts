import type { ChildServer } from '../../test/integration/http/server';
import { sleep } from '../lib/stats';
import type { ChaosReport } from './report';
import type { ChaosRun } from './run-state';

/**
 * SIGKILLs the server once the decisions sent reach each of `options.kills` seeded random counts (or
 * when forced), and restarts it on the same data.
 */
export function serverKiller(run: ChaosRun, server: ChildServer, expectedDecisions: number) {
  const { options, stats, say, seconds } = run;
  let seed = options.seed;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
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
  return {
    kills,
    maybeKill,
    get lastKill() {
      return lastKill;
    },
  };
}

export type ServerKiller = ReturnType<typeof serverKiller>;
