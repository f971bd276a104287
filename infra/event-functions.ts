import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { EVENT_FUNCTIONS, type EventFunction } from '../shared/entry-points/event-functions';
import { deadLetterQueue } from './dead-letter-queue';
import { type AccessResources, accessEnvironment, grantAccess, type StorageResources } from './grant-access';
import { HouseFunction } from './house-function';

export type EventFunctionKey = keyof typeof EVENT_FUNCTIONS;

export interface EventFunctionsProps {
  table: dynamodb.ITableV2;
  storage: StorageResources;
  /** The bus of the case events (infra/case-event-bus.ts); the others' rules are on the default bus. */
  caseEventBus: events.IEventBus;
}

/** How often EventBridge retries a failed delivery, and for how long, before it dead-letters the event. */
export const DELIVERY_RETRIES = { retryAttempts: 8, maxEventAge: Duration.hours(2) } as const;
/** Lambda's own retries of a function that threw on an event, before it sends the event to the queue. */
export const FUNCTION_RETRIES = 2;

/**
 * One function per declared event function (shared/entry-points/event-functions.ts), each run by a rule
 * with the declared pattern on the bus it declares. An event that cannot be delivered, or that the
 * function still fails on after Lambda's retries, lands in the function's dead-letter queue, which alarms
 * (shared/ops/alarms.ts): an upload whose event is lost would otherwise stay pending for good, a notice
 * would never be sent.
 *
 * Not a construct, as the workflow stack's functions are made: each function's id is its declared name.
 */
export class EventFunctions {
  readonly functions = {} as Record<EventFunctionKey, HouseFunction>;
  readonly rules = {} as Record<EventFunctionKey, events.Rule>;
  readonly deadLetterQueues = {} as Record<EventFunctionKey, sqs.Queue>;

  constructor(scope: Construct, props: EventFunctionsProps) {
    const resources: AccessResources = { table: props.table, storage: props.storage };
    for (const [key, declared] of Object.entries(EVENT_FUNCTIONS) as [EventFunctionKey, EventFunction][]) {
      const deadLetters = deadLetterQueue(
        scope,
        declared.name,
        "its rule target and the function's failed asynchronous invocations send to it",
      );
      const fn = new HouseFunction(scope, declared.name, {
        entry: declared.handler,
        tableName: declared.access.table ? props.table.tableName : undefined,
        environment: accessEnvironment(declared.access, resources),
      });
      grantAccess(fn, declared.access, resources);
      fn.configureAsyncInvoke({
        retryAttempts: FUNCTION_RETRIES,
        onFailure: new destinations.SqsDestination(deadLetters),
      });
      const pattern = declared.pattern({ uploadsBucket: props.storage.buckets.uploads.bucketName });
      this.rules[key] = new events.Rule(scope, `${declared.name}Rule`, {
        description: declared.description,
        eventBus: declared.bus === 'caseEvents' ? props.caseEventBus : undefined,
        eventPattern: eventPatternOf(pattern),
        targets: [new targets.LambdaFunction(fn, { deadLetterQueue: deadLetters, ...DELIVERY_RETRIES })],
      });
      this.functions[key] = fn;
      this.deadLetterQueues[key] = deadLetters;
    }
  }
}

/** The declared pattern is EventBridge's JSON; the L2 takes the same with `detail-type` as `detailType`. */
function eventPatternOf(pattern: Record<string, unknown>): events.EventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return { ...rest, ...(detailType ? { detailType } : {}) } as events.EventPattern;
}
