import { type Access, CHANGES_CASES } from './access';

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
  publishCaseEvents: {
    name: 'PublishCaseEvents',
    handler: 'functions/events/publish-case-events.ts',
    everyMinutes: 1,
    description: 'Publishes the case events their writer left unpublished (a crash, EventBridge throttling)',
    access: { ...CHANGES_CASES, table: { ...CHANGES_CASES.table, indexes: ['byOutbox'] } },
  },
} as const satisfies Record<string, ScheduledJob>;
