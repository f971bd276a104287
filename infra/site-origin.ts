import type { App } from 'aws-cdk-lib';

/**
 * Context key: the site's origin, `https://<AppUrl's host>` (or the custom domain in front of it). The
 * buckets' CORS and the documents' QR codes need it, but the CloudFront domain is only known in the edge
 * stack, which depends on the data and workflow stacks; passing it back would be a cycle. So it is given
 * on the deploy after the first (docs/deploy.md), as the web ACL's ARN is.
 */
export const SITE_ORIGIN_CONTEXT = 'siteOrigin';

/** What the buckets' CORS allows until `siteOrigin` is given: any CloudFront default domain. */
export const ANY_CLOUDFRONT_ORIGIN = 'https://*.cloudfront.net';

/** The `siteOrigin` context, checked: an https origin, nothing after the host. */
export function siteOriginOf(app: App): string | undefined {
  const value = app.node.tryGetContext(SITE_ORIGIN_CONTEXT) as string | undefined;
  if (value === undefined) return undefined;
  if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(value)) {
    throw new Error(
      `${SITE_ORIGIN_CONTEXT} must be an https origin such as https://d111.cloudfront.net, not ${value}`,
    );
  }
  return value;
}
