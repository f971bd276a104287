/**
 * IAM's evaluation of one identity policy for one request, for the statement shapes CloudFormation
 * templates of this app hold (AWS docs, "Policy evaluation logic" and "IAM JSON policy elements"):
 * an explicit Deny wins over any Allow, an Allow needs a statement whose Action, Resource and every
 * Condition match, and anything else is an implicit deny.
 */

export type Values = string | readonly string[];

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: Values;
  Resource: Values;
  Condition?: Record<string, Record<string, Values>>;
}

export interface AuthorizationRequest {
  /** `service:Action`. */
  action: string;
  resource: string;
  /** Condition keys the request carries; a key with no values is absent. */
  context: Readonly<Record<string, readonly string[]>>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

const STATEMENT_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'Resource', 'Condition']);
const OPERATORS: Record<string, (pattern: string, value: string) => boolean> = {
  StringEquals: (pattern, value) => pattern === value,
  StringNotEquals: (pattern, value) => pattern !== value,
  StringLike: (pattern, value) => wildcardMatch(pattern, value, false),
  StringNotLike: (pattern, value) => !wildcardMatch(pattern, value, false),
};

/** Throws on any element or condition operator this evaluator does not model, instead of misjudging it. */
export function checkSupported(statement: Record<string, unknown>): PolicyStatement {
  for (const element of Object.keys(statement)) {
    if (!STATEMENT_ELEMENTS.has(element)) throw new Error(`Local IAM does not model the ${element} element`);
  }
  for (const operator of Object.keys((statement.Condition ?? {}) as object)) {
    if (!OPERATORS[parseOperator(operator).name])
      throw new Error(`Local IAM does not model the ${operator} condition operator`);
  }
  return statement as unknown as PolicyStatement;
}

export function evaluate(statements: readonly PolicyStatement[], request: AuthorizationRequest): Decision {
  const matching = statements.filter((statement) => applies(statement, request));
  if (matching.some((statement) => statement.Effect === 'Deny')) return 'ExplicitDeny';
  return matching.some((statement) => statement.Effect === 'Allow') ? 'Allow' : 'ImplicitDeny';
}

function applies(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  return (
    [statement.Action].flat().some((action) => wildcardMatch(action, request.action, true)) &&
    [statement.Resource].flat().some((resource) => wildcardMatch(resource, request.resource, false)) &&
    Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
      Object.entries(keys).every(([key, patterns]) =>
        conditionHolds(operator, [patterns].flat(), contextValues(request, key)),
      ),
    )
  );
}

/** Condition key names are case-insensitive; their values are not. */
function contextValues(request: AuthorizationRequest, key: string): readonly string[] {
  const found = Object.keys(request.context).find((name) => name.toLowerCase() === key.toLowerCase());
  return found ? (request.context[found] ?? []) : [];
}

function parseOperator(operator: string): { set?: 'ForAllValues' | 'ForAnyValue'; name: string } {
  const [qualifier, name] = operator.includes(':') ? operator.split(':') : [undefined, operator];
  if (qualifier !== undefined && qualifier !== 'ForAllValues' && qualifier !== 'ForAnyValue')
    throw new Error(`Local IAM does not model the ${operator} condition operator`);
  return { set: qualifier, name: name ?? '' };
}

/**
 * AWS docs, "Condition operators" and "Single-valued vs. multivalued context keys": on an absent key a
 * plain operator fails and a negated one holds; a negated one matches only when no pattern does; ForAnyValue needs one
 * request value matching a pattern; ForAllValues needs every request value to match one, and holds
 * when the key is absent.
 */
function conditionHolds(operator: string, patterns: readonly string[], values: readonly string[]): boolean {
  const { set, name } = parseOperator(operator);
  const match = OPERATORS[name];
  if (!match) throw new Error(`Local IAM does not model the ${operator} condition operator`);
  const negated = name.includes('Not');
  const valueMatches = (value: string) =>
    negated
      ? patterns.every((pattern) => match(pattern, value))
      : patterns.some((pattern) => match(pattern, value));
  if (set === 'ForAllValues') return values.every(valueMatches);
  if (set === 'ForAnyValue') return values.some(valueMatches);
  if (values.length === 0) return negated;
  return values.some(valueMatches);
}

/** `*` matches any run of characters and `?` any one; actions compare without regard to case. */
function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .split('')
    .map((character) =>
      character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}
