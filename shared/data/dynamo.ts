import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryPages } from './query-pages';

/**
 * One document client per process, at module scope so Lambda reuses it across invocations. Its
 * endpoint comes from the standard AWS_ENDPOINT_URL_DYNAMODB locally.
 */
export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

/** Counts what a query matches, across every page, without reading the items. */
export async function countQuery(
  input: Omit<QueryCommandInput, 'Select' | 'ExclusiveStartKey'>,
): Promise<number> {
  let count = 0;
  for await (const page of queryPages(documents, { ...input, Select: 'COUNT' })) count += page.Count ?? 0;
  return count;
}

/** Every item a query matches, reading page after page. */
export async function queryAll<T = Record<string, unknown>>(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of queryPages(documents, input)) items.push(...((page.Items ?? []) as T[]));
  return items;
}
