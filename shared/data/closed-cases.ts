import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { localDate } from '../calendar';
import type { ClosedCase } from '../ops/closed-case';
import { documents, queryAll } from './dynamo';
import { keys, tableName } from './table';

const monthOf = (instant: Date | string) => localDate(instant).slice(0, 7);

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

export const closedCases = {
  /** The same case always closes to the same item, so a retried step writes it again harmlessly. */
  async record(closed: ClosedCase): Promise<void> {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          pk: keys.closedMonth(monthOf(closed.closedAt)),
          sk: keys.timeSorted(closed.closedAt, closed.id),
          ...closed,
        },
      }),
    );
  },

  /** Cases closed from `from` up to `to`, oldest first: one query per month partition, every page. */
  async between(from: Date, to: Date): Promise<ClosedCase[]> {
    const months = [monthOf(from)];
    while ((months.at(-1) as string) < monthOf(to)) months.push(nextMonth(months.at(-1) as string));
    const pages = await Promise.all(
      months.map((month) =>
        queryAll<ClosedCase & { pk: string; sk: string }>({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.closedMonth(month),
            ':from': from.toISOString(),
            // '~' sorts after '#' and every digit: an instant equal to `to` still matches, with its id.
            ':to': `${to.toISOString()}~`,
          },
        }),
      ),
    );
    return pages.flat().map(({ pk, sk, ...closed }) => closed);
  },
};
