import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Verification } from '../api/files';
import { documents } from './dynamo';
import { keys, tableName } from './table';

/** The public facts of each company the platform registered, by USCC: what the e-licence's QR code opens. */
export const verifications = {
  async get(uscc: string): Promise<Verification | undefined> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: keys.verification(uscc) }),
    );
    if (!Item) return undefined;
    const { uscc: code, companyName, status, establishedOn, issuedBy } = Item as Verification;
    return { uscc: code, companyName, status, establishedOn, issuedBy };
  },

  /** Written once the e-licence is issued; the same facts again overwrite nothing that differs. */
  async put(company: Verification): Promise<void> {
    await documents.send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.verification(company.uscc), ...company } }),
    );
  },
};
