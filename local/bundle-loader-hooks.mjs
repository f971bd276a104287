import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Plain JavaScript: module hooks load in their own thread, where a test runner may have no TypeScript loader.

/** The folder of built bundles as a file URL prefix, given by `register` in local/handler-module.ts. */
let bundlesUrl = '';

/** @param {{ bundlesUrl: string }} data */
export function initialize(data) {
  bundlesUrl = data.bundlesUrl;
}

/**
 * A bundle is loaded as Lambda's Node loads it: the file as it is. Without this, tsx (which `npm start`
 * runs under) rewrites every module with a dynamic import as it loads, which for the minified bundles
 * costs seconds at each start.
 *
 * @param {string} url
 * @param {unknown} context
 * @param {(url: string, context: unknown) => Promise<unknown>} nextLoad
 */
export async function load(url, context, nextLoad) {
  if (!bundlesUrl || !url.startsWith(bundlesUrl) || !url.endsWith('.mjs')) return nextLoad(url, context);
  return { format: 'module', source: await readFile(fileURLToPath(url)), shortCircuit: true };
}
