/**
 * What the data layer refuses, free of side effects: the state machine's definition and the HTTP edge
 * import these names without constructing a DynamoDB client.
 */

/** DynamoDB refused a conditional write: another writer got there first, or the item is not as expected. */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}

/** Another writer kept winning the optimistic race; the state machine retries the step by this name. */
export class VersionConflict extends Error {
  static readonly errorName = 'VersionConflict';
  override name = VersionConflict.errorName;
}

/** A cursor the API did not hand out: the HTTP edge answers it 400 at the `cursor` field. */
export class InvalidCursor extends Error {
  override name = 'InvalidCursor';
}
