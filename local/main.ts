import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS } from '../shared/api/demo-accounts';
import { lockDataDirectory } from './data-lock';
import { localTokens } from './jwt';
import { privateDirectory } from './private-directory';
import { startRuntime } from './runtime';
import { startLocalServer } from './server';

/**
 * `npm start`: the whole platform on this machine. Data lives under .data/ (or DATA_DIR) and survives
 * restarts; `--reset` starts clean. PORT changes the port (default 3000).
 */
const { values: flags } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
const dataDirectory = resolve(process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
const started = performance.now();

await privateDirectory(dataDirectory);
const unlock = await lockDataDirectory(dataDirectory).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
if (flags.reset) {
  for (const entry of await readdir(dataDirectory)) {
    if (entry !== 'runtime.pid') await rm(join(dataDirectory, entry), { recursive: true, force: true });
  }
}

const runtime = await startRuntime({
  dataDirectory: join(dataDirectory, 'dynamo'),
  storageDirectory: join(dataDirectory, 's3'),
  // The e-licence's QR code opens the verification page of this server.
  environment: { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
  cursorSecretFile: join(dataDirectory, 'cursor-secret'),
});
const tokens = await localTokens({ dataDirectory, now: () => runtime.clock.now() });
const webDirectory = resolve('web/dist');
const { server, url } = await startLocalServer({
  runtime,
  tokens,
  port,
  webDirectory: existsSync(join(webDirectory, 'index.html')) ? webDirectory : undefined,
});
const resumed = await runtime.resumed;

const lines = [
  '',
  `One-stop company opening, running locally (ready in ${Math.round(performance.now() - started)} ms)`,
  `  web            ${url}/`,
  `  API            ${url}/api   (OpenAPI: ${url}/api/openapi.json)`,
  `  Step Functions ${runtime.stepFunctionsEndpoint}   (durable local engine, ${resumed} unfinished executions resumed)`,
  `  DynamoDB       ${runtime.dynamoEndpoint}   (dynalite, data in ${dataDirectory})`,
  `  S3             ${runtime.s3Endpoint}   (s3rver, objects in ${join(dataDirectory, 's3')}; uploads scanned with ClamAV)`,
  `  clock          ${new Date(runtime.clock.now()).toISOString()}   (POST /api/local/clock to move it)`,
  '',
  'Demo tokens (valid 12 hours; POST /api/local/token {"sub","groups"} for others):',
];
for (const { label, sub, groups } of DEMO_ACCOUNTS) {
  lines.push(`  ${label.en.padEnd(48)} ${await tokens.issue({ sub, groups })}`);
}
lines.push('', 'Ctrl-C stops it; the data stays for the next start.', '');
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping…\n`);
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await runtime.close();
  await unlock();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
