import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DepartmentTask } from '../case/model';
import { countQuery, documents } from './dynamo';
import { isConditionFailure } from './errors';
import { pick, TASK_LISTING_ATTRIBUTES, type TaskListing } from './listings';
import { decodeCursor, encodeCursor, type Page } from './pages';
import { keys, TABLE_INDEXES, tableName } from './table';

function toItem(task: DepartmentTask) {
  return {
    ...keys.task(task.id),
    departmentPk: keys.department(task.department, task.status),
    deadlineSk: keys.timeSorted(task.slaDeadline, task.id),
    ...task,
  };
}

function toTask(item: Record<string, unknown>): DepartmentTask {
  const { pk, sk, departmentPk, deadlineSk, ...task } = item;
  return task as unknown as DepartmentTask;
}

export const tasks = {
  async get(id: string): Promise<DepartmentTask | undefined> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: keys.task(id), ConsistentRead: true }),
    );
    return Item ? toTask(Item) : undefined;
  },

  /**
   * Creates the task, or refreshes it while it is still open: a retried workflow step brings a new
   * task token, and the decision must resume the attempt that is actually waiting.
   */
  async open(task: DepartmentTask): Promise<DepartmentTask> {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: toItem(task),
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        }),
      );
      return task;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await tasks.get(task.id)) ?? task;
    }
  },

  /** Closes an open task; false when it was already closed (by another decision or the workflow). */
  async close(
    task: DepartmentTask,
    closing: Pick<DepartmentTask, 'outcome' | 'decidedBy' | 'decidedAt'>,
  ): Promise<boolean> {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: toItem({ ...task, ...closing, status: 'closed' }),
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /**
   * Moves an open task's SLA deadline; false when it closed, or a retried step replaced its token,
   * since it was read (the refreshed task carries the deadline of its own moment).
   */
  async moveDeadline(task: DepartmentTask, slaDeadline: string): Promise<boolean> {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: toItem({ ...task, slaDeadline }),
          ConditionExpression: '#status = :open AND #token = :token',
          ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
          ExpressionAttributeValues: { ':open': 'open', ':token': task.token },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async listByDepartment(
    department: string,
    status: DepartmentTask['status'],
    limit: number,
    cursor?: string,
  ): Promise<Page<TaskListing>> {
    const partition = keys.department(department, status);
    const page = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: TABLE_INDEXES.byDepartment.name,
        KeyConditionExpression: 'departmentPk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, partition),
      }),
    );
    return {
      items: (page.Items ?? []).map((item) => pick(item, TASK_LISTING_ATTRIBUTES) as unknown as TaskListing),
      nextCursor: encodeCursor(page.LastEvaluatedKey, partition),
    };
  },

  /** Open tasks whose SLA deadline has passed: the callbacks open past their deadline. */
  countOverdue: (department: string, now: Date): Promise<number> =>
    countQuery({
      TableName: tableName(),
      IndexName: TABLE_INDEXES.byDepartment.name,
      KeyConditionExpression: 'departmentPk = :pk AND deadlineSk < :now',
      ExpressionAttributeValues: { ':pk': keys.department(department, 'open'), ':now': now.toISOString() },
    }),
};
