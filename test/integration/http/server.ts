import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import {
  declarationOf,
  postToStorage,
  type SampleFile,
  uploadCache,
  withFiledUploads,
} from '../../support/uploads';
import { type OpenApiValidator, openApiValidator } from './openapi';

export interface Response<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export const validApplication = () =>
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')) as Record<string, any>;

/**
 * `npm start`'s server as a child process (node --import tsx local/main.ts on a fresh DATA_DIR): its
 * output (the banner says how many executions a start resumed), SIGKILL and restart on the same data,
 * and how long each start took. The HTTP tests, the benchmarks and the chaos run all start it here.
 */
export async function startChildServer(
  environment: Record<string, string>,
  { startTimeoutMs }: { startTimeoutMs: number },
) {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'company-opening-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  let dynamoEndpoint = '';
  let s3Endpoint = '';
  const starts: { seconds: number; resumed: number }[] = [];

  async function launch(reset: boolean): Promise<void> {
    const started = performance.now();
    output = '';
    dynamoEndpoint = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts', ...(reset ? ['--reset'] : [])], {
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        PORT: String(port),
        DATA_DIR: dataDirectory,
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
      if (process.env.SHOW_SERVER_OUTPUT) process.stderr.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited early:\n${output.slice(-5000)}`);
      dynamoEndpoint = /DynamoDB\s+(http:\/\/\S+)/.exec(output)?.[1] ?? '';
      s3Endpoint = /S3\s+(http:\/\/\S+)/.exec(output)?.[1] ?? '';
      const healthy = await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy && dynamoEndpoint) break;
      if (Date.now() > deadline)
        throw new Error(
          `the server did not start within ${startTimeoutMs / 1000} s:\n${output.slice(-5000)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const resumed = Number(/(\d+) unfinished executions resumed/.exec(output)?.[1] ?? 0);
    starts.push({ seconds: (performance.now() - started) / 1000, resumed });
  }

  async function signal(name: NodeJS.Signals): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(name);
    await exited;
  }

  await launch(true);
  return {
    url,
    dataDirectory,
    dynamoEndpoint: () => dynamoEndpoint,
    s3Endpoint: () => s3Endpoint,
    output: () => output,
    starts,
    pid: () => child?.pid,
    kill: () => signal('SIGKILL'),
    restart: () => launch(false),
    async stop(): Promise<void> {
      await signal('SIGTERM');
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

export type ChildServer = Awaited<ReturnType<typeof startChildServer>>;

/** The requests whose body files materials: a submission and an answer to corrections. */
const FILES_MATERIALS = /^\/api\/applications(\/[^/]+\/corrections)?$/;

/**
 * The child server, with the HTTP calls the tests make to it as users do. Every response they get is
 * checked against the server's own GET /api/openapi.json (loaded once per server): a response the
 * document does not describe fails the test that received it.
 */
export async function startServer(environment: Record<string, string> = {}) {
  const child = await startChildServer(environment, { startTimeoutMs: 60_000 });
  const { url } = child;
  let validator: Promise<OpenApiValidator> | undefined;

  async function documentValidator(): Promise<OpenApiValidator> {
    validator ??= (async () => {
      const response = await fetch(`${url}/api/openapi.json`);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`GET /api/openapi.json: ${response.status} ${text}`);
      const loaded = await openApiValidator(JSON.parse(text));
      loaded.check({
        method: 'GET',
        path: '/api/openapi.json',
        status: 200,
        headers: response.headers,
        text,
      });
      return loaded;
    })();
    return validator;
  }

  /** The fixtures' placeholder uploads, filed once per account (test/support/uploads.ts). */
  const fixtureUpload = (token: string, placeholder: string, type: string) =>
    cachedUpload(subOf(token), placeholder, type);
  const tokens = new Map<string, string>();
  const cachedUpload = uploadCache(async (account, file) => {
    const uploaded = await server.upload(tokens.get(account) as string, file);
    if (uploaded.status !== 'clean')
      throw new Error(`fixture upload ${file.fileName}: ${JSON.stringify(uploaded)}`);
    return uploaded.id;
  });
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub: string;
      'cognito:groups'?: string[];
    };
  const subOf = (token: string) => {
    const { sub } = claimsOf(token);
    tokens.set(sub, token);
    return sub;
  };
  /** A submission names materials itself; an answer to corrections in its `application`. */
  const fileFixtureMaterials = async (
    body: unknown,
    upload: (placeholder: string, type: string) => Promise<string>,
  ) => {
    const answer = body as { application?: unknown } | undefined;
    if (answer && typeof answer === 'object' && 'application' in answer)
      return { ...answer, application: await withFiledUploads(answer.application, upload) };
    return withFiledUploads(body, upload);
  };
  /** Only founders and agents upload: another caller's request goes as it is, to be refused as it is. */
  const mayUpload = (token: string) =>
    (claimsOf(token)['cognito:groups'] ?? []).some((group) => group === 'applicants' || group === 'agents');
  /**
   * What each placeholder stands for: in a submission, the caller's own upload of it; in an answer to
   * corrections, the file the case already holds at that place, as a founder re-sends what they filed.
   */
  async function placeholderFiles(token: string, path: string) {
    const answered = /^\/api\/applications\/([^/]+)\/corrections$/.exec(path)?.[1];
    if (!answered) return (placeholder: string, type: string) => fixtureUpload(token, placeholder, type);
    const { body } = await server.request('GET', `/api/applications/${answered}`, { token });
    const held = (body?.application?.materials ?? []) as { type: string; uploadId: string }[];
    const taken = new Set<string>();
    return async (placeholder: string, type: string) => {
      const same = held.find((material) => material.type === type && !taken.has(material.uploadId));
      if (!same) return fixtureUpload(token, placeholder, type);
      taken.add(same.uploadId);
      return same.uploadId;
    };
  }

  const server = {
    url,
    dataDirectory: child.dataDirectory,
    dynamoEndpoint: child.dynamoEndpoint,
    s3Endpoint: child.s3Endpoint,
    /** fetch on a path of the server, the response's body read as text and checked against the document. */
    async fetch(
      path: string,
      init: RequestInit = {},
    ): Promise<{ response: globalThis.Response; text: string }> {
      const checker = await documentValidator();
      const response = await fetch(`${url}${path}`, init);
      const text = await response.text();
      checker.check({
        method: init.method ?? 'GET',
        path,
        status: response.status,
        headers: response.headers,
        text,
      });
      return { response, text };
    },
    async request<T = any>(
      method: string,
      path: string,
      options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
    ): Promise<Response<T>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        const { token } = options;
        const filed =
          token && method === 'POST' && FILES_MATERIALS.test(path) && mayUpload(token)
            ? await fileFixtureMaterials(options.body, await placeholderFiles(token, path))
            : options.body;
        body = JSON.stringify(filed);
        headers['content-type'] ??= 'application/json';
      }
      const { response, text } = await server.fetch(path, { method, headers, body });
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {}
      return { status: response.status, headers: response.headers, body: parsed as T };
    },
    /**
     * Uploads a file as its caller would: a slot from POST /api/uploads, the file posted to storage, then
     * GET /api/uploads/{id} until the checks and the scan answered.
     */
    async upload(token: string, file: SampleFile, timeoutMs = 30_000) {
      let slot = await server.request('POST', '/api/uploads', { token, body: declarationOf(file) });
      // A busy service is retried, as the web app retries it.
      for (let retry = 1; slot.status === 503 && retry <= 8; retry++) {
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** retry));
        slot = await server.request('POST', '/api/uploads', { token, body: declarationOf(file) });
      }
      if (slot.status !== 201) throw new Error(`upload slot: ${slot.status} ${JSON.stringify(slot.body)}`);
      const stored = await postToStorage(slot.body.upload, file);
      if (stored.status !== 204) return { id: slot.body.id as string, stored, status: undefined };
      const settled = await server.poll(
        `/api/uploads/${slot.body.id}`,
        token,
        (body: { status: string; reason?: { en: string; zh: string } }) => body.status !== 'pending',
        timeoutMs,
      );
      return { id: slot.body.id as string, stored, status: settled.status as string, reason: settled.reason };
    },
    async token(sub: string, groups: string[]): Promise<string> {
      const response = await server.request<{ token: string }>('POST', '/api/local/token', {
        body: { sub, groups },
      });
      if (response.status !== 200)
        throw new Error(`token: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.token;
    },
    async setClock(body: { now: string } | { advance: string }): Promise<string> {
      cachedUpload.forget();
      const response = await server.request<{ now: string }>('POST', '/api/local/clock', { body });
      if (response.status !== 200)
        throw new Error(`clock: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.now;
    },
    /** Polls GET until `until` holds for the body. */
    async poll<T = any>(
      path: string,
      token: string,
      until: (body: T) => boolean,
      timeoutMs = 30_000,
    ): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const response = await server.request<T>('GET', path, { token });
        if (response.status === 200 && until(response.body)) return response.body;
        if (Date.now() > deadline)
          throw new Error(`${path} never matched: ${JSON.stringify(response.body).slice(0, 500)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    kill: child.kill,
    restart: child.restart,
    async stop(): Promise<void> {
      const undocumented = validator ? (await validator.catch(() => undefined))?.undocumented : undefined;
      if (undocumented?.length) {
        const seen = new Map<string, number>();
        for (const { method, status, reason } of undocumented) {
          const key = `${status} ${reason} (${method})`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
        // The document has no operation for these to list their statuses under: kept for documenting them.
        console.info(
          `responses outside the document's operations: ${JSON.stringify(Object.fromEntries(seen))}`,
        );
      }
      await child.stop();
    },
  };
  return server;
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;

export function expectErrorShape(body: unknown): void {
  const error = (body as { error?: Record<string, unknown> })?.error;
  if (
    !error ||
    typeof error.code !== 'string' ||
    typeof error.message !== 'string' ||
    typeof error.message_zh !== 'string' ||
    !Array.isArray(error.fields) ||
    !error.fields.every(
      (field: Record<string, unknown>) =>
        typeof field.path === 'string' &&
        typeof field.message === 'string' &&
        typeof field.message_zh === 'string',
    ) ||
    Object.keys(body as object).length !== 1
  ) {
    throw new Error(`not the error shape: ${JSON.stringify(body).slice(0, 500)}`);
  }
}
