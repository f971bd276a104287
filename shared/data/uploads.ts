import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { UploadRecord } from '../uploads/model';
import { documents } from './dynamo';
import { isConditionFailure, VersionConflict } from './errors';
import { keys, tableName } from './table';

const MAX_ATTEMPTS = 8;

export const uploads = {
  async get(id: string): Promise<UploadRecord | undefined> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: keys.upload(id), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk, sk, ...record } = Item;
    return record as UploadRecord;
  },

  async create(record: UploadRecord): Promise<void> {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.upload(record.id), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  /**
   * Applies `change` to the stored upload with one conditional put, again on a race: the check and the
   * scan answer independently, in either order. `change` answers undefined to leave it as it is.
   */
  async update(
    id: string,
    change: (record: UploadRecord) => UploadRecord | undefined,
  ): Promise<UploadRecord | undefined> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await uploads.get(id);
      if (!current) return undefined;
      const next = change(current);
      if (!next) return current;
      try {
        await documents.send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.upload(id), ...next, version: current.version + 1 },
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': current.version },
          }),
        );
        return { ...next, version: current.version + 1 };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new VersionConflict(`upload ${id} kept changing`);
  },
};
