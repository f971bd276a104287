import { App } from 'aws-cdk-lib';
import { buildApp } from '../../infra/app';
import { HouseFunction } from '../../infra/house-function';
import type { Account } from './aws-request';
import { checkSupported, type PolicyStatement } from './policy-evaluation';

/** The local stand-ins' names for what the templates create. */
export interface LocalResources extends Account {
  tableName: string;
  stateMachineArn: string;
}

type Template = { Resources?: Record<string, Resource>; Outputs?: Record<string, Output> };
type Resource = {
  Type: string;
  Properties?: { Roles?: { Ref?: string }[]; PolicyDocument?: { Statement: unknown[] } };
};
type Output = { Value: unknown; Export?: { Name?: unknown } };

/**
 * Every house function's role policy, by function name, as `npm run synth` would deploy it, with the
 * template's intrinsics resolved to the local resources. Synthesized at each start (about a second,
 * bundling off) rather than read from a generated file: the policies are then always the ones the
 * code in the working tree deploys, and there is no file to forget to regenerate.
 */
export function synthesizedRolePolicies(local: LocalResources): Map<string, PolicyStatement[]> {
  const app = buildApp(
    new App({
      builtinCloudFormationValidation: false,
      // No SPA: only the roles are read, and a web/dist that never exists keeps the synth the same
      // whatever the working tree holds.
      context: { 'aws:cdk:bundling-stacks': [], webDist: '/nonexistent/web/dist' },
    }),
  );
  const assembly = app.synth();
  const templates = new Map(assembly.stacks.map((stack) => [stack.stackName, stack.template as Template]));
  const exports = new Map<string, { value: unknown; template: Template }>();
  for (const template of templates.values()) {
    for (const output of Object.values(template.Outputs ?? {})) {
      if (typeof output.Export?.Name === 'string')
        exports.set(output.Export.Name, { value: output.Value, template });
    }
  }
  const policies = new Map<string, PolicyStatement[]>();
  for (const construct of app.node.findAll()) {
    if (!(construct instanceof HouseFunction) || !construct.role) continue;
    const template = templates.get(construct.stack.stackName) ?? {};
    const role = construct.stack.resolve(
      (construct.role.node.defaultChild as unknown as { ref: string }).ref,
    ) as {
      Ref: string;
    };
    const statements = Object.values(template.Resources ?? {})
      .filter(
        (resource) =>
          resource.Type === 'AWS::IAM::Policy' &&
          (resource.Properties?.Roles ?? []).some((ref) => ref.Ref === role.Ref),
      )
      .flatMap((policy) => policy.Properties?.PolicyDocument?.Statement ?? [])
      .map((statement) =>
        checkSupported(resolveIntrinsics(statement, template, exports, local) as Record<string, unknown>),
      );
    policies.set(construct.node.id, statements);
  }
  return policies;
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
    return attribute === 'Ref'
      ? local.tableName
      : `arn:aws:dynamodb:${local.region}:${local.accountId}:table/${local.tableName}`;
  }
  if (type === 'AWS::StepFunctions::StateMachine' && (attribute === 'Ref' || attribute === 'Arn')) {
    return local.stateMachineArn;
  }
  return `arn:local:no-stand-in:${id}:${attribute}`;
}
