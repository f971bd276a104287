import { withUploadsOverHttp } from '../../test/support/uploads';

/**
 * Each founder's form with its materials filed once over HTTP, as the web app files them, then reused by
 * every case of that founder (an upload may be named by several cases of its owner). The benches that
 * use it time cases, not uploads (bench/uploads.ts times those), so they file before they start timing.
 */
export function filedForms<T>(apiUrl: string, form: () => T) {
  const filed = new Map<string, Promise<T>>();
  return (founder: string, token: string): Promise<T> => {
    let forFounder = filed.get(founder);
    if (!forFounder) {
      forFounder = withUploadsOverHttp(apiUrl, token, form());
      forFounder.catch(() => filed.delete(founder));
      filed.set(founder, forFounder);
    }
    return forFounder;
  };
}
