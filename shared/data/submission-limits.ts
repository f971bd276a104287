import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from './dynamo';
import { isConditionFailure } from './errors';
import { keys, tableName } from './table';

/**
 * Counters of what a caller has filed: each is one item holding the set of case ids it counted, so
 * counting is one conditional write that adds the id (a set holds an id once: a retried submission of
 * the same case never counts twice) unless the set is full. No read, no transaction.
 */
export interface Counter {
  pk: string;
  sk: string;
}

export const counters = {
  openCases: (founder: string): Counter => ({ pk: keys.founderLimits(founder), sk: 'OPEN' }),
  founderDay: (founder: string, day: string): Counter => ({
    pk: keys.founderLimits(founder),
    sk: `DAY#${day}`,
  }),
  agentDay: (agent: string, day: string): Counter => ({ pk: keys.agentLimits(agent), sk: `DAY#${day}` }),
};

/** Counts the case in the counter; false when the counter already holds `limit` other cases. */
export async function countCase(counter: Counter, caseId: string, limit: number): Promise<boolean> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: counter,
        UpdateExpression: 'ADD #cases :case',
        ConditionExpression: 'attribute_not_exists(#cases) OR contains(#cases, :id) OR size(#cases) < :limit',
        ExpressionAttributeNames: { '#cases': 'cases' },
        ExpressionAttributeValues: { ':case': new Set([caseId]), ':id': caseId, ':limit': limit },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Takes the case out of the counter (a closed case no longer counts as open); idempotent. */
export async function releaseCase(counter: Counter, caseId: string): Promise<void> {
  await documents.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: counter,
      UpdateExpression: 'DELETE #cases :case',
      ExpressionAttributeNames: { '#cases': 'cases' },
      ExpressionAttributeValues: { ':case': new Set([caseId]) },
    }),
  );
}
