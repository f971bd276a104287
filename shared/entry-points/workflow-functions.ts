import { DOCUMENT_FONT_FILES } from '../documents/font-files';
import { type Access, FOUNDER_COUNTERS, WRITES_ITEMS } from './access';

/**
 * A Lambda function the CompanyOpening workflow calls, declared once: CDK bundles `handler` and grants
 * `access`, the local runtime imports the same module under `name`, and the state machine definition
 * (workflows/company-opening.ts) invokes it by its key.
 */
export interface WorkflowFunction {
  name: string;
  handler: `functions/workflow/${string}.ts`;
  access: Access;
  /**
   * Files (repository-relative) shipped next to the bundle's index.mjs, in BUNDLED_FILES_DIRECTORY: CDK
   * copies them after bundling, and so does the local runtime's bundled mode.
   */
  bundledFiles?: readonly string[];
}

/** Where a bundle finds its `bundledFiles`, next to its index.mjs. */
export const BUNDLED_FILES_DIRECTORY = 'fonts';

/** Every step reads the case (and its tasks) by key and writes it back with one conditional put. */
const STEP: Access = { table: WRITES_ITEMS };
/** Steps that wake the SLA timer, or resume a founder's answer, send a task token back to the machine. */
const RESUMES: Access = { table: WRITES_ITEMS, stateMachine: ['states:SendTaskSuccess'] };
/** Stores the documents it renders under the case; reads the case, writes it back with them listed. */
const ISSUES_DOCUMENTS: Access = {
  table: WRITES_ITEMS,
  storage: [{ bucket: 'documents', actions: ['s3:PutObject'], keys: 'cases/*' }],
};
/** Steps that close a case also take it off its founder's open cases (shared/case/submission-limits.ts). */
const CLOSES: Access = { ...RESUMES, table: { ...WRITES_ITEMS, counters: FOUNDER_COUNTERS } };

export const WORKFLOW_FUNCTIONS = {
  intake: { name: 'CaseIntake', handler: 'functions/workflow/intake.ts', access: STEP },
  reviewRules: { name: 'CaseReviewRules', handler: 'functions/workflow/review-rules.ts', access: STEP },
  openDepartmentTask: {
    name: 'CaseOpenDepartmentTask',
    handler: 'functions/workflow/open-department-task.ts',
    access: STEP,
  },
  applyDecision: {
    name: 'CaseApplyDecision',
    handler: 'functions/workflow/apply-decision.ts',
    access: RESUMES,
  },
  awaitCorrection: {
    name: 'CaseAwaitCorrection',
    handler: 'functions/workflow/await-correction.ts',
    access: STEP,
  },
  applyCorrection: {
    name: 'CaseApplyCorrection',
    handler: 'functions/workflow/apply-correction.ts',
    access: RESUMES,
  },
  rejectCase: { name: 'CaseReject', handler: 'functions/workflow/reject-case.ts', access: CLOSES },
  deliver: { name: 'CaseDeliver', handler: 'functions/workflow/deliver.ts', access: STEP },
  /** Renders the documents a completed case is issued and stores them; the only one holding the PDF library. */
  issueDocuments: {
    name: 'CaseIssueDocuments',
    handler: 'functions/workflow/issue-documents.ts',
    access: ISSUES_DOCUMENTS,
    bundledFiles: DOCUMENT_FONT_FILES,
  },
  closeCase: { name: 'CaseClose', handler: 'functions/workflow/close-case.ts', access: CLOSES },
  /** Resumes answered corrections whose resume was lost while the clock is paused. */
  checkSla: { name: 'CaseCheckSla', handler: 'functions/workflow/check-sla.ts', access: RESUMES },
  armSlaTimer: { name: 'CaseArmSlaTimer', handler: 'functions/workflow/arm-sla-timer.ts', access: STEP },
  recordFailure: {
    name: 'CaseRecordFailure',
    handler: 'functions/workflow/record-failure.ts',
    access: STEP,
  },
} as const satisfies Record<string, WorkflowFunction>;

export type WorkflowFunctionKey = keyof typeof WORKFLOW_FUNCTIONS;
