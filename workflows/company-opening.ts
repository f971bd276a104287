import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { Item } from '../shared/case/items';
import { CaseClosed, CorrectionAlreadyAnswered, SlaChanged } from '../shared/case/transitions';
import { stateKeyOf } from '../shared/case/workflow-plan';
import { CATALOGUE } from '../shared/catalogue';
import type { Bundle } from '../shared/catalogue/bundle';
import { type Catalogue, parentIn } from '../shared/catalogue/catalogue';
import type { CatalogueItem } from '../shared/catalogue/item';
import { capitalized, idWords } from '../shared/catalogue/names';
import { VersionConflict } from '../shared/data/errors';
import type { WorkflowFunctionKey } from '../shared/entry-points/workflow-functions';

/**
 * CompanyOpening, generated from the catalogue: Intake → the case's bundle → its first item's review →
 * every item whose dependencies are met, in parallel (for a company: invoice ∥ seal) → Deliver → IssueDocuments → Close,
 * beside an SLA timer that records the at-risk and breach points while the case is open. The state
 * carries the case id and the plan Intake reads off the case (its bundle, which items it runs): the case
 * itself (and every personal detail in it) stays in the table.
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

/** A state-name word: food-business-licence → FoodBusinessLicence. */
const title = (id: string) => idWords(id).map(capitalized).join('');

/**
 * One item's review: rules first (instant approval), else a department task that waits for the
 * officer's decision; a correction request waits for the founder and goes back to the same department.
 * Ends in `approved`; a rejection leaves through `onRejected`. `prefix` keeps the states of one
 * bundle's route apart from another's.
 */
