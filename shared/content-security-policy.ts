/**
 * The web app's Content-Security-Policy, one string for CloudFront (infra/web.ts) and for `npm start`'s
 * server (local/server.ts). The built app is one module script and one stylesheet from its own origin:
 * Vite emits no inline script or style, and Preact sets styles through the DOM, which CSP does not
 * restrict, so nothing inline is allowed. The app fetches from its own origin (`/api/*`, `/config.json`)
 * and, signed in through Cognito's hosted UI, from that UI's token endpoint (web/src/auth/sign-in.ts);
 * navigating to the hosted UI is not a fetch and needs no source here. Files go to and come from the
 * storage buckets' own origins (`storageOrigins`: a presigned POST, a presigned GET). No page may frame it.
 */
export function contentSecurityPolicy(
  options: { tokenEndpoint?: string; storageOrigins?: readonly string[] } = {},
): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    [
      'connect-src',
      "'self'",
      ...(options.tokenEndpoint ? [options.tokenEndpoint] : []),
      ...(options.storageOrigins ?? []),
    ].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
