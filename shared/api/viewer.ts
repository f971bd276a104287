import type { Item } from '../case/items';
import type { CaseRecord } from '../case/model';
import { type Caller, isOps, itemsReached, mayActOnCase } from './caller';

/**
 * Whose eyes a view is for: the case's parties (founder and filing agent) see all of it; an officer sees
 * their own items in full and the rest only as far as the product needs (shared/case/items.ts,
 * ITEM_READS); ops see how the case runs and no personal data.
 */
export type Viewer = { role: 'party' } | { role: 'officer'; items: readonly Item[] } | { role: 'ops' };

export const PARTY: Viewer = { role: 'party' };

/** Undefined for a caller who may not see the case (maySeeCase). */
export function viewerOf(caller: Caller, record: CaseRecord): Viewer | undefined {
  if (mayActOnCase(caller, record)) return PARTY;
  const items = itemsReached(caller, record);
  if (items.length > 0) return { role: 'officer', items };
  if (isOps(caller)) return { role: 'ops' };
  return undefined;
}
