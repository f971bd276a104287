import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaHandler } from '../lambda-context';
import { type Account, authorizationRequestsOf } from './aws-request';
import { type Decision, evaluate, type PolicyStatement } from './policy-evaluation';

/** The function whose invocation the current async work belongs to. */
const principal = new AsyncLocalStorage<string>();

/** Runs `handler` as the function `name`: every AWS call it makes is authorized as that function's role. */
export function asFunction(name: string, handler: LambdaHandler): LambdaHandler {
  return (event, context) => principal.run(name, () => handler(event, context));
}

interface Enforcement {
  policies: ReadonlyMap<string, readonly PolicyStatement[]>;
  account: Account;
}

/** How many calls each function made that its policy allowed, and how many it refused. */
export type Authorizations = Record<string, { allowed: number; denied: number }>;

let enforcement: Enforcement | undefined;
const authorizations: Authorizations = {};

/** The decisions since the process started, by function. */
export function authorizationsSoFar(): Authorizations {
  return structuredClone(authorizations);
}

/** The middleware stacks already checking; a document client shares its client's. */
const checking = new WeakSet<object>();

type Stack = { add: (middleware: unknown, options: Record<string, unknown>) => void };
type SmithyClient = { middlewareStack: Stack; send: (...args: unknown[]) => unknown };

/**
 * From now on every SDK client in the process (the handlers' module-level clients, and any copies a
 * bundle brings, since all extend the one Smithy Client class) authorizes each call made inside
 * `asFunction` against that function's policy. A refusal is answered the way AWS answers it, an HTTP
 * 400 AccessDeniedException the client's own deserializer reads, so the handler sees the SDK's error
 * and the retry strategy does not retry it. Calls from outside any function (the engine, tests) are
 * the services themselves and pass.
 */
export function enforceRolePolicies(next: Enforcement): void {
  enforcement = next;
  const prototype = Object.getPrototypeOf(DynamoDBClient.prototype) as SmithyClient;
  if ((prototype.send as { enforced?: boolean }).enforced) return;
  const send = prototype.send;
  const enforcedSend = function (this: SmithyClient, ...args: unknown[]) {
    if (!checking.has(this.middlewareStack)) {
      // Last before the transport: the marshalled input, inside the retry and the deserializer.
      this.middlewareStack.add(authorize, {
        step: 'deserialize',
        priority: 'low',
        name: 'localIamEnforcement',
      });
      checking.add(this.middlewareStack);
    }
    return send.apply(this, args);
  };
  prototype.send = Object.assign(enforcedSend, { enforced: true });
}

type Next = (args: { input: Record<string, unknown> }) => Promise<unknown>;
type Context = { clientName?: string; commandName?: string };

function authorize(next: Next, context: Context) {
  return async (args: { input: Record<string, unknown> }) => {
    const functionName = principal.getStore();
    if (!functionName || !enforcement) return next(args);
    const policies = enforcement.policies.get(functionName) ?? [];
    const requests = authorizationRequestsOf(
      context.clientName ?? '',
      context.commandName ?? '',
      args.input,
      enforcement.account,
    ).map((request) => ({ request, decision: evaluate(policies, request) }));
    const { request, decision } =
      requests.find((each) => each.decision !== 'Allow') ?? (requests[0] as (typeof requests)[number]);
    const tally = authorizations[functionName] ?? { allowed: 0, denied: 0 };
    authorizations[functionName] = tally;
    if (decision === 'Allow') {
      tally.allowed++;
      return next(args);
    }
    tally.denied++;
    // The handler may swallow or translate the error; the developer running `npm start` still sees why.
    console.warn(`local IAM refused ${functionName}: ${request.action} on ${request.resource} (${decision})`);
    const denied = accessDenied(functionName, request.action, request.resource, decision);
    return { response: context.clientName === 'S3Client' ? asS3Error(denied) : denied, output: {} };
  };
}

/** S3 answers in its REST XML: 403 with an Error element the S3 client's deserializer reads. */
function asS3Error(denied: ReturnType<typeof accessDenied>) {
  const { Message } = JSON.parse(denied.body.toString('utf8')) as { Message: string };
  const escaped = Message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const requestId = denied.headers['x-amzn-requestid'];
  return {
    statusCode: 403,
    reason: 'Forbidden',
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
    body: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${escaped}</Message><RequestId>${requestId}</RequestId></Error>`,
    ),
  };
}

/** AWS's answer, message included ("Troubleshoot access denied error messages", IAM docs). */
function accessDenied(functionName: string, action: string, resource: string, decision: Decision) {
  const { accountId } = (enforcement as Enforcement).account;
  const because =
    decision === 'ExplicitDeny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${action} action`;
  const body = {
    __type: 'com.amazon.coral.service#AccessDeniedException',
    Message: `User: arn:aws:sts::${accountId}:assumed-role/${functionName}Role/${functionName} is not authorized to perform: ${action} on resource: ${resource} ${because}`,
  };
  return {
    statusCode: 400,
    reason: 'Bad Request',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() },
    body: Buffer.from(JSON.stringify(body)),
  };
}
