import { type Access, PUBLISHES_CASE_EVENTS } from './access';

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
  sweepCaseEvents: {
    name: 'SweepCaseEvents',
    handler: 'functions/events/sweep-case-events.ts',
    everyMinutes: 1,
    description:
      'Publishes the case events the stream publisher left waiting (it gave up, EventBridge refused)',
    access: { ...PUBLISHES_CASE_EVENTS, table: { ...PUBLISHES_CASE_EVENTS.table, indexes: ['byOutbox'] } },
  },
} as const satisfies Record<string, ScheduledJob>;
