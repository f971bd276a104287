import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The repository root: handler entries are given relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * How every handler is bundled, in one place: CDK (`infra/house-function.ts`), the bundle sizes, the
 * benchmarks and the local runtime's bundled mode (`local/handler-bundles.ts`) all build from it.
 * The Node 24 runtime provides the AWS SDK v3, so `@aws-sdk/*` stays out of every bundle.
 */
export const BUNDLING = {
  format: 'esm',
  target: 'node24',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  // ESM bundles need a require() for the CommonJS dependencies they inline.
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  external: ['@aws-sdk/*'],
} as const;

/** BUNDLING as esbuild's own options, for the tools that bundle outside CDK. */
export function esbuildOptions(): BuildOptions {
  return {
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    external: [...BUNDLING.external],
  };
}
