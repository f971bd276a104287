import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Headers of the transport, of caching and the security headers every answer carries: OpenAPI documents
 * conventionally leave them out (and content-type is ignored there by the spec). Any other header a
 * response carries must be documented for its operation and status.
 */
const GENERIC_HEADERS = new Set([
  'connection',
  'content-length',
  'content-type',
  'date',
  'keep-alive',
  'transfer-encoding',
  'cache-control',
  'vary',
  'content-security-policy',
  'content-security-policy-report-only',
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'permissions-policy',
  'referrer-policy',
  'report-to',
  'reporting-endpoints',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

/**
 * The document's own fields and the OpenAPI 3.1 dialect's annotations: declared as keywords so that the
 * whole document can be one Ajv resource, its Schema Objects compiled in place and their `$ref`s resolved
 * against the document as OpenAPI 3.1 says, while Ajv's strict mode still rejects any other unknown keyword.
 */
const DOCUMENT_KEYWORDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
  'example',
  'discriminator',
  'xml',
];

const DOCUMENT_ID = 'openapi.json';

export interface ObservedResponse {
  method: string;
  /** The path as sent, with its query string. */
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/** A response the document cannot describe because its path or method is no operation of the API. */
export interface Undocumented {
  method: string;
  path: string;
  status: number;
  reason: 'unknown path' | 'method not allowed';
}

type Json = Record<string, any>;

const pointer = (segments: string[]) =>
  `${DOCUMENT_ID}#/${segments
    .map((segment) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1')))
    .join('/')}`;

const formatErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message}`).join('; ');

/** Checks responses against an OpenAPI 3.1 document, after checking the document against the 3.1 schema. */
export async function openApiValidator(document: Json) {
  const structure = new Validator();
  const result = await structure.validate(structuredClone(document));
  if (!result.valid)
    throw new Error(
      `GET /api/openapi.json is not a valid OpenAPI 3.1 document: ${JSON.stringify(result.errors).slice(0, 4000)}`,
    );
  if (!String(document.openapi).startsWith('3.1.'))
    throw new Error(`GET /api/openapi.json is OpenAPI ${document.openapi}, not 3.1`);

  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addVocabulary(DOCUMENT_KEYWORDS);
  ajv.addSchema(document, DOCUMENT_ID);
  // Header values are strings on the wire; coercion lets `type: integer` and the like apply to them.
  const headerAjv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: true });
  addFormats.default(headerAjv);
  headerAjv.addVocabulary(DOCUMENT_KEYWORDS);
  headerAjv.addSchema(document, DOCUMENT_ID);

  const resolve = (value: Json): { value: Json; at?: string[] } => {
    const ref = value?.$ref as string | undefined;
    if (!ref) return { value };
    if (!ref.startsWith('#/')) throw new Error(`only document-local $refs are supported: ${ref}`);
    const at = ref
      .slice(2)
      .split('/')
      .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
    return { value: at.reduce<Json>((inner, key) => inner?.[key], document), at };
  };

  const templates = Object.keys(document.paths ?? {})
    .map((template) => {
      const pattern = new RegExp(
        `^${template
          .split(/(\{[^}]+\})/)
          .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
          .join('')}$`,
      );
      return { template, pattern, parameters: (template.match(/\{/g) ?? []).length };
    })
    // OpenAPI: a concrete path matches before a templated one.
    .sort((a, b) => a.parameters - b.parameters);

  const errorSchema = ajv.compile({ $ref: pointer(['components', 'schemas', 'Error']) });
  const undocumented: Undocumented[] = [];

  function check(response: ObservedResponse): void {
    const { method, status, headers, text } = response;
    const pathname = new URL(response.path, 'http://server').pathname;
    // Only the local runtime has /api/local/* (tokens for any role, a movable clock): no deployed API
    // serves them, so the document rightly leaves them out. Outside /api is the web app.
    if (pathname.startsWith('/api/local/') || !(pathname === '/api' || pathname.startsWith('/api/'))) return;

    const contentType = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    let body: unknown = text;
    let bodyIsJson = false;
    if (/^application\/(.+\+)?json$/.test(contentType) && text) {
      try {
        body = JSON.parse(text);
        bodyIsJson = true;
      } catch {}
    }
    const problems: string[] = [];
    function fail(where: string): never {
      throw new Error(
        `OpenAPI: ${where} answered ${status} (${contentType || 'no content-type'}): ${problems.join(' | ')}\n` +
          `  body: ${text.slice(0, 500)}`,
      );
    }

    const matched = templates.find(({ pattern }) => pattern.test(pathname));
    const pathItem = matched ? resolve(document.paths[matched.template]).value : undefined;
    const operation = pathItem?.[method.toLowerCase()] as Json | undefined;
    if (!matched || !operation) {
      const reason = matched ? 'method not allowed' : 'unknown path';
      const expected = matched ? 405 : 404;
      undocumented.push({ method, path: pathname, status, reason });
      if (status !== expected) problems.push(`${reason}: expected ${expected}`);
      if (!bodyIsJson) problems.push(`body is not JSON, not the documented Error shape`);
      else if (!errorSchema(body))
        problems.push(`body is not #/components/schemas/Error: ${formatErrors(errorSchema.errors)}`);
      if (problems.length > 0) fail(`${method} ${pathname} (${reason})`);
      return;
    }

    const where = `${operation.operationId ?? '?'} (${method.toUpperCase()} ${matched.template})`;
    const responses = (operation.responses ?? {}) as Json;
    const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
    if (!statusKey) {
      problems.push(`status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`);
      fail(where);
    }
    const { value: documented, at } = resolve(responses[statusKey]);
    const base = at ?? ['paths', matched.template, method.toLowerCase(), 'responses', statusKey];

    const content = (documented.content ?? {}) as Json;
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      if (text) problems.push(`a body, but response ${statusKey} documents no content`);
    } else if (!text && status !== 204 && status !== 304) {
      problems.push(`no body, but response ${statusKey} documents ${mediaTypes.join(', ')}`);
    } else if (text) {
      const [type] = contentType.split('/');
      const mediaType = [contentType, `${type}/*`, '*/*'].find((name) => name in content);
      if (!mediaType) {
        problems.push(`content-type ${contentType || '(none)'} is not documented (${mediaTypes.join(', ')})`);
      } else if (content[mediaType].schema !== undefined) {
        if (/json$/.test(contentType) && !bodyIsJson) problems.push('the body is not valid JSON');
        else {
          const validate = ajv.compile({ $ref: pointer([...base, 'content', mediaType, 'schema']) });
          if (!validate(body)) problems.push(`body: ${formatErrors(validate.errors)}`);
        }
      }
    }

    const documentedHeaders = Object.fromEntries(
      Object.entries((documented.headers ?? {}) as Json).map(([name, header]) => [
        name.toLowerCase(),
        { name, ...resolve(header as Json) },
      ]),
    );
    for (const [lower, { name, value: header, at: headerAt }] of Object.entries(documentedHeaders)) {
      if (lower === 'content-type') continue;
      const sent = headers.get(lower);
      if (sent === null) {
        if (header.required) problems.push(`required header ${name} is missing`);
        continue;
      }
      if (header.schema === undefined) continue;
      const schemaAt = headerAt ?? [...base, 'headers', name];
      const validate = headerAjv.compile({
        type: 'object',
        properties: { value: { $ref: pointer([...schemaAt, 'schema']) } },
      });
      if (!validate({ value: sent }))
        problems.push(`header ${name}: ${formatErrors(validate.errors).replace('/value', sent)}`);
    }
    for (const [name] of headers) {
      if (!GENERIC_HEADERS.has(name) && !(name in documentedHeaders))
        problems.push(`header ${name} is not documented for ${statusKey}`);
    }
    if (problems.length > 0) fail(where);
  }

  return { check, undocumented };
}

export type OpenApiValidator = Awaited<ReturnType<typeof openApiValidator>>;
