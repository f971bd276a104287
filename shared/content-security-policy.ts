/**
 * The web app's Content-Security-Policy, one string for CloudFront (infra/web.ts) and for `npm start`'s
 * server (local/server.ts). The built app is one module script and one stylesheet from its own origin:
 * Vite emits no inline script or style, and Preact sets styles through the DOM, which CSP does not
 * restrict, so nothing inline is allowed. The app fetches from its own origin (`/api/*`, `/config.json`),
 * signed in through Cognito's hosted UI from that UI's token endpoint (web/src/auth/sign-in.ts), and from
 * the storage origins: a file is posted to a presigned S3 URL, and a stored file is read by following
 * the API's redirect to one. Navigating to the hosted UI is not a fetch and needs no source here.
 *
 * Previews are blob URLs the app makes of files it fetched: an image in an `<img>` (img-src), a PDF in an
 * `<iframe>` (frame-src); Chromium's PDF viewer opens in that frame with object-src still 'none'. No page
 * may frame the app.
 */
export function contentSecurityPolicy(
  options: { tokenEndpoint?: string; storageOrigins?: readonly string[] } = {},
): string {
  const connect = [
    "'self'",
    ...(options.tokenEndpoint ? [options.tokenEndpoint] : []),
    ...(options.storageOrigins ?? []),
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob:",
    `connect-src ${connect.join(' ')}`,
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
