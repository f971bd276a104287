import { appendFileSync } from 'node:fs';
import { LOCAL_ACCOUNT, startRuntime } from '../../../local/runtime';
import { localCompanyOpeningAsl } from '../../../workflows/local-definition';
import { upgradedDefinition } from './upgraded-definition';

/**
 * The local runtime in a process of its own, on a data directory and fixed ports, registering today's
 * definition (WORKFLOW_VARIANT=v1) or the upgraded one (v2): the upgrade test restarts and SIGKILLs it.
 * Every handler invocation is appended to INVOCATIONS_FILE with its request id, which a re-invocation
 * of the same step attempt keeps.
 */
const today = JSON.parse(localCompanyOpeningAsl(LOCAL_ACCOUNT));
const invocations = process.env.INVOCATIONS_FILE as string;
const runtime = await startRuntime({
  dataDirectory: process.env.DATA_DIR,
  storageDirectory: process.env.S3_DIR,
  ports: {
    dynamo: Number(process.env.DYNAMO_PORT),
    stepFunctions: Number(process.env.SFN_PORT),
    s3: Number(process.env.S3_PORT),
  },
  definitions: [process.env.WORKFLOW_VARIANT === 'v2' ? upgradedDefinition(today) : today],
  wrapFunction: (name, handler) => async (event, context) => {
    const { applicationId } = event as { applicationId?: string };
    appendFileSync(
      invocations,
      `${JSON.stringify({ name, applicationId, requestId: context.awsRequestId })}\n`,
    );
    return handler(event, context);
  },
});
process.stdout.write(`${JSON.stringify({ registered: true, liveAliasArn: runtime.liveAliasArn })}\n`);
const resumed = await runtime.resumed;
process.stdout.write(`${JSON.stringify({ ready: true, resumed })}\n`);
