import { readFileSync } from 'node:fs';
import { DescribeExecutionCommand, SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { type LocalRuntime, type RuntimeOptions, startRuntime } from '../../../local/runtime';
import type { Item } from '../../../shared/case/items';
import type { CaseRecord, DepartmentTask, Outcome, Reason } from '../../../shared/case/model';
import {
  declarationOf,
  postToStorage,
  type SampleFile,
  uploadCache,
  withFiledUploads,
} from '../../support/uploads';
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
  const domainCommands = await import('../../../shared/case/commands');
  /**
   * An answer naming the fixture's placeholder uploads re-sends the files the case holds, by kind, as a
   * founder re-sends what they filed.
   */
  const commands: typeof domainCommands = {
    ...domainCommands,
    async submitApplication(request) {
      const form = await withFiledUploads(request.form, (placeholder, type) =>
        fixtureUpload(request.filedBy.sub, placeholder, type),
      );
      return domainCommands.submitApplication({ ...request, form });
    },
    async answerCorrections(request) {
      const record = await cases.get(request.applicationId);
      const taken = new Set<string>();
      const form = await withFiledUploads(request.form, async (placeholder, type) => {
        const held = record?.form.materials.find((m) => m.type === type && !taken.has(m.uploadId));
        if (!held) return fixtureUpload(record?.owner ?? 'founder-1', placeholder, type);
        taken.add(held.uploadId);
        return held.uploadId;
      });
      return domainCommands.answerCorrections({ ...request, form });
    },
  };
  const { applicationFormSchema } = await import('../../../shared/form');
  const { uploads } = await import('../../../shared/data/uploads');
  const { createUpload } = await import('../../../shared/uploads/create-upload');
  const fixtureUpload = uploadCache(async (owner, file) => {
    const uploaded = await platform.upload(owner, file);
    if (uploaded.status !== 'clean') throw new Error(`fixture upload ${file.fileName}: ${uploaded.status}`);
    return uploaded.id;
  });
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
    setClock: (iso: string) => {
      fixtureUpload.forget();
      return runtime.engine.setClock(Date.parse(iso));
    },
    advance: (ms: number) => {
      fixtureUpload.forget();
      return runtime.engine.setClock(runtime.clock.now() + ms);
    },
    /** Uploads a file through the platform's own slot and storage, and waits for its checks and scan. */
    async upload(owner: string, file: SampleFile) {
      const { record, upload } = await createUpload({
        owner,
        declaration: declarationOf(file) as Parameters<typeof createUpload>[0]['declaration'],
        now: new Date(runtime.clock.now()),
      });
      const stored = await postToStorage(upload, file);
      if (stored.status !== 204) return { id: record.id, status: `not stored: ${stored.status}` };
      const settled = await eventually(async () => {
        const current = await uploads.get(record.id);
        return current && current.status !== 'pending' ? current : undefined;
      }, 30_000);
      return { id: record.id, status: settled.status, reason: settled.reason };
    },
    /** Files the fixture's placeholder uploads as `owner`'s own (test/support/uploads.ts). */
    withUploads: <T>(form: T, owner = 'founder-1') =>
      withFiledUploads(form, (placeholder, type) => fixtureUpload(owner, placeholder, type)),
    async submit(form: unknown = validForm(), owner = 'founder-1'): Promise<CaseRecord> {
      const filed = await platform.withUploads(form, owner);
      const { record } = await commands.submitApplication({
        owner,
        filedBy: { role: 'applicant', sub: owner },
        idempotencyKey: `key-${Date.now()}-${submissions++}`,
        form: applicationFormSchema.parse(filed),
        requestBody: filed,
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
