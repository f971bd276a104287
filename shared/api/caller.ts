import { DEPARTMENTS, type Department, type Item, itemsOf } from '../case/items';
import type { CaseRecord } from '../case/model';

/** The Cognito groups of docs/architecture.md (HTTP API). */
export const GROUPS = {
  applicants: 'applicants',
  agents: 'agents',
  ops: 'ops',
  officers: (department: Department) => `officers-${department}`,
} as const;

export const ALL_GROUPS = [
  GROUPS.applicants,
  GROUPS.agents,
  ...DEPARTMENTS.map((department) => GROUPS.officers(department)),
  GROUPS.ops,
];

/** Who is calling, from the JWT the authorizer verified. */
export interface Caller {
  sub: string;
  groups: ReadonlySet<string>;
}

/**
 * API Gateway hands JWT claims over as strings: an array claim such as `cognito:groups` arrives as
 * "[applicants agents]"; the local server passes the same claims through unchanged.
 */
export function callerFromClaims(claims: Record<string, unknown> | undefined): Caller | undefined {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const raw = claims?.['cognito:groups'];
  const groups = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .filter(Boolean)
      : [];
  return { sub, groups: new Set(groups) };
}

export const isApplicant = (caller: Caller) => caller.groups.has(GROUPS.applicants);
export const isAgent = (caller: Caller) => caller.groups.has(GROUPS.agents);
export const isOps = (caller: Caller) => caller.groups.has(GROUPS.ops);
export const officerOf = (caller: Caller, department: Department) =>
  caller.groups.has(GROUPS.officers(department));
export const officerDepartments = (caller: Caller): Department[] =>
  DEPARTMENTS.filter((department) => officerOf(caller, department));

/** Founder and filing agent may act on a case; they and the others below may see it. */
export function mayActOnCase(caller: Caller, record: CaseRecord): boolean {
  return (
    record.owner === caller.sub || (record.filedBy.role === 'agent' && record.filedBy.sub === caller.sub)
  );
}

/**
 * Officers see a case once it has reached their department's inbox; ops see every case, read-only.
 */
export function maySeeCase(caller: Caller, record: CaseRecord): boolean {
  return mayActOnCase(caller, record) || isOps(caller) || itemsReached(caller, record).length > 0;
}

/** The items of this case whose task reached an inbox of the caller's departments. */
export function itemsReached(caller: Caller, record: CaseRecord): Item[] {
  const departments = new Set(officerDepartments(caller));
  return itemsOf(record).filter((item) => {
    const state = record.items[item];
    return state !== undefined && departments.has(state.department) && state.taskId !== undefined;
  });
}
