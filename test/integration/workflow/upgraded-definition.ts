import type { MachineDefinition, StateDefinition } from '../../../local/engine/asl';

/**
 * A second CompanyOpening definition, made from today's by three changes that a resume by state name
 * gets wrong: the journaled `Intake` is renamed `CaseIntake`, a Task `RegistrationPrecheck` runs the
 * registration rules before the registration review, and `Deliver` (after the licences) is removed.
 */
export function upgradedDefinition(today: MachineDefinition): MachineDefinition {
  const upgraded = structuredClone(today);
  renameState(upgraded, 'Intake', 'CaseIntake');
  const main = branchStartingAt(upgraded, 'RegistrationRules');
  const rules = main.States.RegistrationRules as StateDefinition;
  main.States.RegistrationPrecheck = { ...rules, ResultPath: '$.precheck', Next: 'RegistrationRules' };
  main.StartAt = 'RegistrationPrecheck';
  removeState(main, 'Deliver');
  return upgraded;
}

function renameState(machine: MachineDefinition, from: string, to: string): void {
  const { [from]: state, ...others } = machine.States;
  if (!state) throw new Error(`No state ${from}`);
  machine.States = { [to]: state, ...others };
  if (machine.StartAt === from) machine.StartAt = to;
  for (const other of Object.values(machine.States)) if (other.Next === from) other.Next = to;
}

function removeState(machine: MachineDefinition, name: string): void {
  const removed = machine.States[name];
  if (!removed || removed.End) throw new Error(`No state ${name} with a Next to bypass`);
  delete machine.States[name];
  for (const other of Object.values(machine.States)) if (other.Next === name) other.Next = removed.Next;
}

function branchStartingAt(machine: MachineDefinition, start: string): MachineDefinition {
  for (const state of Object.values(machine.States)) {
    for (const branch of (state.Branches ?? []) as MachineDefinition[]) {
      if (branch.StartAt === start) return branch;
      const inner = findBranch(branch, start);
      if (inner) return inner;
    }
  }
  throw new Error(`No branch starts at ${start}`);
}

function findBranch(machine: MachineDefinition, start: string): MachineDefinition | undefined {
  try {
    return branchStartingAt(machine, start);
  } catch {
    return undefined;
  }
}
