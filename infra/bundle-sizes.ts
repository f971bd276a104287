import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { build, type Metafile } from 'esbuild';
import { buildApp } from './app';
import { esbuildOptions } from './bundling';
import { HouseFunction } from './house-function';

/**
 * Bundles every house function of the app exactly as CDK does (same entry, same BUNDLING options)
 * and prints its minified and gzipped size; `--top` adds the largest packages in each bundle.
 *
 *   npx tsx infra/bundle-sizes.ts [--top]
 */
export const BUNDLE_BUDGET_BYTES = 300 * 1024;

export interface BundleSize {
  function: string;
  entry: string;
  minified: number;
  gzipped: number;
  largest: [string, number][];
}

export function houseFunctions(app: App): HouseFunction[] {
  const found: HouseFunction[] = [];
  const visit = (construct: IConstruct) => {
    if (construct instanceof HouseFunction) found.push(construct);
    for (const child of construct.node.children) visit(child);
  };
  visit(app);
  return found;
}

/** Bytes per package (or per top-level source folder) in the minified output. */
function byPackage(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const inModules = path.split('node_modules/').pop() ?? path;
      const parts = inModules.split('/');
      const key = path.includes('node_modules/')
        ? parts.slice(0, inModules.startsWith('@') ? 2 : 1).join('/')
        : parts.slice(0, 2).join('/');
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

export async function bundleSizes(): Promise<BundleSize[]> {
  const app = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
  const sizes: BundleSize[] = [];
  for (const fn of houseFunctions(app)) {
    const result = await build({
      ...esbuildOptions(),
      entryPoints: [fn.entry],
      outfile: 'index.mjs',
      metafile: true,
      write: false,
      logLevel: 'error',
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
    if (!code) throw new Error(`No bundle for ${fn.entry}`);
    sizes.push({
      function: fn.node.path,
      entry: fn.entry,
      minified: code.contents.length,
      gzipped: gzipSync(code.contents).length,
      largest: byPackage(result.metafile).slice(0, 5),
    });
  }
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const sizes = await bundleSizes();
  for (const size of sizes) {
    const over = size.minified > BUNDLE_BUDGET_BYTES ? '  over budget' : '';
    console.log(
      `${size.entry.padEnd(44)} ${kb(size.minified).padStart(10)} min ${kb(size.gzipped).padStart(9)} gz${over}`,
    );
    if (process.argv.includes('--top')) {
      console.log(`    ${size.largest.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`);
    }
  }
}
