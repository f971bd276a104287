import { createHash, randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { esbuildOptions, REPO_ROOT } from '../infra/bundling';
import { ENTRY_POINTS } from '../shared/entry-points/all';
import { BUNDLED_FILES_DIRECTORY } from '../shared/entry-points/workflow-functions';

/**
 * Built bundle sets, one folder per source hash. Inside the repository so that a bundle's external
 * `@aws-sdk/*` imports resolve to its node_modules, the one SDK every handler shares, as on Lambda.
 */
export const BUNDLES_ROOT = join(REPO_ROOT, '.data', 'handler-bundles');

/**
 * A set of all bundles takes some 45 MB (mostly source maps), one per source state a bundled run saw.
 * Sets unused for this long are removed when a new one is built; a server imports its set as it starts.
 */
const UNUSED_SET_KEPT_MS = 60 * 60_000;

/**
 * What a bundle is built from besides its entry: handlers import only these folders (the layers in
 * docs/architecture.md), package-lock.json pins node_modules, and esbuild reads tsconfig.json.
 */
const SOURCE_FOLDERS = ['functions', 'shared', 'workflows'];
const SOURCE_FILES = ['package-lock.json', 'tsconfig.json'];

/** Every handler module CDK bundles: each route, workflow function and scheduled job declares one. */
export function declaredEntries(): string[] {
  return [...new Set(ENTRY_POINTS.map((declaration) => declaration.handler))];
}

/** The bundle of `entry` in a set built by `buildHandlerBundles`, named as CDK names its asset's file. */
export function bundlePath(directory: string, entry: string): string {
  return join(directory, entry.replace(/\.tsx?$/, ''), 'index.mjs');
}

/**
 * Bundles `entries` with the options CDK bundles them with (`infra/bundling.ts`), each on its own as
 * CDK does (no shared chunks), and returns the folder. A set already built from the same sources is
 * reused: building all of them takes over a second, and every server start would pay it.
 */
export async function buildHandlerBundles(entries: readonly string[]): Promise<string> {
  const options: BuildOptions = {
    ...esbuildOptions(),
    entryPoints: [...entries],
    outbase: REPO_ROOT,
    entryNames: '[dir]/[name]/index',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  };
  const directory = join(BUNDLES_ROOT, await sourceHash(entries, options));
  if (await isDirectory(directory)) {
    // Marks it used, so that no other process's pruning removes it while this one imports it.
    await utimes(directory, new Date(), new Date());
    return directory;
  }
  // Built aside and renamed into place, so that a server starting alongside never reads half a set.
  const building = `${directory}.building-${randomUUID()}`;
  await build({ ...options, outdir: building });
  await copyBundledFiles(building, entries);
  try {
    await rename(building, directory);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (!(await isDirectory(directory))) throw error;
  }
  await removeUnusedSets(directory);
  return directory;
}

/** The files a declaration ships next to its bundle, copied where CDK's afterBundling hook copies them. */
async function copyBundledFiles(directory: string, entries: readonly string[]): Promise<void> {
  for (const declaration of ENTRY_POINTS) {
    if (!('bundledFiles' in declaration) || !entries.includes(declaration.handler)) continue;
    const into = join(dirname(bundlePath(directory, declaration.handler)), BUNDLED_FILES_DIRECTORY);
    await mkdir(into, { recursive: true });
    for (const file of declaration.bundledFiles)
      await copyFile(join(REPO_ROOT, file), join(into, basename(file)));
  }
}

async function removeUnusedSets(kept: string): Promise<void> {
  const cutoff = Date.now() - UNUSED_SET_KEPT_MS;
  for (const name of await readdir(BUNDLES_ROOT)) {
    const path = join(BUNDLES_ROOT, name);
    if (path === kept) continue;
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
  }
}

async function sourceHash(entries: readonly string[], options: BuildOptions): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(options));
  const folders = await Promise.all(
    SOURCE_FOLDERS.map(async (folder) =>
      (await readdir(join(REPO_ROOT, folder), { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(REPO_ROOT.length)),
    ),
  );
  const files = [...new Set([...folders.flat(), ...SOURCE_FILES, ...entries])].sort();
  for (const file of files) hash.update(`\0${file}\0`).update(await readFile(join(REPO_ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
