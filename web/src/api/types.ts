import type * as z from 'zod';
import type {
  caseSummarySchema,
  caseViewSchema,
  slaReportSchema,
  taskDetailSchema,
  taskViewSchema,
} from '../../../shared/api/responses';
import type { Item } from '../../../shared/case/items';

/** The JSON the API answers, typed by the schemas that declare it on the server. */
export type CaseView = z.output<typeof caseViewSchema>;
export type CaseSummary = z.output<typeof caseSummarySchema>;
export type ItemView = CaseView['items'][Item];
export type TaskView = z.output<typeof taskViewSchema>;
export type TaskDetail = z.output<typeof taskDetailSchema>;
export type SlaReport = z.output<typeof slaReportSchema>;

export type { Outcome } from '../../../shared/case/model';
export type { Page } from '../../../shared/data/pages';
