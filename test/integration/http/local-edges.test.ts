import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localTokens } from '../../../local/jwt';
import { type LocalRuntime, startRuntime } from '../../../local/runtime';
import { startLocalServer } from '../../../local/server';
import { contentSecurityPolicy } from '../../../shared/content-security-policy';
import { expectErrorShape, startServer, type TestServer } from './server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request sent as written: the path unnormalised, the Host and Origin headers chosen by the test. */
function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const TOKEN_BODY = JSON.stringify({ sub: 'edge-founder', groups: ['applicants'] });

describe("npm start's server", () => {
  let server: TestServer;
  let port: string;

  beforeAll(async () => {
    server = await startServer();
    port = new URL(server.url).port;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  test.each(['/', '/cases/co-1/correct/company'])('sends the web app its CSP on %s', async (path) => {
    // Prepare / Act
    const response = await fetch(`${server.url}${path}`);
    await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(
      contentSecurityPolicy({ storageOrigins: [server.s3Endpoint()] }),
    );
  });

  test.each([
    ['127.0.0.1', (p: string) => `127.0.0.1:${p}`],
    ['localhost', (p: string) => `localhost:${p}`],
    ['[::1]', (p: string) => `[::1]:${p}`],
  ])('issues a local token to a caller naming %s with its port', async (_name, host) => {
    // Prepare / Act
    const response = await raw(server.url, '/api/local/token', {
      method: 'POST',
      headers: { host: host(port), 'content-type': 'application/json; charset=utf-8' },
      body: TOKEN_BODY,
    });

    // Assess
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).token).toEqual(expect.any(String));
  });

  test.each([
    ['another name resolving to loopback', { host: () => `rebound.example:${port}` }],
    ['the loopback address on another port', { host: () => '127.0.0.1:1' }],
    ['no port', { host: () => 'localhost' }],
    ['a page of another site', { host: () => `127.0.0.1:${port}`, origin: 'https://evil.example' }],
  ])('refuses a local route to %s with 403', async (_case, caller) => {
    // Prepare
    const headers: Record<string, string> = { host: caller.host(), 'content-type': 'application/json' };
    if ('origin' in caller) headers.origin = caller.origin;

    // Act
    const response = await raw(server.url, '/api/local/token', { method: 'POST', headers, body: TOKEN_BODY });

    // Assess
    expect(response.status).toBe(403);
    const body = JSON.parse(response.text);
    expectErrorShape(body);
    expect(body.error.code).toBe('LocalOnly');
    expect(body.error.message_zh).toMatch(/本机/);
  });

  test('answers a page on another loopback port (the Vite dev server)', async () => {
    // Prepare / Act
    const response = await raw(server.url, '/api/local/token', {
      method: 'POST',
      headers: {
        host: `localhost:${port}`,
        origin: 'http://localhost:5173',
        'content-type': 'application/json',
      },
      body: TOKEN_BODY,
    });

    // Assess
    expect(response.status).toBe(200);
  });

  test.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['a JSON look-alike', 'application/jsonp'],
    ['no content type', undefined],
  ])('refuses a local route a body sent as %s with 415', async (_case, type) => {
    // Prepare
    const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
    if (type) headers['content-type'] = type;

    // Act
    const response = await raw(server.url, '/api/local/clock', {
      method: 'POST',
      headers,
      body: JSON.stringify({ advance: 'PT1H' }),
    });

    // Assess
    expect(response.status).toBe(415);
    const body = JSON.parse(response.text);
    expectErrorShape(body);
    expect(body.error.code).toBe('UnsupportedMediaType');
  });

  test('keeps its data for its owner only, tightening a data directory others could read', async () => {
    // Prepare
    await chmod(server.dataDirectory, 0o755);
    await server.kill();

    // Act
    await server.restart();

    // Assess
    expect((await stat(server.dataDirectory)).mode & 0o777).toBe(0o700);
    expect((await stat(join(server.dataDirectory, 'dynamo'))).mode & 0o777).toBe(0o700);
  });
});

describe("npm start's static files", () => {
  let runtime: LocalRuntime;
  let web: { server: Server; url: string };
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'static-root-'));
    await mkdir(join(parent, 'web', 'assets'), { recursive: true });
    await mkdir(join(parent, 'web-evil'));
    await writeFile(join(parent, 'web', 'index.html'), '<!doctype html><title>the app</title>');
    await writeFile(join(parent, 'web', 'assets', 'app.js'), 'export {};');
    await writeFile(join(parent, 'web', '..notes.txt'), 'inside the root');
    await writeFile(join(parent, 'web-evil', 'secret.txt'), 'the sibling directory');
    runtime = await startRuntime();
    const tokens = await localTokens({ now: () => runtime.clock.now() });
    web = await startLocalServer({ runtime, tokens, port: 0, webDirectory: join(parent, 'web') });
  }, 120_000);

  afterAll(async () => {
    web?.server.closeAllConnections();
    await new Promise((done) => web?.server.close(done));
    await runtime?.close();
    await rm(parent, { recursive: true, force: true });
  });

  test.each([
    '/../web-evil/secret.txt',
    '/..%2Fweb-evil%2Fsecret.txt',
    '/%2e%2e%2fweb-evil%2fsecret.txt',
    '/%2E%2E/web-evil/secret.txt',
    '/assets/..%2F..%2Fweb-evil%2Fsecret.txt',
    '/..%5Cweb-evil%5Csecret.txt',
  ])('never serves a sibling of the root whose name starts with it: %s', async (path) => {
    // Prepare / Act
    const response = await raw(web.url, path);

    // Assess: the app's own page, as for any path that names no file of it
    expect(response.status).toBe(200);
    expect(response.text).toBe('<!doctype html><title>the app</title>');
    expect(response.headers['content-security-policy']).toBe(
      contentSecurityPolicy({ storageOrigins: [runtime.s3Endpoint] }),
    );
  });

  test.each([
    ['/assets/app.js', 'export {};'],
    ['/..notes.txt', 'inside the root'],
  ])('serves the files inside the root: %s', async (path, text) => {
    // Prepare / Act
    const response = await raw(web.url, path);

    // Assess
    expect(response.status).toBe(200);
    expect(response.text).toBe(text);
  });
});
