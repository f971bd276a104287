import { readFileSync } from 'node:fs';
import { BUCKETS } from '../../shared/storage/buckets';
import type { Account } from './aws-request';
import { checkSupported, type PolicyStatement } from './policy-evaluation';

/** The local stand-ins' names for what the templates create. */
export interface LocalResources extends Account {
  tableName: string;
  stateMachineArn: string;
}

export type Template = { Resources?: Record<string, Resource>; Outputs?: Record<string, Output> };
export type Resource = {
  Type: string;
  Properties?: { Roles?: { Ref?: string }[]; PolicyDocument?: { Statement: unknown[] } };
};
type Output = { Value: unknown; Export?: { Name?: unknown } };

/**
 * What of the synthesized templates the local runtime authorizes with: each house function's stack and
 * role, and per stack the role policies, the type of every resource they may name, and the exports.
 */
export interface RoleTemplates {
  functions: Record<string, { stack: string; role: string }>;
  templates: Record<string, Template>;
}

/** The file the runtime reads; test/infra/local-role-policies.test.ts keeps it equal to the synth. */
export const ROLE_TEMPLATES_FILE = new URL('./role-templates.json', import.meta.url);

/**
 * Every house function's role policy, by function name, with the templates' intrinsics resolved to the
 * local resources. Read from role-templates.json, which `npm run role-templates` writes from the synth
 * and an infra test keeps equal to it: synthesizing at each start would cost every runtime start
 * about four seconds of CPU (the infra modules and the synth), on a machine the tests share.
 */
export function rolePoliciesOf(roles: RoleTemplates, local: LocalResources): Map<string, PolicyStatement[]> {
  const exports = new Map<string, { value: unknown; template: Template }>();
  for (const template of Object.values(roles.templates)) {
    for (const output of Object.values(template.Outputs ?? {})) {
      if (typeof output.Export?.Name === 'string')
        exports.set(output.Export.Name, { value: output.Value, template });
    }
  }
  const policies = new Map<string, PolicyStatement[]>();
  for (const [name, { stack, role }] of Object.entries(roles.functions)) {
    const template = roles.templates[stack] ?? {};
    const statements = Object.values(template.Resources ?? {})
      .filter(
        (resource) =>
          resource.Type === 'AWS::IAM::Policy' &&
          (resource.Properties?.Roles ?? []).some((ref) => ref.Ref === role),
      )
      .flatMap((policy) => policy.Properties?.PolicyDocument?.Statement ?? [])
      .map((statement) =>
        checkSupported(resolveIntrinsics(statement, template, exports, local) as Record<string, unknown>),
      );
    policies.set(name, statements);
  }
  return policies;
}

/** The committed role templates' policies. */
export function committedRolePolicies(local: LocalResources): Map<string, PolicyStatement[]> {
  return rolePoliciesOf(JSON.parse(readFileSync(ROLE_TEMPLATES_FILE, 'utf8')) as RoleTemplates, local);
}

function resolveIntrinsics(
  value: unknown,
  template: Template,
  exports: Map<string, { value: unknown; template: Template }>,
  local: LocalResources,
): unknown {
  const again = (inner: unknown, where = template) => resolveIntrinsics(inner, where, exports, local);
  if (Array.isArray(value)) return value.map((item) => again(item));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [name, argument] = entries[0] ?? [];
  if (entries.length !== 1 || (!name?.startsWith('Fn::') && name !== 'Ref'))
    return Object.fromEntries(entries.map(([key, inner]) => [key, again(inner)]));
  if (name === 'Ref') return reference(String(argument), 'Ref', template, local);
  if (name === 'Fn::GetAtt') {
    const [id, attribute] = argument as [string, string];
    return reference(id, attribute, template, local);
  }
  if (name === 'Fn::Join') {
    const [separator, parts] = argument as [string, unknown[]];
    return parts.map((part) => again(part)).join(separator);
  }
  if (name === 'Fn::Sub') {
    const [text, variables = {}] = (Array.isArray(argument) ? argument : [argument]) as [
      string,
      Record<string, unknown>,
    ];
    return text.replace(/\$\{([^}]+)\}/g, (_, expression: string) => {
      if (expression in variables) return String(again(variables[expression]));
      const [id = '', attribute] = expression.split('.');
      return String(reference(id, attribute ?? 'Ref', template, local));
    });
  }
  if (name === 'Fn::ImportValue') {
    const exported = exports.get(String(again(argument)));
    if (!exported) throw new Error(`No stack exports ${JSON.stringify(argument)}`);
    return again(exported.value, exported.template);
  }
  throw new Error(`Local IAM does not resolve ${name}`);
}

/** What a Ref or Fn::GetAtt stands for locally; a resource with no local stand-in matches no request. */
function reference(id: string, attribute: string, template: Template, local: LocalResources): string {
  const pseudo: Record<string, string> = {
    'AWS::Partition': 'aws',
    'AWS::Region': local.region,
    'AWS::AccountId': local.accountId,
    'AWS::URLSuffix': 'amazonaws.com',
  };
  if (attribute === 'Ref' && pseudo[id]) return pseudo[id];
  const type = template.Resources?.[id]?.Type;
  if (type === 'AWS::DynamoDB::GlobalTable' || type === 'AWS::DynamoDB::Table') {
    const tableArn = `arn:aws:dynamodb:${local.region}:${local.accountId}:table/${local.tableName}`;
    if (attribute === 'StreamArn') return `${tableArn}/stream/local`;
    return attribute === 'Ref' ? local.tableName : tableArn;
  }
  if (type === 'AWS::StepFunctions::StateMachine' && (attribute === 'Ref' || attribute === 'Arn')) {
    return local.stateMachineArn;
  }
  // CDK names a bucket's logical id after its construct id (infra/storage.ts uses BUCKETS' constructId).
  const bucket = Object.values(BUCKETS).find((each) =>
    new RegExp(`^${each.constructId}[0-9A-F]{8}$`).test(id),
  );
  if (type === 'AWS::S3::Bucket' && bucket) {
    return attribute === 'Arn' ? `arn:aws:s3:::${bucket.localName}` : bucket.localName;
  }
  return `arn:local:no-stand-in:${id}:${attribute}`;
}
