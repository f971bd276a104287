import type { MachineDefinition, StateDefinition } from '../../../local/engine/asl';

/**
 * A second CompanyOpening definition, made from today's by three changes that a resume by state name
 * gets wrong: the journaled `Intake` is renamed `CaseIntake`, a Task `RegistrationPrecheck` runs the
 * registration rules before the registration review, and `Deliver` (after the licences) is removed.
 */
export function upgradedDefinition(today: MachineDefinition): MachineDefinition {
  const upgraded = structuredClone(today);
  renameState(upgraded, 'Intake', 'CaseIntake');
  const main = branchHolding(upgraded, 'RegistrationRules');
  const rules = main.States.RegistrationRules as StateDefinition;
  redirect(main, 'RegistrationRules', 'RegistrationPrecheck');
  main.States.RegistrationPrecheck = { ...rules, ResultPath: '$.precheck', Next: 'RegistrationRules' };
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

/** Whatever led to `from` (the start, a Next, a Choice's rule or default) leads to `to` instead. */
function redirect(machine: MachineDefinition, from: string, to: string): void {
  if (machine.StartAt === from) machine.StartAt = to;
  for (const state of Object.values(machine.States)) {
    if (state.Next === from) state.Next = to;
    if (state.Default === from) state.Default = to;
    for (const choice of (state.Choices ?? []) as { Next?: string }[])
      if (choice.Next === from) choice.Next = to;
  }
}

function branchHolding(machine: MachineDefinition, name: string): MachineDefinition {
  const found = findBranch(machine, name);
  if (!found) throw new Error(`No branch holds ${name}`);
  return found;
}

function findBranch(machine: MachineDefinition, name: string): MachineDefinition | undefined {
  for (const state of Object.values(machine.States)) {
    for (const branch of (state.Branches ?? []) as MachineDefinition[]) {
      if (name in branch.States) return branch;
      const inner = findBranch(branch, name);
      if (inner) return inner;
    }
  }
  return undefined;
}
