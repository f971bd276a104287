import type * as z from 'zod';
import type { core } from 'zod';
import { en, zhCN } from 'zod/locales';

/** One field problem, in both languages the platform speaks. */
export interface FieldError {
  path: string;
  message: string;
  message_zh: string;
}

/** The single error shape every client sees (docs/architecture.md, The error shape). */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    message_zh: string;
    fields: FieldError[];
  };
}

/**
 * Zod carries one message string per issue; ours must carry English and Chinese. A bilingual message
 * travels through zod as one string with a marker, and {@link toFieldErrors} splits it again.
 */
const BILINGUAL_MARKER = '\u241E';

export function bilingual(en: string, zh: string): string {
  return `${BILINGUAL_MARKER}${en}${BILINGUAL_MARKER}${zh}`;
}

function splitBilingual(message: string): { en: string; zh: string } | undefined {
  if (!message.startsWith(BILINGUAL_MARKER)) return undefined;
  const [, en = '', zh = ''] = message.split(BILINGUAL_MARKER);
  return { en, zh };
}

/** `['shareholders', 0, 'idNumber']` → `shareholders[0].idNumber`; the root is `''`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

// Only the two locales the platform speaks: importing `z.locales` would bundle all of them.
const englishLocale = en().localeError;
const chineseLocale = zhCN().localeError;

function localized(locale: typeof englishLocale, issue: core.$ZodIssue): string {
  const result = locale(issue as unknown as core.$ZodRawIssue);
  return typeof result === 'string' ? result : (result?.message ?? issue.message);
}

/**
 * Turns a zod error into field errors. Unknown keys become one error per key, at that key's path,
 * so a client can point at the offending field.
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields.push({
          path: formatPath([...issue.path, key]),
          message: `Unknown field "${key}"`,
          message_zh: `未知字段"${key}"`,
        });
      }
      continue;
    }
    const own = splitBilingual(issue.message);
    fields.push({
      path: formatPath(issue.path),
      message: own?.en ?? localized(englishLocale, issue),
      message_zh: own?.zh ?? localized(chineseLocale, issue),
    });
  }
  return fields;
}

/** An error a client caused or must know about, carrying its HTTP status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly fields: FieldError[] = [],
    /** Response headers the answer carries, such as a 401's WWW-Authenticate. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, message_zh: this.messageZh, fields: this.fields },
    };
  }
}

export const validationFailed = (fields: FieldError[]): AppError =>
  new AppError(400, 'ValidationFailed', 'The request has invalid fields', '请求中有字段不符合要求', fields);

export const unauthorized = (): AppError =>
  new AppError(
    401,
    'Unauthorized',
    'Sign in first: a valid bearer token is required',
    '请先登录：需要有效的访问令牌',
    [],
    { 'www-authenticate': 'Bearer' },
  );

export const forbidden = (): AppError =>
  new AppError(403, 'Forbidden', 'Your role may not do this', '您的角色无权执行此操作');

export const notFound = (what: string, whatZh: string): AppError =>
  new AppError(404, 'NotFound', `${what} not found`, `未找到${whatZh}`);

export const conflict = (message: string, messageZh: string): AppError =>
  new AppError(409, 'Conflict', message, messageZh);

/** Parses with a zod schema and throws a 400 with every field problem at once. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationFailed(toFieldErrors(result.error));
  return result.data;
}

/** The WAF's answer to one network sending too much (infra/waf.ts); the local server answers the same. */
export const WAF_RETRY_AFTER_SECONDS = 300;
export const tooManyFromNetwork = (): AppError =>
  new AppError(
    429,
    'TooManyRequests',
    'Too many requests from your network; try again in a few minutes',
    '您的网络请求过于频繁，请几分钟后再试',
    [],
    { 'retry-after': String(WAF_RETRY_AFTER_SECONDS) },
  );
