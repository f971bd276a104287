import type { Department, Item } from '../../shared/case/items';
import type { RetryingCall } from './retrying-call';

export interface ChaosOptions {
  cases: number;
  kills: number;
  /** Every n-th case gets a correction request at registration first (0: none). */
  correctionEvery: number;
  faultRate: string;
  seed: number;
  budgetSeconds: number;
  keepServer?: boolean;
}

/** What the clients count while they drive the cases. */
export const emptyStats = () => ({
  requests: 0,
  connectionErrors: 0,
  serverErrors: 0,
  decisionAttempts: 0,
  decisionConflictsVerified: 0,
  spuriousConflicts: 0,
  correctionAnswersChecked: 0,
  resubmissions: 0,
  resubmissionsSameCase: 0,
});

export type ChaosStats = ReturnType<typeof emptyStats>;

export interface CaseState {
  index: number;
  key: string;
  founder: number;
  id?: string;
  correction: boolean;
  answered: boolean;
}

export interface Decision {
  taskId: string;
  applicationId: string;
  item: Item;
  outcome: 'approved' | 'correction-requested';
}

/** What the pieces of one chaos run share. */
export interface ChaosRun {
  options: ChaosOptions;
  /** Date.now() at the start; the budget counts from it. */
  started: number;
  budgetMs: number;
  seconds: () => number;
  say: (line: string) => void;
  stats: ChaosStats;
  call: RetryingCall;
  founderTokens: string[];
  officerTokens: Record<Department, string>;
  cases: CaseState[];
  byId: Map<string, CaseState>;
  /** Decisions known applied, by task id. */
  decisions: Map<string, Decision>;
  /** Set once the cases are done or time is up: officers and founders stop. */
  finished: boolean;
}
