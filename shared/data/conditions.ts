/** DynamoDB refused a conditional write: another writer got there first, or the item is not as expected. */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}
