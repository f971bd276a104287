import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { BusEvent } from '../../../local/event-bus';
import type { LambdaHandler } from '../../../local/lambda-context';
import { SCHEDULED_JOBS } from '../../../shared/entry-points/scheduled-jobs';
import { CASE_EVENT_SOURCE, CASE_EVENT_TYPES, type CaseEvent } from '../../../shared/events/case-events';
import { eventually } from '../engine/harness';
import { type Platform, startPlatform, validForm } from './platform';

/**
 * The case events on the real local runtime: the outbox in the case item, the table stream's
 * publisher, the local EventBridge and the case bus, with the functions' synthesized policies enforced.
 */

let platform: Platform;
const received: BusEvent[] = [];
/** Workflow steps that fail once after they did their work, as a Lambda timing out on its answer would. */
const failAfterWork = new Set<string>();
const failed = new Set<string>();

beforeAll(async () => {
  platform = await startPlatform({
    wrapFunction: (name: string, handler: LambdaHandler): LambdaHandler => {
      return async (event, context) => {
        const answer = await handler(event, context);
        if (failAfterWork.has(name) && !failed.has(name)) {
          failed.add(name);
          // What Step Functions sees when the invocation's answer is lost: retried as a service error.
          throw Object.assign(new Error(`${name} lost its answer after doing its work`), {
            name: 'Lambda.ServiceException',
          });
        }
        return answer;
      };
    },
  });
  platform.runtime.caseEvents.addRule('TestObserver', { source: [CASE_EVENT_SOURCE] }, async (event) => {
    received.push(event);
  });
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

beforeEach(async () => {
  await platform.stopAll();
  process.env.INSTANT_APPROVAL = 'off';
  failAfterWork.clear();
  failed.clear();
});

const eventsOf = (caseId: string) =>
  received.map((event) => event.detail as unknown as CaseEvent).filter((event) => event.caseId === caseId);

const typesOf = (caseId: string) => eventsOf(caseId).map((event) => event.type);

async function eventsWhere(caseId: string, predicate: (events: CaseEvent[]) => boolean) {
  return eventually(() => (predicate(eventsOf(caseId)) ? eventsOf(caseId) : undefined), 30_000);
}

test('a case with a correction publishes each fact once, in the shape docs/events.md gives, with no personal data', async () => {
  // Prepare: steps that fail after writing make Step Functions run them again
  failAfterWork.add('CaseIntake');
  failAfterWork.add('CaseApplyDecision');
  const submitted = await platform.submit();

  // Act
  const first = await platform.openTask(submitted.id, 'registration');
  await platform.decide(first, 'correction-requested', [
    { path: 'company.address.detail', message: 'Give the room number as on the lease' },
    { path: 'contact.email', message: 'Use a mailbox the company controls' },
  ]);
  await platform.caseWhere(submitted.id, (record) => record.status === 'correction-needed');
  const corrected = validForm();
  corrected.company.address.detail = '示例路18号A栋302房';
  corrected.contact.email = 'office@yunqi.example.com';
  await platform.commands.answerCorrections({
    applicationId: submitted.id,
    by: { role: 'applicant', sub: 'founder-1' },
    form: platform.parseForm(corrected),
  });
  for (const item of ['registration', 'invoice', 'seal'] as const) {
    await platform.decide(await platform.openTask(submitted.id, item), 'approved');
  }
  await platform.caseWhere(submitted.id, (record) => record.status === 'completed');
  const events = await eventsWhere(submitted.id, (all) =>
    all.some((event) => event.type === 'case.completed'),
  );

  // Assess
  expect(failed).toEqual(new Set(['CaseIntake', 'CaseApplyDecision']));
  expect(typesOf(submitted.id).sort()).toEqual(
    [
      'case.submitted',
      'task.opened',
      'correction.requested',
      'correction.answered',
      'task.opened',
      'item.decided',
      'task.opened',
      'task.opened',
      'item.decided',
      'item.decided',
      'documents.issued',
      'case.completed',
    ].sort(),
  );
  expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  await platform.caseWhere(submitted.id, (record) => record.eventsPublished === record.timeline.length);
  const requested = events.find((event) => event.type === 'correction.requested');
  expect(requested).toMatchObject({
    schemaVersion: 1,
    caseId: submitted.id,
    companyName: submitted.form.company.name.full,
    item: 'registration',
    department: 'market-regulation',
    round: 1,
    reasons: [
      { path: 'company.address.detail', message: 'Give the room number as on the lease' },
      { path: 'contact.email', message: 'Use a mailbox the company controls' },
    ],
  });
  const onTheBus = received.filter((event) => (event.detail as { caseId?: string }).caseId === submitted.id);
  for (const event of onTheBus) {
    expect(event['detail-type']).toBe(CASE_EVENT_TYPES[(event.detail as unknown as CaseEvent).type]);
    expect(event.time).toBe((event.detail as unknown as CaseEvent).occurredAt.replace(/\.\d{3}Z$/, 'Z'));
  }
  const text = JSON.stringify(onTheBus);
  const { legalRepresentative, contact } = submitted.form;
  for (const secret of [legalRepresentative.idNumber, legalRepresentative.mobile, contact.mobile])
    expect(text).not.toContain(secret);
  const documents = events.find((event) => event.type === 'documents.issued');
  expect(documents && 'documents' in documents ? documents.documents.map((d) => d.kind).sort() : []).toEqual(
    ['e-licence', 'invoice-approval-notice', 'seal-filing-certificate'].sort(),
  );
});

test('published again after a crash between the put and the record, the events keep their ids', async () => {
  // Prepare
  const submitted = await platform.submit();
  await platform.openTask(submitted.id, 'registration');
  const before = await eventsWhere(submitted.id, (all) => all.some((event) => event.type === 'task.opened'));

  // Act: the count goes back as if the publisher died after PutEvents, before it wrote the case
  await platform.cases.update(submitted.id, (record) => ({ ...record, eventsPublished: 0 }));
  const after = await eventsWhere(submitted.id, (all) => all.length >= 2 * before.length);

  // Assess
  const ids = after.map((event) => event.id);
  expect(ids.sort()).toEqual([...before, ...before].map((event) => event.id).sort());
});

test('while EventBridge is down the events wait in the case; the sweep publishes them once it is back', async () => {
  // Prepare: every PutEvents fails, beyond the SDK's retries and the stream mapping's attempts
  platform.runtime.failPutEvents(1_000);
  const failuresBefore = platform.runtime.streamFailures().length;
  const submitted = await platform.submit();
  await eventually(() => (platform.runtime.streamFailures().length > failuresBefore ? true : undefined));
  await platform.openTask(submitted.id, 'registration');
  expect(eventsOf(submitted.id)).toEqual([]);
  const waiting = await platform.cases.get(submitted.id);
  expect(waiting?.eventsPublished).toBe(0);

  // Act: EventBridge recovers; the sweep runs when the runtime clock passes its minute and the grace
  platform.runtime.failPutEvents(0);
  await platform.advance(2 * SCHEDULED_JOBS.sweepCaseEvents.everyMinutes * 60_000 + 1_000);
  const events = await eventsWhere(submitted.id, (all) => all.some((event) => event.type === 'task.opened'));

  // Assess
  expect(events.map((event) => event.type).sort()).toEqual(['case.submitted', 'task.opened']);
  await platform.caseWhere(submitted.id, (record) => record.eventsPublished === record.timeline.length);
  expect(platform.runtime.metrics.find('CaseEventsSwept').some((point) => point.value > 0)).toBe(true);
});
