import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCAL_ACCOUNT } from '../../../local/runtime';
import { stateKeyOf } from '../../../shared/case/workflow-plan';
import { CATALOGUE } from '../../../shared/catalogue';
import { localCompanyOpeningAsl } from '../../../workflows/local-definition';

interface Rule {
  Next?: string;
  Variable?: string;
  StringEquals?: string;
  BooleanEquals?: boolean;
  And?: Rule[];
  Or?: Rule[];
  Not?: Rule;
}
interface State {
  Type: string;
  Next?: string;
  Default?: string;
  ResultPath?: string | null;
  Choices?: Rule[];
  Catch?: { Next: string }[];
  Branches?: Machine[];
}
interface Machine {
  StartAt: string;
  States: Record<string, State>;
}

const TODAY: Machine = JSON.parse(localCompanyOpeningAsl(LOCAL_ACCOUNT));
const VERSION_1: Machine = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../workflows/versions/1.json'), 'utf8'),
);

/** Every state of a machine, those inside Parallel branches too, as [name, state] pairs. */
const allStates = (states: Record<string, State>): [string, State][] =>
  Object.entries(states).flatMap(([name, state]) => [
    [name, state] as [string, State],
    ...(state.Branches ?? []).flatMap((branch) => allStates(branch.States)),
  ]);

const byName = (machine: Machine) => new Map(allStates(machine.States));

/** The states reachable from `start`: its Next, Default, choices, catches and Parallel branches. */
function reachable(states: ReadonlyMap<string, State>, start: string): Set<string> {
  const seen = new Set<string>();
  const pending = [start];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const state = states.get(name);
    if (!state) throw new Error(`No state ${name}`);
    pending.push(
      ...[state.Next, state.Default].filter((next): next is string => next !== undefined),
      ...(state.Choices ?? []).flatMap(({ Next }) => (Next ? [Next] : [])),
      ...(state.Catch ?? []).map(({ Next }) => Next),
      ...(state.Branches ?? []).map(({ StartAt }) => StartAt),
    );
  }
  return seen;
}

const mainOf = (machine: Machine): Machine => {
  const main = machine.States.CaseFlow?.Branches?.[0];
  if (!main) throw new Error('No CaseFlow main branch');
  return main;
};

const bundleChoices = () => mainOf(TODAY).States.Bundle?.Choices ?? [];

/** The Bundle Choice rule a case of `bundle` takes, with or without optional items. */
function routeStart(bundle: string, withOptional: boolean): string {
  const rule = bundleChoices().find(({ And }) => {
    const [named, optional] = And ?? [];
    return named?.StringEquals === bundle && (optional?.Not === undefined) === withOptional;
  });
  if (!rule?.Next) throw new Error(`No route for ${bundle}${withOptional ? ' with optional items' : ''}`);
  return rule.Next;
}

const title = (id: string) => id.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase());

