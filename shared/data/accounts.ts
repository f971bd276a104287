import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Account, defaultAccount } from '../notices/model';
import { documents, queryAll } from './dynamo';
import { keys, tableName } from './table';

/**
 * People's notice preferences, and the directory the notifier finds officers and ops in: saving an
 * account also enters its owner under each group they hold. A membership is never deleted (every write
 * here is a put); one whose account no longer holds the group is ignored where it is read.
 */
export const accounts = {
  async get(sub: string): Promise<Account | undefined> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: keys.account(sub), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk, sk, ...account } = Item;
    return account as Account;
  },

  /** The account, or the defaults of one never saved. */
  async getOrDefault(sub: string): Promise<Account> {
    return (await accounts.get(sub)) ?? defaultAccount(sub);
  },

  async save(account: Account): Promise<Account> {
    for (const group of account.groups) {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.groupMember(group, account.sub), sub: account.sub },
        }),
      );
    }
    await documents.send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.account(account.sub), ...account } }),
    );
    return account;
  },

  /** The accounts saved by people who are in `group` now, as their last save says. */
  async inGroup(group: string): Promise<Account[]> {
    const members = await queryAll<{ sub: string }>({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.groupMembers(group) },
    });
    const found = await Promise.all(members.map(({ sub }) => accounts.get(sub)));
    return found.filter((account): account is Account => account?.groups.includes(group) ?? false);
  },
};
