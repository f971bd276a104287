import { readFileSync } from 'node:fs';
import { DescribeExecutionCommand, SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { type LocalRuntime, type RuntimeOptions, startRuntime } from '../../../local/runtime';
import type { Item } from '../../../shared/case/items';
import type { CaseRecord, DepartmentTask, Outcome, Reason } from '../../../shared/case/model';
import { eventually } from '../engine/harness';

export const validForm = () =>
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')) as Record<
    string,
    unknown
  > & {
    [key: string]: any;
  };

/** The real local runtime (dynalite, durable engine, handler modules) and the domain calls the API makes. */
export async function startPlatform(options: RuntimeOptions = {}) {
  const runtime: LocalRuntime = await startRuntime(options);
  const { cases } = await import('../../../shared/data/cases');
  const { tasks } = await import('../../../shared/data/tasks');
  const commands = await import('../../../shared/case/commands');
  const { applicationFormSchema } = await import('../../../shared/form');
  const sfn = new SFNClient({ endpoint: runtime.stepFunctionsEndpoint });
  let submissions = 0;
  const submitted: string[] = [];
  const executionArn = (id: string) =>
    `${runtime.stateMachineArn.replace(':stateMachine:', ':execution:')}:${id}`;

  const platform = {
    runtime,
    cases,
    tasks,
    commands,
    parseForm: (form: unknown) => applicationFormSchema.parse(form),
    setClock: (iso: string) => runtime.engine.setClock(Date.parse(iso)),
    advance: (ms: number) => runtime.engine.setClock(runtime.clock.now() + ms),
    async submit(form: unknown = validForm(), owner = 'founder-1'): Promise<CaseRecord> {
      const { record } = await commands.submitApplication({
        owner,
        filedBy: { role: 'applicant', sub: owner },
        idempotencyKey: `key-${Date.now()}-${submissions++}`,
        form: applicationFormSchema.parse(form),
        requestBody: form,
      });
      submitted.push(record.id);
      return record;
    },
    async caseWhere(id: string, predicate: (record: CaseRecord) => boolean, timeoutMs = 30_000) {
      return eventually(async () => {
        const record = await cases.get(id);
        return record && predicate(record) ? record : undefined;
      }, timeoutMs);
    },
    /**
     * Resolves once the SLA timer waits under a token other than `previous`. A test moves the clock
     * only then: a wait that starts after the clock moved would count from the later time.
     */
    async timerArmed(id: string, previous?: string): Promise<string> {
      const record = await platform.caseWhere(
        id,
        (candidate) => candidate.sla.timerToken !== undefined && candidate.sla.timerToken !== previous,
      );
      return record.sla.timerToken as string;
    },
    async openTask(id: string, item: Item): Promise<DepartmentTask> {
      return eventually(async () => {
        const record = await cases.get(id);
        const taskId = record?.items[item]?.taskId;
        const task = taskId ? await tasks.get(taskId) : undefined;
        return task?.status === 'open' ? task : undefined;
      }, 30_000);
    },
    decide(
      task: DepartmentTask,
      outcome: Outcome,
      reasons: Reason[] = [],
      sub = `officer-${task.department}`,
    ) {
      return commands.decideTask({
        taskId: task.id,
        officer: { sub, department: task.department },
        outcome,
        reasons,
      });
    },
    async execution(id: string) {
      return sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(id) }));
    },
    async finishedExecution(id: string) {
      return eventually(async () => {
        const described = await platform.execution(id);
        return described.status === 'RUNNING' ? undefined : described;
      }, 30_000);
    },
    /** Stops what earlier tests left running, so their SLA timers do not react to this test's clock. */
    async stopAll() {
      for (const id of submitted.splice(0)) {
        await sfn.send(new StopExecutionCommand({ executionArn: executionArn(id) }));
      }
    },
    async close() {
      sfn.destroy();
      await runtime.close();
    },
  };
  return platform;
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
