import { benchCost } from './cost';
import { startMeteredPlatform } from './lib/platform';
import { definitionsWithV1 } from './lib/workflow-versions';
import { costTables } from './report/cost-markdown';
import { SIZES } from './sizes';

/**
 * `npm run bench:cost`: only the cost part of `npm run bench` (company opening on today's definition
 * and on v1, a restaurant case), its tables printed and nothing written: for checking a change to the
 * workflow without the whole run. Exits 1 when company opening takes too many transitions.
 */
const platform = await startMeteredPlatform({ definitions: await definitionsWithV1() });
try {
  const cost = await benchCost(platform, SIZES.platform.cost, (fraction, detail) =>
    process.stderr.write(`${Math.round(fraction * 100)}% ${detail}\n`),
  );
  process.stdout.write(`${costTables(cost).join('\n')}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await platform.close();
}
process.exit();
