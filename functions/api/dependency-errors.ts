import { VersionConflict } from '../../shared/data/errors';
import { AppError } from '../../shared/errors';

/** Seconds a client should wait before retrying an answer refused for overload. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** The names AWS gives throttling and unavailability (DynamoDB, Step Functions), after the SDK's retries. */
const OVERLOAD_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
  'TimeoutError',
]);

interface SdkError {
  name?: string;
  $fault?: 'client' | 'server';
}

/**
 * A dependency that is throttled or down, not a defect: the same request may well succeed in a moment.
 * A case written by too many writers at once (VersionConflict after every retry) is the same: contention.
 */
export function isOverload(error: unknown): boolean {
  const { name, $fault } = (error ?? {}) as SdkError;
  return error instanceof VersionConflict || OVERLOAD_NAMES.has(name ?? '') || $fault === 'server';
}

/** DynamoDB refused a value: after the edge's checks, only something the client sent can be refused so. */
export function isRejectedValue(error: unknown): boolean {
  const { name, $fault } = (error ?? {}) as SdkError;
  return name === 'ValidationException' && $fault === 'client';
}

export const serviceBusy = (): AppError =>
  new AppError(
    503,
    'ServiceBusy',
    'The service is busy right now; try again in a moment',
    '服务繁忙，请稍后重试',
    [],
    { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
  );

export const valueRejected = (): AppError =>
  new AppError(
    400,
    'ValueRejected',
    'A value in the request cannot be stored as sent',
    '请求中的某个值无法按原样保存',
  );
