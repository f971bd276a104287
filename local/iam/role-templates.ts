import { App } from 'aws-cdk-lib';
import { buildApp } from '../../infra/app';
import { HouseFunction } from '../../infra/house-function';
import type { RoleTemplates, Template } from './role-policies';

/** The app as `npm run synth` builds it, without bundling and without a web/dist, reduced to the roles. */
export function synthesizeRoleTemplates(): RoleTemplates {
  const app = buildApp(
    new App({
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:bundling-stacks': [], webDist: '/nonexistent/web/dist' },
    }),
  );
  const assembly = app.synth();
  const templates: Record<string, Template> = {};
  for (const stack of assembly.stacks) {
    const template = stack.template as Template;
    const resources = Object.entries(template.Resources ?? {}).map(([id, resource]) => [
      id,
      resource.Type === 'AWS::IAM::Policy' ? resource : { Type: resource.Type },
    ]);
    const exported = Object.entries(template.Outputs ?? {}).filter(([, output]) => output.Export);
    templates[stack.stackName] = {
      Resources: Object.fromEntries(resources),
      Outputs: Object.fromEntries(exported),
    };
  }
  const functions: RoleTemplates['functions'] = {};
  for (const construct of app.node.findAll()) {
    if (!(construct instanceof HouseFunction) || !construct.role) continue;
    const role = construct.stack.resolve(
      (construct.role.node.defaultChild as unknown as { ref: string }).ref,
    );
    functions[construct.node.id] = { stack: construct.stack.stackName, role: (role as { Ref: string }).Ref };
  }
  return { functions, templates };
}
