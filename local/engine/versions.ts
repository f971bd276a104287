import { createHash } from 'node:crypto';
import type { MachineDefinition } from './asl';

/**
 * The version an execution recorded before the engine kept versions runs on: the first stored one.
 * That is the definition the first versioned start registered, the one the old engine would have
 * resumed the execution on at that moment; pinning it there keeps every later upgrade from moving it.
 */
export const LEGACY_VERSION = 1;

/** The ASL with its keys sorted at every level: equal definitions give equal text, whatever the key order. */
export function canonicalDefinition(definition: MachineDefinition): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return JSON.stringify(sorted(definition));
}

export function definitionHash(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex');
}

/** A state machine ARN split as Step Functions reads it: `…:stateMachine:<name>[:<version number | alias>]`. */
export interface StateMachineTarget {
  /** The unqualified ARN. */
  stateMachineArn: string;
  version?: number;
  alias?: string;
}

const STATE_MACHINE_ARN = /^(arn:[^:]+:states:[^:]*:[^:]*:stateMachine:[^:]+)(?::([^:]+))?$/;

export function parseStateMachineArn(arn: string): StateMachineTarget | undefined {
  const match = STATE_MACHINE_ARN.exec(arn);
  if (!match?.[1]) return undefined;
  const [, stateMachineArn, qualifier] = match;
  if (qualifier === undefined) return { stateMachineArn };
  return /^\d+$/.test(qualifier)
    ? { stateMachineArn, version: Number(qualifier) }
    : { stateMachineArn, alias: qualifier };
}
