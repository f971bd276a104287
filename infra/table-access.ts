import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { keys, TABLE_INDEXES } from '../shared/data/table';

/**
 * What one handler does with the single table, in the terms of the repositories in shared/data:
 * `GetCommand` and `PutCommand` on items (every state change is one conditional put, no updates, no
 * deletes, no batches, no transactions), `QueryCommand` on the GSIs it reads and, for the ops
 * report, on the closed cases' partitions.
 * test/infra/iam.test.ts fails when shared/data starts using a command not covered here.
 */
export interface TableAccess {
  items?: readonly ('dynamodb:GetItem' | 'dynamodb:PutItem')[];
  indexes?: readonly (keyof typeof TABLE_INDEXES)[];
  /** Query on the table itself, only in the closed cases' KPI partitions (shared/data/closed-cases.ts). */
  closedCases?: boolean;
}

export const READS_ITEMS: TableAccess = { items: ['dynamodb:GetItem'] };
export const WRITES_ITEMS: TableAccess = { items: ['dynamodb:GetItem', 'dynamodb:PutItem'] };

/** Grants exactly `access`: item actions on the table, Query on each named index, no wildcards. */
export function grantTable(grantee: iam.IGrantable, table: dynamodb.ITableV2, access: TableAccess): void {
  if (access.items?.length) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...access.items], resources: [table.tableArn] }),
    );
  }
  if (access.closedCases) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [keys.closedMonth('*')] } },
      }),
    );
  }
  if (access.indexes?.length) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: access.indexes.map((index) => `${table.tableArn}/index/${TABLE_INDEXES[index].name}`),
      }),
    );
  }
}
