import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../api/caller';
import { documents } from '../data/dynamo';
import { keys, tableName } from '../data/table';

/** One look at a file of a case: who (account and the role they acted in), when, which file. */
export interface FileView {
  caseId: string;
  file: { kind: 'material' | 'document'; id: string; fileName: string };
  viewer: { sub: string; role: 'party' | 'officer'; departments?: string[] };
  at: string;
}

/**
 * Records a view before the file is handed out, as its own item under the case: views never contend
 * with the workflow's writes to the case record, and an audit reads them in time order.
 */
export async function recordFileView(view: FileView): Promise<void> {
  await documents.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.fileView(view.caseId, view.at, randomUUID()), ...view },
    }),
  );
}

export const viewerIdentity = (caller: Caller, role: FileView['viewer']['role'], departments?: string[]) => ({
  sub: caller.sub,
  role,
  ...(departments?.length ? { departments } : {}),
});
