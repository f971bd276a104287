/**
 * The in-app path a notice's link names. Only its path, query and fragment are kept and always opened on
 * this origin, so a notice can never send the browser to another site; repeated leading slashes would
 * read as another host (`//example.com`), so they are collapsed.
 */
export function noticePath(link: string): string {
  let url: URL;
  try {
    url = new URL(link, window.location.origin);
  } catch {
    return '/';
  }
  return `${url.pathname.replace(/^\/+/, '/')}${url.search}${url.hash}`;
}
