import { CATALOGUE } from '../catalogue';
import { GROUPS } from './caller';

/**
 * The demo accounts of the local runtime, one per role and one officer per department of the catalogue:
 * `npm start` prints a token for each and the sign-in page offers them. The first three departments keep
 * the user ids they had before the catalogue.
 */
const EARLIER_OFFICERS: Readonly<Record<string, string>> = {
  'market-regulation': 'demo-officer-market',
  tax: 'demo-officer-tax',
  'public-security': 'demo-officer-police',
};

export interface DemoAccount {
  id: string;
  sub: string;
  groups: string[];
  label: { en: string; zh: string };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { id: 'founder', sub: 'demo-founder', groups: [GROUPS.applicants], label: { en: 'founder', zh: '申请人' } },
  { id: 'agent', sub: 'demo-agent', groups: [GROUPS.agents], label: { en: 'agent', zh: '帮办人员' } },
  ...CATALOGUE.departments.map(({ id, name }) => ({
    id: `officer-${id}`,
    sub: EARLIER_OFFICERS[id] ?? `demo-officer-${id}`,
    groups: [GROUPS.officers(id)],
    label: { en: `${name.en} officer`, zh: `${name.zh}工作人员` },
  })),
  { id: 'ops', sub: 'demo-ops', groups: [GROUPS.ops], label: { en: 'ops', zh: '运维' } },
];
