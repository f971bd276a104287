import { createHash } from 'node:crypto';
import { tasks } from '../data/tasks';
import { type Item, itemsOf } from './items';
import type { CaseRecord, DepartmentTask } from './model';
import { taskDeadline } from './sla-timer';

/** The department tasks a case holds: their ids, which are still open, and their deadlines. */

export function taskIdFor(applicationId: string, item: Item, round: number): string {
  return `t-${createHash('sha256').update(`${applicationId}:${item}:${round}`).digest('base64url').slice(0, 22)}`;
}

/** The tasks of these items of the case that are still open, read through the ids the items carry. */
async function openTasksOf(
  record: CaseRecord,
  items: readonly Item[] = itemsOf(record),
): Promise<DepartmentTask[]> {
  const open: DepartmentTask[] = [];
  for (const item of items) {
    const taskId = record.items[item]?.taskId;
    const task = taskId ? await tasks.get(taskId) : undefined;
    if (task?.status === 'open') open.push(task);
  }
  return open;
}

export async function closeOpenTasks(record: CaseRecord, at: string): Promise<void> {
  for (const task of await openTasksOf(record)) {
    await tasks.close(task, { outcome: 'cancelled', decidedAt: at });
  }
}

/** Inboxes sort by a task's deadline and the overdue alarm counts against it: it follows the case's. */
export async function keepTaskDeadlinesCurrent(record: CaseRecord, at: Date): Promise<void> {
  const deadline = taskDeadline(record, at);
  const inReview = itemsOf(record).filter((item) => record.items[item]?.status === 'in-review');
  for (const task of await openTasksOf(record, inReview)) {
    if (task.slaDeadline !== deadline) await tasks.moveDeadline(task, deadline);
  }
}
