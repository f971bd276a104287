import { DEFAULT_BUNDLE } from '../catalogue/case-plan';
import { capitalized, idWords } from '../catalogue/names';
import { ITEMS, type Item } from './items';
import type { CaseRecord } from './model';

/**
 * What the state machine reads of a case to route it (workflows/company-opening.ts): its bundle, and for
 * every catalogue item whether the case runs it. Nothing personal: the case itself stays in the table.
 */
export interface WorkflowPlan {
  bundle: string;
  runs: Record<string, boolean>;
}

/** An item's name in the state machine's JSONPath: camelCase, since a path word cannot hold a hyphen. */
export const stateKeyOf = (item: Item): string => {
  const [first = '', ...rest] = idWords(item);
  return first + rest.map(capitalized).join('');
};

export function workflowPlan(record: Pick<CaseRecord, 'bundle' | 'items'>): WorkflowPlan {
  return {
    bundle: record.bundle ?? DEFAULT_BUNDLE,
    runs: Object.fromEntries(ITEMS.map((item) => [stateKeyOf(item), item in record.items])),
  };
}
