/**
 * Every Lambda function the workflow calls, by the name it has locally and its module under
 * functions/workflow/. CDK bundles each module; the local runtime imports the same modules.
 */
export const WORKFLOW_FUNCTIONS = {
  intake: { name: 'CaseIntake', file: 'intake' },
  reviewRules: { name: 'CaseReviewRules', file: 'review-rules' },
  openDepartmentTask: { name: 'CaseOpenDepartmentTask', file: 'open-department-task' },
  applyDecision: { name: 'CaseApplyDecision', file: 'apply-decision' },
  awaitCorrection: { name: 'CaseAwaitCorrection', file: 'await-correction' },
  applyCorrection: { name: 'CaseApplyCorrection', file: 'apply-correction' },
  rejectCase: { name: 'CaseReject', file: 'reject-case' },
  deliver: { name: 'CaseDeliver', file: 'deliver' },
  closeCase: { name: 'CaseClose', file: 'close-case' },
  checkSla: { name: 'CaseCheckSla', file: 'check-sla' },
  armSlaTimer: { name: 'CaseArmSlaTimer', file: 'arm-sla-timer' },
  recordFailure: { name: 'CaseRecordFailure', file: 'record-failure' },
} as const;

export type WorkflowFunction = keyof typeof WORKFLOW_FUNCTIONS;
