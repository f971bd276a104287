import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/bundling';
import { ENVIRONMENT, LOCAL_TABLE_NAME, METRICS_NAMESPACE, SERVICE_NAME } from '../shared/config';
import { ENTRY_POINTS } from '../shared/entry-points/all';
import { median } from './lib/stats';

const run = promisify(execFile);

/**
 * Each Lambda bundle as CDK builds it (esbuild with the house construct's options, infra/house-function.ts)
 * and its cold import time: a fresh `node` process importing the bundle, as a Lambda init does, median
 * of five, against a bundle of an empty handler built the same way. The SDK stays external, as on the
 * Node 24 Lambda runtime, and is resolved from node_modules here: its load time counts, as it does there.
 */

const OUT = resolve('node_modules/.cache/bench-bundles');
const EMPTY_ENTRY = join(OUT, 'empty-handler.ts');

export interface BundleResult {
  name: string;
  entry: string;
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  coldImportMs: number;
  coldImportRuns: number[];
}

async function bundle(
  name: string,
  entry: string,
): Promise<{ file: string; bytes: number; gzipBytes: number; mapBytes: number }> {
  const directory = join(OUT, name);
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const file = join(directory, 'index.mjs');
  await build({
    ...esbuildOptions(),
    absWorkingDir: undefined,
    entryPoints: [entry],
    outfile: file,
    logLevel: 'silent',
  });
  const contents = await readFile(file);
  return {
    file,
    bytes: contents.byteLength,
    gzipBytes: gzipSync(contents).byteLength,
    mapBytes: (await stat(`${file}.map`)).size,
  };
}

/** A fresh node process that imports the bundle and prints how long the import took. */
async function coldImport(file: string, sourceMaps = true): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(
    process.execPath,
    [...(sourceMaps ? ['--enable-source-maps'] : []), '--input-type=module', '-e', script],
    {
      env: {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'us-east-1',
        [ENVIRONMENT.tableName]: LOCAL_TABLE_NAME,
        STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:CompanyOpening',
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    },
  );
  return Number(stdout);
}

export async function benchBundles(
  options: { runs: number },
  progress: (fraction: number, detail: string) => void,
): Promise<{
  bundles: BundleResult[];
  empty: BundleResult;
  /** The largest bundle imported without --enable-source-maps: what the flag costs at init. */
  withoutSourceMaps: { name: string; coldImportMs: number; withSourceMapsMs: number };
}> {
  await mkdir(OUT, { recursive: true });
  await writeFile(EMPTY_ENTRY, 'export const handler = async () => ({ statusCode: 200 });\n');
  const entries: [string, string][] = [
    ['(empty handler)', EMPTY_ENTRY],
    ...ENTRY_POINTS.map((fn): [string, string] => [fn.name, fn.handler]),
  ];
  const results: BundleResult[] = [];
  for (const [index, [name, entry]] of entries.entries()) {
    progress(index / entries.length, `${name}: bundling`);
    const built = await bundle(name.replace(/[^\w-]/g, '_'), entry);
    const runs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      progress(
        (index + (run + 1) / (options.runs + 1)) / entries.length,
        `${name}: cold import ${run + 1}/${options.runs}`,
      );
      runs.push(await coldImport(built.file));
    }
    results.push({
      name,
      entry: entry.startsWith(OUT) ? '(generated)' : entry,
      bytes: built.bytes,
      gzipBytes: built.gzipBytes,
      mapBytes: built.mapBytes,
      coldImportMs: median(runs),
      coldImportRuns: runs,
    });
  }
  const [empty, ...bundles] = results as [BundleResult, ...BundleResult[]];
  const largest = bundles.reduce((big, candidate) => (candidate.bytes > big.bytes ? candidate : big));
  const plain: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    progress(1, `${largest.name}: cold import without source maps ${run + 1}/${options.runs}`);
    plain.push(await coldImport(join(OUT, largest.name.replace(/[^\w-]/g, '_'), 'index.mjs'), false));
  }
  return {
    bundles,
    empty,
    withoutSourceMaps: {
      name: largest.name,
      coldImportMs: median(plain),
      withSourceMapsMs: largest.coldImportMs,
    },
  };
}
