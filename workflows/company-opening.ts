import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { Item } from '../shared/case/items';
import { CaseClosed, CorrectionAlreadyAnswered, SlaChanged } from '../shared/case/transitions';
import { VersionConflict } from '../shared/data/errors';
import type { WorkflowFunctionKey } from '../shared/entry-points/workflow-functions';

/**
 * CompanyOpening: Intake → Registration review → (Invoice review ∥ Seal review) → Deliver → Close,
 * beside an SLA timer that records the at-risk and breach points while the case is open. The state
 * carries only the case id: the case itself (and every personal detail in it) stays in the table.
 *
 * This one definition is deployed by CDK and run by the local engine (see workflows/local-definition.ts).
 */

export const DEPARTMENT_DECISION_TIMEOUT = Duration.days(30);
export const CORRECTION_TIMEOUT = Duration.days(30);
const STEP_TIMEOUT = Duration.seconds(30);

/** Faults worth another attempt: Lambda service errors, DynamoDB throttling, lost optimistic races. */
const TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  VersionConflict.errorName,
];

/** A licence item's review failed with a rejection; the Parallel's catch rejects the case. */
const ITEM_REJECTED = 'ItemRejected';

const retryTransient = (errors: string[]): sfn.RetryProps => ({
  errors,
  interval: Duration.seconds(1),
  backoffRate: 2,
  maxAttempts: 5,
  maxDelay: Duration.seconds(20),
  jitterStrategy: sfn.JitterType.FULL,
});

const applicationId = sfn.JsonPath.stringAt('$.applicationId');

type Functions = Record<WorkflowFunctionKey, IFunction>;

class Steps {
  constructor(
    private readonly scope: Construct,
    private readonly functions: Functions,
  ) {}

  /** A request-response step: its small result goes to `resultPath`. */
  invoke(
    id: string,
    fn: WorkflowFunctionKey,
    payload: Record<string, unknown>,
    resultPath: string | undefined,
  ) {
    return new tasks.LambdaInvoke(this.scope, id, {
      lambdaFunction: this.functions[fn],
      payload: sfn.TaskInput.fromObject(payload),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      resultPath: resultPath ?? sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(STEP_TIMEOUT),
    }).addRetry(retryTransient([...TRANSIENT_ERRORS, 'States.Timeout']));
  }

  /**
   * A step that hands a task token to a function and waits for someone to send it back. Its handler is
   * safe to run again (a retry brings a new token and the handler stores it), so transient faults retry.
   */
  callback(
    id: string,
    fn: WorkflowFunctionKey,
    payload: Record<string, unknown>,
    timeout: sfn.Timeout,
    resultPath?: string,
  ) {
    return new tasks.LambdaInvoke(this.scope, id, {
      lambdaFunction: this.functions[fn],
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({ ...payload, token: sfn.JsonPath.taskToken }),
      retryOnServiceExceptions: false,
      resultPath: resultPath ?? sfn.JsonPath.DISCARD,
      taskTimeout: timeout,
    }).addRetry(retryTransient(TRANSIENT_ERRORS));
  }
}

const title = (item: Item) => item[0]?.toUpperCase() + item.slice(1);

/**
 * One item's review: rules first (instant approval), else a department task that waits for the
 * officer's decision; a correction request waits for the founder and goes back to the same department.
 * Ends in `approved`; a rejection leaves through `onRejected`.
 */