describe('the state machine generated from the catalogue (workflows/company-opening.ts)', () => {
  test('a company opened without optional items reaches exactly the states of version 1, and IssueDocuments between Deliver and Close', () => {
    // Arrange
    const today = byName(TODAY);
    const before = byName(mainOf(VERSION_1));

    // Act
    const route = reachable(today, routeStart('company-opening', false));

    // Assert: version 1's names and IssueDocuments; each state (every Task with its function, retries
    // and catches) as it was, but Deliver now goes on to IssueDocuments, which goes on to Close.
    expect([...route].sort()).toEqual([...before.keys(), 'IssueDocuments'].sort());
    for (const name of route) {
      if (name === 'IssueDocuments') continue;
      const expected =
        name === 'Deliver' ? { ...before.get(name), Next: 'IssueDocuments' } : before.get(name);
      expect(today.get(name), name).toEqual(expected);
    }
    expect(before.get('Deliver')?.Next).toBe('Close');
    expect(today.get('IssueDocuments')).toMatchObject({ Type: 'Task', Next: 'Close' });
    expect(before.has('Bundle')).toBe(false);
    expect(today.get('Bundle')?.Type).toBe('Choice');
  });

  test('around the routes, only Intake changed: it keeps the plan the Bundle Choice reads', () => {
    // Arrange
    const outside = (machine: Machine) => {
      const main = new Set(byName(mainOf(machine)).keys());
      return new Map([...byName(machine)].filter(([name]) => !main.has(name)));
    };
    const today = outside(TODAY);
    const before = outside(VERSION_1);

    // Assert
    expect([...today.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, state] of today)
      if (name === 'Intake') expect(state).toEqual({ ...before.get(name), ResultPath: '$.plan' });
      else if (name === 'CaseFlow') expect(state.Branches?.[1]).toEqual(before.get(name)?.Branches?.[1]);
      else expect(state, name).toEqual(before.get(name));
  });

  test('every bundle has its route, with and without optional items, reviewing each of its items', () => {
    // Arrange
    const today = byName(TODAY);

    for (const bundle of CATALOGUE.bundles)
      for (const withOptional of [false, true]) {
        // Act
        const route = reachable(today, routeStart(bundle.id, withOptional));

        // Assert
        const prefix = withOptional
          ? `${title(bundle.id)}Plus`
          : bundle.id === 'company-opening'
            ? ''
            : title(bundle.id);
        const items = withOptional ? [...bundle.items, ...bundle.optionalItems] : bundle.items;
        for (const item of items)
          expect(route, `${bundle.id} ${item}`).toContain(`${prefix}${title(item)}Rules`);
        expect(route).toContain('Deliver');
      }
    expect(bundleChoices()).toHaveLength(CATALOGUE.bundles.length * 2);
  });

  test('an optional item runs only behind its Runs Choice on the plan; a bundle item never is', () => {
    // Arrange
    const today = byName(TODAY);

    for (const bundle of CATALOGUE.bundles) {
      const prefix = `${title(bundle.id)}Plus`;
      for (const item of bundle.optionalItems) {
        // Act
        const runs = today.get(`${prefix}${title(item)}Runs`);

        // Assert
        expect(runs?.Type, `${bundle.id} ${item}`).toBe('Choice');
        expect(runs?.Choices).toEqual([
          {
            Variable: `$.plan.runs.${stateKeyOf(item)}`,
            BooleanEquals: true,
            Next: `${prefix}${title(item)}Rules`,
          },
        ]);
        expect(today.get(runs?.Default ?? '')?.Type).toBe('Succeed');
      }
      for (const item of bundle.items) expect(today.has(`${prefix}${title(item)}Runs`), item).toBe(false);
    }
  });

  test('state names are unique across the machine and at most 80 characters', () => {
    // Act
    const names = allStates(TODAY.States).map(([name]) => name);

    // Assert
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => name.length > 80)).toEqual([]);
  });
});

describe('the plan the state machine reads (shared/case/workflow-plan.ts)', () => {
  test('every $.plan.runs path the machine reads is the key of a catalogue item', () => {
    // Arrange
    const rules = (rule: Rule): Rule[] => [
      rule,
      ...(rule.And ?? []).flatMap(rules),
      ...(rule.Or ?? []).flatMap(rules),
      ...(rule.Not ? rules(rule.Not) : []),
    ];

    // Act
    const read = new Set(
      allStates(TODAY.States)
        .flatMap(([, state]) => (state.Choices ?? []).flatMap(rules))
        .flatMap(({ Variable }) => (Variable?.startsWith('$.plan.runs.') ? [Variable.slice(12)] : [])),
    );

    // Assert: the optional items, the only items not every route of their bundle runs.
    const keys = CATALOGUE.items.map(({ id }) => stateKeyOf(id));
    expect([...read].filter((key) => !keys.includes(key))).toEqual([]);
    expect([...read].sort()).toEqual(['bankAppointment', 'housingFund', 'socialInsurance']);
  });
});
