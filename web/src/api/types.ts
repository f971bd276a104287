/** The JSON the API answers, typed by the schemas that declare it on the server. */
export type {
  CaseSummary,
  CaseView,
  ItemView,
  SlaReport,
  TaskDetail,
  TaskView,
} from '../../../shared/api/responses';
export type { Outcome } from '../../../shared/case/model';
export type { Page } from '../../../shared/data/pages';
