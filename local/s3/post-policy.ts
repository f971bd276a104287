import { createHmac } from 'node:crypto';

/**
 * S3's check of a browser-based POST upload (Amazon S3 docs, "Browser-based uploads using POST" and
 * "Creating a POST policy"): the policy's signature, its expiration, and every condition against the
 * form's fields and the file's size. s3rver stores what it is sent without checking the conditions,
 * so the local S3 checks them first, and refuses as S3 does.
 */

export interface PostForm {
  bucket: string;
  /** The form's fields, by their names as sent. */
  fields: Record<string, string>;
  fileBytes: number;
}

export interface PolicyRefusal {
  status: 400 | 403;
  code: string;
  message: string;
  extra?: Record<string, string | number>;
}

type Condition = Record<string, string> | [string, string, string] | ['content-length-range', number, number];

/** Fields no condition needs to name. */
const EXEMPT = new Set(['x-amz-signature', 'file', 'policy']);

const denied = (message: string): PolicyRefusal => ({
  status: 403,
  code: 'AccessDenied',
  message: `Invalid according to Policy: ${message}`,
});

export function checkPostPolicy(
  form: PostForm,
  secretOf: (accessKeyId: string) => string | undefined,
  now: Date,
): PolicyRefusal | undefined {
  const fields = new Map(Object.entries(form.fields).map(([name, value]) => [name.toLowerCase(), value]));
  const policyText = fields.get('policy');
  if (!policyText) return denied('Policy missing');
  const signatureRefusal = checkSignature(policyText, fields, secretOf);
  if (signatureRefusal) return signatureRefusal;
  let policy: { expiration?: string; conditions?: Condition[] };
  try {
    policy = JSON.parse(Buffer.from(policyText, 'base64').toString('utf8'));
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  if (!policy.expiration || Date.parse(policy.expiration) <= now.getTime()) return denied('Policy expired.');
  const covered = new Set<string>();
  const fieldValue = (name: string) => (name === 'bucket' ? form.bucket : fields.get(name));
  for (const condition of policy.conditions ?? []) {
    if (Array.isArray(condition) && condition[0] === 'content-length-range') {
      const [, min, max] = condition as [string, number, number];
      if (form.fileBytes > max)
        return {
          status: 400,
          code: 'EntityTooLarge',
          message: 'Your proposed upload exceeds the maximum allowed size',
          extra: { ProposedSize: form.fileBytes, MaxSizeAllowed: max },
        };
      if (form.fileBytes < min)
        return {
          status: 400,
          code: 'EntityTooSmall',
          message: 'Your proposed upload is smaller than the minimum allowed size',
          extra: { ProposedSize: form.fileBytes, MinSizeAllowed: min },
        };
      continue;
    }
    const [operator, field, expected] = Array.isArray(condition)
      ? [String(condition[0]).toLowerCase(), String(condition[1]), String(condition[2])]
      : ['eq', `$${Object.keys(condition)[0]}`, String(Object.values(condition)[0])];
    const name = field.replace(/^\$/, '').toLowerCase();
    covered.add(name);
    const actual = fieldValue(name);
    const holds =
      actual !== undefined && (operator === 'eq' ? actual === expected : actual.startsWith(expected));
    if (!holds) return denied(`Policy Condition failed: ${JSON.stringify(condition)}`);
  }
  const extra = [...fields.keys()].filter(
    (name) => !EXEMPT.has(name) && !name.startsWith('x-ignore-') && !covered.has(name),
  );
  if (extra.length > 0) return denied(`Extra input fields: ${extra.join(', ')}`);
  return undefined;
}

/** SigV4 over the policy (S3 docs, "Calculating a signature" for POST): the key derived from the credential scope. */
function checkSignature(
  policy: string,
  fields: Map<string, string>,
  secretOf: (accessKeyId: string) => string | undefined,
): PolicyRefusal | undefined {
  const [accessKeyId = '', date = '', region = '', service = ''] = (
    fields.get('x-amz-credential') ?? ''
  ).split('/');
  const secret = secretOf(accessKeyId);
  if (!secret)
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  const expected = createHmac('sha256', signingKey).update(policy).digest('hex');
  if (fields.get('x-amz-signature') !== expected)
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  return undefined;
}

export function s3ErrorXml(refusal: PolicyRefusal, requestId: string): string {
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const extra = Object.entries(refusal.extra ?? {})
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${escapeXml(refusal.message)}</Message>${extra}<RequestId>${requestId}</RequestId></Error>`;
}