function itemReview(
  steps: Steps,
  scope: Construct,
  prefix: string,
  item: Item,
  onRejected: sfn.IChainable,
): sfn.Chain {
  const name = `${prefix}${title(item)}`;
  const key = stateKeyOf(item);
  const done = new sfn.Pass(scope, `${name}Approved`);
  const payload = { applicationId, item };
  const rules = steps.invoke(`${name}Rules`, 'reviewRules', payload, `$.${key}`);
  const task = steps.callback(
    `${name}DepartmentReview`,
    'openDepartmentTask',
    payload,
    sfn.Timeout.duration(DEPARTMENT_DECISION_TIMEOUT),
    `$.${key}.decision`,
  );
  const apply = steps.invoke(
    `${name}ApplyDecision`,
    'applyDecision',
    { applicationId, item, decision: sfn.JsonPath.objectAt(`$.${key}.decision`) },
    `$.${key}.applied`,
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
    .when(sfn.Condition.stringEquals(`$.${key}.applied.outcome`, 'approved'), done)
    .when(sfn.Condition.stringEquals(`$.${key}.applied.outcome`, 'correction-requested'), awaitCorrection)
    .otherwise(onRejected);
  const instant = new sfn.Choice(scope, `${name}Instant`)
    .when(sfn.Condition.booleanEquals(`$.${key}.instant`, true), done)
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

/** The items one route of a bundle runs: its items, and with `withOptional` the ones a founder may add. */
interface Route {
  prefix: string;
  bundle: Bundle;
  items: CatalogueItem[];
  /** Items the case may not run (optional, or decided by determinants): each starts with a look at the plan. */
  guarded: ReadonlySet<string>;
}

function routesOf(catalogue: Catalogue): Route[] {
  return catalogue.bundles.flatMap((bundle) => {
    const route = (withOptional: boolean): Route => {
      const ids = withOptional ? [...bundle.items, ...bundle.optionalItems] : bundle.items;
      const items = catalogue.items.filter((item) => ids.includes(item.id));
      const guarded = new Set(
        items
          .filter((item) => !bundle.items.includes(item.id) || item.appliesWhen.length > 0)
          .map(({ id }) => id),
      );
      // The company route without additions keeps the state names cases ran on before the catalogue.
      const base = bundle.id === 'company-opening' ? '' : title(bundle.id);
      const prefix = withOptional ? `${title(bundle.id)}Plus` : base;
      return { prefix, bundle, items, guarded };
    };
    return bundle.optionalItems.length > 0 ? [route(false), route(true)] : [route(false)];
  });
}

/** Which route a case takes: its bundle, and whether it runs any of the bundle's optional items. */
function routeCondition(route: Route): sfn.Condition {
  const bundle = sfn.Condition.stringEquals('$.plan.bundle', route.bundle.id);
  const optional = route.bundle.optionalItems.map((id) =>
    sfn.Condition.booleanEquals(`$.plan.runs.${stateKeyOf(id)}`, true),
  );
  if (optional.length === 0) return bundle;
  const anyOptional = optional.length === 1 ? (optional[0] as sfn.Condition) : sfn.Condition.or(...optional);
  const withOptional = route.items.some((item) => route.bundle.optionalItems.includes(item.id));
  return sfn.Condition.and(bundle, withOptional ? anyOptional : sfn.Condition.not(anyOptional));
}

/**
 * A route as a tree: the first item, then in parallel every item that follows it (parentIn), each
 * followed in turn by its own. A rejection anywhere below the first item fails its branch with
 * ITEM_REJECTED, which the first Parallel catches; the first item's rejection goes to `rejectFirst`.
 */
function routeChain(
  steps: Steps,
  scope: Construct,
  route: Route,
  rejectFirst: (item: Item) => sfn.IChainable,
  rejectLater: sfn.IChainable,
): sfn.Chain {
  const byId = new Map(route.items.map((item) => [item.id, item]));
  const followers = (id: string) =>
    route.items.filter((item) => item.dependsOn.length > 0 && parentIn(item.dependsOn, byId) === id);
  const rejected = (item: Item) =>
    new sfn.Fail(scope, `${route.prefix}${title(item)}Rejected`, { error: ITEM_REJECTED, cause: item });

  const branch = (item: CatalogueItem, first: boolean): sfn.Chain => {
    const onRejected = first ? rejectFirst(item.id) : rejected(item.id);
    const review = itemReview(steps, scope, route.prefix, item.id, onRejected);
    const next = followers(item.id);
    if (next.length === 0) return review;
    const name = first ? `${route.prefix}Licences` : `${route.prefix}${title(item.id)}Followers`;
    const parallel = new sfn.Parallel(scope, name, { resultPath: sfn.JsonPath.DISCARD });
    for (const follower of next) parallel.branch(guarded(follower));
    if (first) parallel.addCatch(rejectLater, { errors: [ITEM_REJECTED], resultPath: '$.rejection' });
    return review.next(parallel);
  };

  const guarded = (item: CatalogueItem): sfn.IChainable => {
    if (!route.guarded.has(item.id)) return branch(item, false);
    const name = `${route.prefix}${title(item.id)}`;
    return new sfn.Choice(scope, `${name}Runs`)
      .when(sfn.Condition.booleanEquals(`$.plan.runs.${stateKeyOf(item.id)}`, true), branch(item, false))
      .otherwise(new sfn.Succeed(scope, `${name}NotRun`));
  };

  const first = route.items.find((item) => item.dependsOn.length === 0);
  if (!first) throw new Error(`The bundle ${route.bundle.id} has no first item`);
  return branch(first, true);
}

/** Where the machine keeps its own data in the state: an item's key (stateKeyOf) must be none of them. */
const MACHINE_KEYS: ReadonlySet<string> = new Set(['applicationId', 'plan', 'sla', 'rejection', 'failure']);

/** The items whose results would overwrite the machine's own data in the state. */
export const itemKeyClashes = (catalogue: Pick<Catalogue, 'items'>): string[] =>
  catalogue.items.filter((item) => MACHINE_KEYS.has(stateKeyOf(item.id))).map(({ id }) => id);

export function companyOpeningDefinition(
  scope: Construct,
  functions: Functions,
  catalogue: Catalogue = CATALOGUE,
): sfn.IChainable {
  const clashes = itemKeyClashes(catalogue);
  if (clashes.length > 0)
    throw new Error(
      `Rename these catalogue items: the state machine uses their keys itself: ${clashes.join(', ')}`,
    );
  const steps = new Steps(scope, functions);

  const mainDone = new sfn.Pass(scope, 'CaseFlowDone');
  // Routes that start with the same item share the step that rejects the case there.
  const rejectAtFirst = new Map<Item, sfn.IChainable>();
  const rejectFirst = (item: Item) => {
    const known = rejectAtFirst.get(item);
    if (known) return known;
    const reject = steps
      .invoke(`RejectAt${title(item)}`, 'rejectCase', { applicationId, item }, undefined)
      .next(mainDone);
    rejectAtFirst.set(item, reject);
    return reject;
  };
  const rejectLicence = steps
    .invoke(
      'RejectAtLicences',
      'rejectCase',
      { applicationId, item: sfn.JsonPath.stringAt('$.rejection.Cause') },
      undefined,
    )
    .next(mainDone);
  const deliver = steps.invoke('Deliver', 'deliver', { applicationId }, undefined);
  deliver
    .next(steps.invoke('IssueDocuments', 'issueDocuments', { applicationId }, undefined))
    .next(steps.invoke('Close', 'closeCase', { applicationId }, undefined))
    .next(mainDone);

  const bundleChoice = new sfn.Choice(scope, 'Bundle');
  for (const route of routesOf(catalogue)) {
    const chain = routeChain(steps, scope, route, rejectFirst, rejectLicence);
    bundleChoice.when(routeCondition(route), chain.next(deliver));
  }
  const main = bundleChoice.otherwise(
    new sfn.Fail(scope, 'UnknownBundle', {
      error: 'UnknownBundle',
      cause: 'The case names no bundle of this definition',
    }),
  );

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
    .invoke('Intake', 'intake', { applicationId }, '$.plan')
    .next(caseFlow)
    .next(new sfn.Succeed(scope, 'CaseEnded'));
}
