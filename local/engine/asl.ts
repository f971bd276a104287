import { StateMachine } from 'aws-local-stepfunctions';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface StateDefinition {
  Type: string;
  [field: string]: unknown;
}

export interface MachineDefinition {
  StartAt: string;
  States: Record<string, StateDefinition>;
  TimeoutSeconds?: number;
  Comment?: string;
  [field: string]: unknown;
}

export interface StateInfo {
  name: string;
  definition: StateDefinition;
  /** Parallel states this state sits inside, outermost first. */
  enclosingParallels: string[];
}

/** Placeholders the interpreter substitutes where the definition reads context it cannot supply. */
export const TASK_TOKEN_PLACEHOLDER = '\u0000durable-task-token\u0000';

/** The interpreter's own Task timeout is set out of reach; the engine enforces timeouts on its clock. */
const INTERPRETER_TIMEOUT_SECONDS = 2_147_483;
const STEP_RESOURCE = 'arn:aws:lambda:local:000000000000:function:durable-step';

export class DefinitionError extends Error {
  override name = 'InvalidDefinition';
}

/** Validates a definition as Step Functions would and indexes its states by name. */
export function analyseDefinition(definition: MachineDefinition): Map<string, StateInfo> {
  if (definition.QueryLanguage === 'JSONata') {
    throw new DefinitionError('JSONata definitions are not supported by the local engine: use JSONPath');
  }
  try {
    new StateMachine(definition as never);
  } catch (error) {
    throw new DefinitionError((error as Error).message);
  }
  const states = new Map<string, StateInfo>();
  const visit = (machine: MachineDefinition, enclosingParallels: string[]) => {
    for (const [name, state] of Object.entries(machine.States)) {
      if (states.has(name)) throw new DefinitionError(`State name "${name}" is used twice`);
      if (state.QueryLanguage === 'JSONata') {
        throw new DefinitionError(`State "${name}" uses JSONata, which the local engine does not evaluate`);
      }
      if (state.Type === 'Map') {
        throw new DefinitionError(
          `State "${name}" is a Map: the durable engine does not replay Map iterations`,
        );
      }
      states.set(name, { name, definition: state, enclosingParallels });
      if (state.Type === 'Parallel') {
        for (const branch of state.Branches as MachineDefinition[])
          visit(branch, [...enclosingParallels, name]);
      }
    }
  };
  visit(definition, []);
  return states;
}

/**
 * The definition the interpreter runs. Every Task and Wait becomes a call into the engine, which
 * journals it; the engine owns their timeouts, heartbeats, retries and waits so that all of them
 * follow the runtime clock and survive a restart. Everything else (paths, Choice, Parallel, Catch)
 * is left to the interpreter unchanged.
 */
export function interpreterDefinition(definition: MachineDefinition): MachineDefinition {
  const { TimeoutSeconds: _executionTimeout, ...rest } = rewriteContextPaths(definition) as MachineDefinition;
  return { ...rest, States: rewriteStates(rest.States) };
}

function rewriteStates(states: Record<string, StateDefinition>): Record<string, StateDefinition> {
  return Object.fromEntries(Object.entries(states).map(([name, state]) => [name, rewriteState(state)]));
}

function rewriteState(state: StateDefinition): StateDefinition {
  switch (state.Type) {
    case 'Task':
      return rewriteTask(state);
    case 'Wait':
      return rewriteWait(state);
    case 'Parallel':
      return {
        ...state,
        Branches: (state.Branches as MachineDefinition[]).map((branch) => ({
          ...branch,
          States: rewriteStates(branch.States),
        })),
      };
    default:
      return state;
  }
}

function transitionOf(state: StateDefinition): Record<string, unknown> {
  return state.End ? { End: true } : { Next: state.Next };
}

function rewriteTask(state: StateDefinition): StateDefinition {
  const parameters: Record<string, unknown> =
    state.Parameters === undefined ? { 'parameters.$': '$' } : { parameters: state.Parameters };
  if (typeof state.TimeoutSecondsPath === 'string') parameters['timeoutSeconds.$'] = state.TimeoutSecondsPath;
  if (typeof state.HeartbeatSecondsPath === 'string')
    parameters['heartbeatSeconds.$'] = state.HeartbeatSecondsPath;
  const copied = pick(state, ['Comment', 'InputPath', 'ResultSelector', 'ResultPath', 'OutputPath', 'Catch']);
  return {
    Type: 'Task',
    Resource: STEP_RESOURCE,
    ...copied,
    Parameters: parameters,
    TimeoutSeconds: INTERPRETER_TIMEOUT_SECONDS,
    ...transitionOf(state),
  };
}

function rewriteWait(state: StateDefinition): StateDefinition {
  const parameters: Record<string, unknown> = { 'input.$': '$' };
  if (state.Seconds !== undefined) parameters.seconds = state.Seconds;
  if (state.SecondsPath !== undefined) parameters['seconds.$'] = state.SecondsPath;
  if (state.Timestamp !== undefined) parameters.timestamp = state.Timestamp;
  if (state.TimestampPath !== undefined) parameters['timestamp.$'] = state.TimestampPath;
  return {
    Type: 'Task',
    Resource: STEP_RESOURCE,
    ...pick(state, ['Comment', 'InputPath', 'OutputPath']),
    Parameters: parameters,
    TimeoutSeconds: INTERPRETER_TIMEOUT_SECONDS,
    ...transitionOf(state),
  };
}

function pick(state: StateDefinition, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => state[field] !== undefined).map((f) => [f, state[f]]));
}

/**
 * The interpreter overwrites `$$.Execution.Input/StartTime` in every Parallel branch and on every
 * replay, and has no `$$.Task.Token`; the engine supplies them under names it controls.
 */
function rewriteContextPaths(value: unknown): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/\$\$\.Execution\.(Input|StartTime)/g, '$$$$.DurableExecution.$1')
      .replace(/\$\$\.Task\.Token/g, '$$$$.DurableTask.Token');
  }
  if (Array.isArray(value)) return value.map(rewriteContextPaths);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewriteContextPaths(inner)]));
  }
  return value;
}
