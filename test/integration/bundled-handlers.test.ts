import { mkdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, test } from 'vitest';
import { buildHandlerBundles, bundlePath, declaredEntries } from '../../local/handler-bundles';
import { handlerForm, importHandler, loadHandler } from '../../local/handler-module';
import { useClock } from '../../shared/clock';
import { startChildServer } from './http/server';

const NO_HANDLER_EXPORT = 'test/fixtures/handlers/no-handler-export.ts';
const READS_BESIDE_ITSELF = 'test/fixtures/handlers/reads-beside-itself.ts';
const REPORTS_THE_TIME = 'test/fixtures/handlers/reports-the-time.ts';
const context = {} as Context;

async function loadBundled(entry: string) {
  const directory = await buildHandlerBundles([entry]);
  return importHandler(pathToFileURL(bundlePath(directory, entry)).href, entry);
}

afterEach(() => {
  delete process.env.LOCAL_HANDLERS;
  useClock(Date.now);
});

describe('LOCAL_HANDLERS', () => {
  test('is sources unless set to bundled; any other value stops the runtime', () => {
    // Prepare / Act / Assess
    expect(handlerForm(undefined)).toBe('sources');
    expect(handlerForm('sources')).toBe('sources');
    expect(handlerForm('bundled')).toBe('bundled');
    expect(() => handlerForm('bundle')).toThrow('LOCAL_HANDLERS must be sources or bundled, not bundle');
  });

  test('npm start stops at once, saying why, when a handler cannot be loaded in the form asked for', async () => {
    // Prepare / Act / Assess
    await expect(startChildServer({ LOCAL_HANDLERS: 'bundle' }, { startTimeoutMs: 30_000 })).rejects.toThrow(
      /exited early[\s\S]*LOCAL_HANDLERS must be sources or bundled, not bundle/,
    );
  }, 40_000);
});

describe('handlers loaded from the bundles CDK deploys', () => {
  test('LOCAL_HANDLERS=bundled loads a declared handler from its bundle, a copy apart from its source', async () => {
    // Prepare
    const entry = 'functions/api/health.ts';
    const fromSource = await loadHandler(entry);
    process.env.LOCAL_HANDLERS = 'bundled';

    // Act
    const fromBundle = await loadHandler(entry);

    // Assess
    expect(declaredEntries()).toContain(entry);
    expect(typeof fromBundle).toBe('function');
    expect(fromBundle).not.toBe(fromSource);
    const bundle = await readFile(bundlePath(await buildHandlerBundles(declaredEntries()), entry), 'utf8');
    expect(bundle).not.toMatch(/from\s*["'][./]*shared\//);
  });

  test('a module no entry point declares is refused: CDK deploys no bundle for it', async () => {
    // Prepare
    process.env.LOCAL_HANDLERS = 'bundled';

    // Act / Assess
    await expect(loadHandler(REPORTS_THE_TIME)).rejects.toThrow(
      `${REPORTS_THE_TIME} is no declared entry point`,
    );
  });

  test('a module without a handler export fails at load, in either form, naming the module', async () => {
    // Prepare / Act / Assess
    await expect(loadHandler(NO_HANDLER_EXPORT)).rejects.toThrow(
      `${NO_HANDLER_EXPORT} exports no handler function`,
    );
    await expect(loadBundled(NO_HANDLER_EXPORT)).rejects.toThrow(
      `${NO_HANDLER_EXPORT} exports no handler function`,
    );
  });

  test('a module that works from source but breaks when bundled fails at load from its bundle', async () => {
    // Prepare / Act
    const fromSource = await loadHandler(READS_BESIDE_ITSELF);

    // Assess
    expect(await fromSource({}, context)).toBe('hello from beside the source');
    await expect(loadBundled(READS_BESIDE_ITSELF)).rejects.toThrow(
      new RegExp(`${READS_BESIDE_ITSELF} failed to load from .*: ENOENT`),
    );
  });

  test("the clock the runtime registers reaches the bundle's own copy of shared/clock", async () => {
    // Prepare
    const handler = await loadBundled(REPORTS_THE_TIME);

    // Act
    useClock(() => Date.parse('2026-12-01T02:00:00.000Z'));
    const registered = await handler({}, context);
    useClock(Date.now);
    const wall = Date.parse((await handler({}, context)) as string);

    // Assess
    expect(registered).toBe('2026-12-01T02:00:00.000Z');
    expect(Math.abs(wall - Date.now())).toBeLessThan(5_000);
  });

  test('a set is reused for the same sources and entries, and rebuilt for others', async () => {
    // Prepare / Act
    const first = await buildHandlerBundles([REPORTS_THE_TIME]);
    const again = await buildHandlerBundles([REPORTS_THE_TIME]);
    const other = await buildHandlerBundles([REPORTS_THE_TIME, NO_HANDLER_EXPORT]);

    // Assess
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  test('building a new set removes the sets unused for an hour, and keeps the others', async () => {
    // Prepare
    const entries = [READS_BESIDE_ITSELF, REPORTS_THE_TIME];
    await rm(await buildHandlerBundles(entries), { recursive: true, force: true });
    const root = dirname(await buildHandlerBundles([REPORTS_THE_TIME]));
    const unused = join(root, 'unused-for-two-hours');
    const recent = join(root, 'used-a-minute-ago');
    await mkdir(unused, { recursive: true });
    await mkdir(recent, { recursive: true });
    await utimes(unused, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    await utimes(recent, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

    // Act
    const built = await buildHandlerBundles(entries);

    // Assess
    const exists = (path: string) =>
      stat(path).then(
        () => true,
        () => false,
      );
    expect(basename(built)).toMatch(/^[0-9a-f]{16}$/);
    expect(await exists(built)).toBe(true);
    expect(await exists(unused)).toBe(false);
    expect(await exists(recent)).toBe(true);
    await rm(recent, { recursive: true });
  });
});
