import type { caseSummary, caseView, taskView } from '../../../shared/api/views';
import type { ApplicationForm } from '../../../shared/form';
import type { slaReport } from '../../../shared/ops/report';

/** The JSON the API answers, typed by the functions that shape it on the server. */
export type CaseView = ReturnType<typeof caseView>;
export type CaseSummary = ReturnType<typeof caseSummary>;
export type ItemView = CaseView['items'][string];
export type TaskView = ReturnType<typeof taskView>;
export type SlaReport = Awaited<ReturnType<typeof slaReport>>;

/** GET /api/tasks/{taskId} (functions/api/get-task.ts). */
export interface TaskDetail {
  task: TaskView;
  application: {
    id: string;
    status: CaseView['status'];
    submittedAt: string;
    form: ApplicationForm;
    item: ItemView;
    corrections: CaseView['corrections'];
    sla: CaseView['sla'];
  };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Outcome = 'approved' | 'correction-requested' | 'rejected';
