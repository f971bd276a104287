import type { Access } from './access';

/**
 * A function that runs on a schedule, declared once: EventBridge runs it in AWS, the runtime clock
 * locally.
 */
export interface ScheduledJob {
  name: string;
  handler: `functions/${string}.ts`;
  everyMinutes: number;
  description: string;
  access: Access;
}

export const SCHEDULED_JOBS = {
  overdueTasks: {
    name: 'OverdueTasks',
    handler: 'functions/ops/overdue-tasks.ts',
    everyMinutes: 5,
    description: 'Counts department tasks open past their SLA deadline (OverdueTasks alarms)',
    access: { table: { indexes: ['byDepartment'] } },
  },
} as const satisfies Record<string, ScheduledJob>;
