import { type Department, isDepartment } from '../../../shared/case/items';
import { createStore, useStore } from '../store';

/** Who is signed in: the API's bearer token and what it says about its holder. */
export interface Session {
  token: string;
  sub: string;
  groups: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type Role =
  | { kind: 'founder' }
  | { kind: 'agent' }
  | { kind: 'officer'; department: Department }
  | { kind: 'ops' };

const STORAGE_KEY = 'session';
/** `officers-<department>` for any department of the catalogue. */
const OFFICER_GROUP = /^officers-(.+)$/;

/** Reads `sub`, `cognito:groups` and `exp` from a JWT; the API verifies it, the page only needs them. */
export function sessionFromToken(token: string): Session {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
    sub: string;
    exp: number;
    'cognito:groups'?: string[];
  };
  return { token, sub: claims.sub, groups: claims['cognito:groups'] ?? [], expiresAt: claims.exp * 1000 };
}

export function roleOf(session: Session): Role | undefined {
  const { groups } = session;
  if (groups.includes('applicants')) return { kind: 'founder' };
  if (groups.includes('agents')) return { kind: 'agent' };
  for (const group of groups) {
    const department = OFFICER_GROUP.exec(group)?.[1];
    if (department && isDepartment(department)) return { kind: 'officer', department };
  }
  if (groups.includes('ops')) return { kind: 'ops' };
  return undefined;
}

function restore(): Session | undefined {
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (!saved) return undefined;
  const session = JSON.parse(saved) as Session;
  return session.expiresAt > Date.now() ? session : undefined;
}

export const session = createStore<Session | undefined>(restore());

/** Set when the API turned a token away, so the sign-in page can say why. */
export const sessionExpired = createStore(false);

session.subscribe((value) => {
  if (value) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  else sessionStorage.removeItem(STORAGE_KEY);
});

export function useSession(): Session | undefined {
  return useStore(session);
}
