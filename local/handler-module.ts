import type { LambdaHandler } from './lambda-context';

const REPO_ROOT = new URL('..', import.meta.url);

/** The `handler` export of an entry point's module, named relative to the repository root. */
export async function loadHandler(module: string): Promise<LambdaHandler> {
  const url = new URL(module, REPO_ROOT).href;
  return ((await import(url)) as { handler: LambdaHandler }).handler;
}
