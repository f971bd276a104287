import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { cases } from './cases';
import { documents } from './dynamo';
import { VersionConflict } from './errors';
import { keys, tableName } from './table';

/**
 * Writes the list summary onto every case item a version before issue 14 wrote and nobody wrote since
 * (docs/deploy.md, "Upgrading a table whose indexes project every attribute"). An operator's one-off:
 * it scans the table, which nothing on a request path does. A case written meanwhile already carries
 * its summary, so a lost race is skipped.
 */
export async function backfillCaseListings(): Promise<{ rewritten: number }> {
  let rewritten = 0;
  const pages = paginateScan(
    { client: documents },
    {
      TableName: tableName(),
      FilterExpression: 'sk = :case AND attribute_not_exists(companyName)',
      ExpressionAttributeValues: { ':case': keys.case('').sk },
      ProjectionExpression: 'id',
    },
  );
  for await (const page of pages) {
    for (const { id } of (page.Items ?? []) as { id: string }[]) {
      const record = await cases.get(id);
      if (!record) continue;
      try {
        await cases.save(record, record.version);
        rewritten++;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
      }
    }
  }
  return { rewritten };
}
