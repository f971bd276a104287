import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { BUNDLES_ROOT, buildHandlerBundles, bundlePath, declaredEntries } from './handler-bundles';
import type { LambdaHandler } from './lambda-context';

const REPO_ROOT = new URL('..', import.meta.url);

/**
 * LOCAL_HANDLERS: `sources` (the default) imports each handler's TypeScript module; `bundled` imports
 * the bundle CDK deploys for it instead, so that a bundling mistake shows locally.
 */
export type HandlerForm = 'sources' | 'bundled';

export function handlerForm(setting = process.env.LOCAL_HANDLERS): HandlerForm {
  if (setting === undefined || setting === '' || setting === 'sources') return 'sources';
  if (setting === 'bundled') return 'bundled';
  throw new Error(`LOCAL_HANDLERS must be sources or bundled, not ${setting}`);
}

let declaredBundles: Promise<string> | undefined;

/**
 * The `handler` export of an entry point's module, named relative to the repository root, in the form
 * LOCAL_HANDLERS asks for. Every handler the runtime and the server invoke is loaded here.
 */
export async function loadHandler(module: string): Promise<LambdaHandler> {
  if (handlerForm() === 'sources') return importHandler(new URL(module, REPO_ROOT).href, module);
  if (!declaredEntries().includes(module))
    throw new Error(
      `${module} is no declared entry point (shared/entry-points/): CDK bundles nothing for it`,
    );
  if (!declaredBundles) {
    // What Lambda does with NODE_OPTIONS=--enable-source-maps (infra/house-function.ts).
    process.setSourceMapsEnabled(true);
    register('./bundle-loader-hooks.mjs', import.meta.url, {
      data: { bundlesUrl: pathToFileURL(`${BUNDLES_ROOT}/`).href },
    });
    declaredBundles = buildHandlerBundles(declaredEntries());
  }
  return importHandler(pathToFileURL(bundlePath(await declaredBundles, module)).href, module);
}

/** Imports `url` and returns its `handler`; a module that fails to load or exports none fails here, loudly. */
export async function importHandler(url: string, module: string): Promise<LambdaHandler> {
  let loaded: { handler?: unknown };
  try {
    loaded = await import(url);
  } catch (error) {
    throw new Error(`${module} failed to load from ${url}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof loaded.handler !== 'function')
    throw new Error(`${module} exports no handler function (loaded from ${url})`);
  return loaded.handler as LambdaHandler;
}
