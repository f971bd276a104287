/**
 * Turns the DefinitionString CDK synthesizes — a string, or an `Fn::Join` of strings and `Ref` /
 * `Fn::GetAtt` tokens — into plain ASL, given what each token stands for.
 */
export type TokenResolver = (token: { Ref?: string; 'Fn::GetAtt'?: [string, string] }) => string;

export function resolveDefinitionString(definitionString: unknown, resolve: TokenResolver): string {
  if (typeof definitionString === 'string') return definitionString;
  const join = (definitionString as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) throw new Error('Expected the DefinitionString to be a string or an Fn::Join');
  const [separator, parts] = join;
  return parts
    .map((part) => (typeof part === 'string' ? part : resolve(part as Parameters<TokenResolver>[0])))
    .join(separator);
}

export function stateMachineDefinitionString(template: { Resources?: Record<string, unknown> }): unknown {
  const machines = Object.values(template.Resources ?? {}).filter(
    (resource) => (resource as { Type?: string }).Type === 'AWS::StepFunctions::StateMachine',
  ) as { Properties: { DefinitionString: unknown } }[];
  if (machines.length !== 1)
    throw new Error(`Expected one state machine in the template, found ${machines.length}`);
  return machines[0]?.Properties.DefinitionString;
}