function itemReview(steps: Steps, scope: Construct, item: Item, onRejected: sfn.IChainable): sfn.Chain {
  const name = title(item);
  const done = new sfn.Pass(scope, `${name}Approved`);
  const payload = { applicationId, item };
  const rules = steps.invoke(`${name}Rules`, 'reviewRules', payload, `$.${item}`);
  const task = steps.callback(
    `${name}DepartmentReview`,
    'openDepartmentTask',
    payload,
    sfn.Timeout.duration(DEPARTMENT_DECISION_TIMEOUT),
    `$.${item}.decision`,
  );
  const apply = steps.invoke(
    `${name}ApplyDecision`,
    'applyDecision',
    { applicationId, item, decision: sfn.JsonPath.objectAt(`$.${item}.decision`) },
    `$.${item}.applied`,
  );
  const applyCorrection = steps.invoke(`${name}ApplyCorrection`, 'applyCorrection', payload, undefined);
  const awaitCorrection = steps
    .callback(`${name}AwaitCorrection`, 'awaitCorrection', payload, sfn.Timeout.duration(CORRECTION_TIMEOUT))
    .addCatch(applyCorrection, {
      errors: [CorrectionAlreadyAnswered.errorName],
      resultPath: sfn.JsonPath.DISCARD,
    })
    .addCatch(onRejected, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD });
  awaitCorrection.next(applyCorrection);
  applyCorrection.next(task);
  const outcome = new sfn.Choice(scope, `${name}Outcome`)
    .when(sfn.Condition.stringEquals(`$.${item}.applied.outcome`, 'approved'), done)
    .when(sfn.Condition.stringEquals(`$.${item}.applied.outcome`, 'correction-requested'), awaitCorrection)
    .otherwise(onRejected);
  const instant = new sfn.Choice(scope, `${name}Instant`)
    .when(sfn.Condition.booleanEquals(`$.${item}.instant`, true), done)
    .otherwise(task.next(apply).next(outcome));
  rules.next(instant);
  return sfn.Chain.custom(rules, [done], done);
}

/** The SLA timer: look, wait until the next SLA point (or until a transition wakes it), look again. */
function slaTimer(steps: Steps, scope: Construct): sfn.Chain {
  const check = steps.invoke('SlaCheck', 'checkSla', { applicationId }, '$.sla');
  const finished = new sfn.Succeed(scope, 'SlaTimerDone');
  const wait = steps
    .callback(
      'SlaWait',
      'armSlaTimer',
      { applicationId, revision: sfn.JsonPath.numberAt('$.sla.revision') },
      sfn.Timeout.at('$.sla.waitSeconds'),
    )
    .addCatch(check, { errors: ['States.Timeout', SlaChanged.errorName], resultPath: sfn.JsonPath.DISCARD })
    .addCatch(finished, { errors: [CaseClosed.errorName], resultPath: sfn.JsonPath.DISCARD });
  wait.next(check);
  return sfn.Chain.start(check).next(
    new sfn.Choice(scope, 'SlaOpen')
      .when(sfn.Condition.booleanEquals('$.sla.done', true), finished)
      .otherwise(wait),
  );
}

export function companyOpeningDefinition(scope: Construct, functions: Functions): sfn.IChainable {
  const steps = new Steps(scope, functions);

  const mainDone = new sfn.Pass(scope, 'CaseFlowDone');
  const rejectRegistration = steps
    .invoke('RejectAtRegistration', 'rejectCase', { applicationId, item: 'registration' }, undefined)
    .next(mainDone);
  const rejectLicence = steps
    .invoke(
      'RejectAtLicences',
      'rejectCase',
      { applicationId, item: sfn.JsonPath.stringAt('$.rejection.Cause') },
      undefined,
    )
    .next(mainDone);
  const licenceRejected = (item: Item) =>
    new sfn.Fail(scope, `${title(item)}Rejected`, { error: ITEM_REJECTED, cause: item });

  const licences = new sfn.Parallel(scope, 'Licences', { resultPath: sfn.JsonPath.DISCARD })
    .branch(itemReview(steps, scope, 'invoice', licenceRejected('invoice')))
    .branch(itemReview(steps, scope, 'seal', licenceRejected('seal')))
    .addCatch(rejectLicence, { errors: [ITEM_REJECTED], resultPath: '$.rejection' });

  const main = itemReview(steps, scope, 'registration', rejectRegistration)
    .next(licences)
    .next(steps.invoke('Deliver', 'deliver', { applicationId }, undefined))
    .next(steps.invoke('Close', 'closeCase', { applicationId }, undefined))
    .next(mainDone);

  const recordFailure = steps
    .invoke(
      'RecordFailure',
      'recordFailure',
      { applicationId, failure: sfn.JsonPath.objectAt('$.failure') },
      undefined,
    )
    .next(
      new sfn.Fail(scope, 'CaseFailed', {
        error: 'CaseFailed',
        cause: 'A step failed; the case records why',
      }),
    );

  const caseFlow = new sfn.Parallel(scope, 'CaseFlow', { resultPath: sfn.JsonPath.DISCARD })
    .branch(main)
    .branch(slaTimer(steps, scope))
    .addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });

  return steps
    .invoke('Intake', 'intake', { applicationId }, undefined)
    .next(caseFlow)
    .next(new sfn.Succeed(scope, 'CaseEnded'));
}
