import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Fixtures are checked as of this submission date, so that ages and deadlines in them never drift. */
export const SUBMITTED_ON = '2025-06-02';

const FIXTURES = join(import.meta.dirname, '../../fixtures/applications');

export interface Mutation {
  op: 'set' | 'remove' | 'push';
  /** Dotted path with array indexes, as `formatPath` writes it: `shareholders[1].idNumber`. */
  path: string;
  value?: unknown;
}

export interface InvalidFixture {
  rule: string;
  description: string;
  mutations: Mutation[];
  expected: { path: string }[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function validApplication(): Record<string, unknown> {
  return readJson(join(FIXTURES, 'valid-baiyun-llc.json')) as Record<string, unknown>;
}

export function invalidFixtures(): { file: string; fixture: InvalidFixture }[] {
  const directory = join(FIXTURES, 'invalid');
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, fixture: readJson(join(directory, file)) as InvalidFixture }));
}

function segments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? String(key) : Number(index),
  );
}

type Container = Record<string | number, unknown>;

function containerAt(root: unknown, path: (string | number)[]): Container {
  let node = root;
  for (const segment of path) {
    node = (node as Container)[segment];
    if (typeof node !== 'object' || node === null) throw new Error(`No object at segment ${String(segment)}`);
  }
  return node as Container;
}

/** Applies fixture mutations to a copy of `base`. */
export function applyMutations(base: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(base);
  for (const { op, path, value } of mutations) {
    const parts = segments(path);
    const key = parts.pop();
    if (key === undefined) throw new Error('A mutation needs a path');
    const parent = containerAt(copy, parts);
    if (op === 'set') parent[key] = structuredClone(value);
    else if (op === 'remove' && Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else if (op === 'remove') delete parent[key];
    else {
      const target = parent[key];
      if (!Array.isArray(target)) throw new Error(`push needs an array at ${path}`);
      target.push(structuredClone(value));
    }
  }
  return copy;
}
