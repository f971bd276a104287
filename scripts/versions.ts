import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { STATE_MACHINE_NAME } from '../shared/config';

/**
 * `npm run versions`: each CompanyOpening version with its number, definition hash, creation time and
 * count of RUNNING executions, for the local data directory (DATA_DIR, default .data; refused while
 * `npm start` holds it). `--aws` lists the deployed machine's versions instead (the AWS credentials
 * and region in the shell). `--keep` adds today's definition to workflows/versions/ when it is new.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { values: flags } = parseArgs({
  options: { aws: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});

interface Row {
  version: number;
  hash: string;
  created: string;
  running: number;
  live: boolean;
}

function print(rows: Row[]): void {
  const lines = ['version  hash          created                   running  live'];
  for (const row of rows) {
    lines.push(
      `${String(row.version).padEnd(8)} ${row.hash.slice(0, 12).padEnd(13)} ${row.created.padEnd(25)} ` +
        `${String(row.running).padEnd(8)} ${row.live ? 'live' : ''}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function keep(): Promise<void> {
  const { LOCAL_ACCOUNT } = await import('../local/runtime');
  const { localCompanyOpeningAsl } = await import('../workflows/local-definition');
  const { keepVersion } = await import('../local/kept-versions');
  const number = keepVersion(JSON.parse(localCompanyOpeningAsl(LOCAL_ACCOUNT)));
  process.stdout.write(`today's definition is workflows/versions/${number}.json\n`);
}

async function local(): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { lockDataDirectory } = await import('../local/data-lock');
  const { startDynalite } = await import('../local/dynalite');
  const { ExecutionStore } = await import('../local/engine/store');
  const { LEGACY_VERSION } = await import('../local/engine/versions');
  const { LOCAL_ACCOUNT } = await import('../local/runtime');
  const { LIVE_ALIAS } = await import('../workflows/live-alias');
  const dataDirectory = resolve(process.env.DATA_DIR ?? '.data');
  await mkdir(dataDirectory, { recursive: true });
  const unlock = await lockDataDirectory(dataDirectory);
  const dynamo = await startDynalite({ path: join(dataDirectory, 'dynamo') });
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: LOCAL_ACCOUNT.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const store = new ExecutionStore(client, 'local-step-functions');
    await store.ensureTable();
    const machine = `arn:aws:states:${LOCAL_ACCOUNT.region}:${LOCAL_ACCOUNT.accountId}:stateMachine:${STATE_MACHINE_NAME}`;
    const running = new Map<number, number>();
    for await (const execution of store.executions(machine, 'RUNNING')) {
      const version = execution.version ?? LEGACY_VERSION;
      running.set(version, (running.get(version) ?? 0) + 1);
    }
    const live = (await store.aliases(machine)).get(LIVE_ALIAS);
    print(
      (await store.definitionVersions(machine)).map((version) => ({
        version: version.version,
        hash: version.hash,
        created: new Date(version.createdAt).toISOString(),
        running: running.get(version.version) ?? 0,
        live: version.version === live,
      })),
    );
  } finally {
    client.destroy();
    await dynamo.close();
    await unlock();
  }
}

async function aws(): Promise<void> {
  const sfn = await import('@aws-sdk/client-sfn');
  const client = new sfn.SFNClient({});
  const machines = await client.send(new sfn.ListStateMachinesCommand({}));
  const machine = machines.stateMachines?.find((candidate) => candidate.name === STATE_MACHINE_NAME);
  if (!machine?.stateMachineArn) throw new Error(`No ${STATE_MACHINE_NAME} state machine in this region`);
  const aliases = await client.send(
    new sfn.ListStateMachineAliasesCommand({ stateMachineArn: machine.stateMachineArn }),
  );
  const liveArns = new Set<string>();
  for (const alias of aliases.stateMachineAliases ?? []) {
    const described = await client.send(
      new sfn.DescribeStateMachineAliasCommand({ stateMachineAliasArn: alias.stateMachineAliasArn }),
    );
    for (const route of described.routingConfiguration ?? [])
      liveArns.add(route.stateMachineVersionArn ?? '');
  }
  const rows: Row[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new sfn.ListStateMachineVersionsCommand({ stateMachineArn: machine.stateMachineArn, nextToken }),
    );
    for (const { stateMachineVersionArn = '', creationDate } of page.stateMachineVersions ?? []) {
      const described = await client.send(
        new sfn.DescribeStateMachineCommand({ stateMachineArn: stateMachineVersionArn }),
      );
      let running = 0;
      let executionsToken: string | undefined;
      do {
        const executions = await client.send(
          new sfn.ListExecutionsCommand({
            stateMachineArn: stateMachineVersionArn,
            statusFilter: 'RUNNING',
            nextToken: executionsToken,
          }),
        );
        running += executions.executions?.length ?? 0;
        executionsToken = executions.nextToken;
      } while (executionsToken);
      rows.push({
        version: Number(stateMachineVersionArn.split(':').at(-1)),
        // AWS names a revision by its id, not by a hash of the ASL.
        hash: described.revisionId ?? '',
        created: creationDate?.toISOString() ?? '',
        running,
        live: liveArns.has(stateMachineVersionArn),
      });
    }
    nextToken = page.nextToken;
  } while (nextToken);
  print(rows.sort((a, b) => a.version - b.version));
}

if (flags.keep) await keep();
else if (flags.aws) await aws();
else await local();
