import type { Department, Item } from '../../shared/case/items';

/** A department task as the API answers it, the fields the chaos run reads. */
export interface TaskView {
  id: string;
  applicationId: string;
  item: Item;
  department: Department;
  round: number;
  status: 'open' | 'closed';
  outcome: string | null;
}

/** A case as the API answers it, the fields the chaos run reads. */
export interface CaseView {
  id: string;
  status: string;
  items: Record<Item, { status: string; taskId: string | null; round: number }>;
  corrections: { id: string; status: string; answerSubmitted: boolean }[];
  timeline: { type: string; item: Item | null; details: Record<string, unknown> }[];
  failure: { error: string } | null;
}
