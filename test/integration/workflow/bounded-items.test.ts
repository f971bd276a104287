import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { plainItemSize } from '../../../bench/lib/dynamo-meter';
import { formBytes, MAX_FORM_BYTES } from '../../../shared/data/item-limits';
import type { ApplicationForm } from '../../../shared/form';
import { largestValidForm, withShareholders } from '../largest-form';
import { type Platform, startPlatform, validForm } from './platform';

/**
 * A case item stays far below DynamoDB's 400 KB item limit however many correction rounds it goes
 * through: the largest form the platform accepts, five rounds, on the real local runtime.
 */

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
  await platform.setClock('2026-12-01T02:00:00.000Z');
}, 60_000);

afterAll(async () => {
  process.env.INSTANT_APPROVAL = 'on';
  await platform.stopAll();
  await platform.close();
});

const KB = 1000;
const founder = { role: 'applicant' as const, sub: 'founder-1' };
const askForMailbox = [{ path: 'contact.email', message: 'Use a mailbox the company controls' }];

async function storedCaseBytes(id: string): Promise<number> {
  const { documents } = await import('../../../shared/data/dynamo');
  const { keys, tableName } = await import('../../../shared/data/table');
  const { Item } = await documents.send(
    new GetCommand({ TableName: tableName(), Key: keys.case(id), ConsistentRead: true }),
  );
  return plainItemSize(Item);
}

test('the largest valid form through five correction rounds: the case item stays far below 400 KB', async () => {
  // Prepare
  process.env.INSTANT_APPROVAL = 'off';
  const form = platform.parseForm(largestValidForm());
  // The files' names and hashes live on the case, not in the form: every list at its cap fits the limit.
  expect(form.shareholders).toHaveLength(50);
  expect(form.materials).toHaveLength(50);
  expect(formBytes(form)).toBeLessThan(MAX_FORM_BYTES);
  const submitted = await platform.submit(form);
  const id = submitted.id;
  let current = form;
  const answeredBytes: number[] = [];
  const answer = async (round: number) => {
    current = platform.parseForm({
      ...current,
      contact: { ...current.contact, email: `r${round}@yunqi.example.com` },
    });
    const answered = await platform.commands.answerCorrections({
      applicationId: id,
      by: founder,
      form: current,
    });
    // The answered case before the workflow applies it: its largest moment, each open request holding the answer.
    answeredBytes.push(plainItemSize(answered as unknown as Record<string, unknown>));
  };
  const openTaskOfRound = (item: 'registration' | 'invoice' | 'seal', round: number) =>
    platform
      .caseWhere(
        id,
        (record) => record.items[item]?.round === round && record.items[item]?.taskId !== undefined,
      )
      .then(() => platform.openTask(id, item));

  // Act: three rounds at registration, then two where invoice and seal ask at once (one answer each time).
  for (let round = 1; round <= 3; round++) {
    const task = await openTaskOfRound('registration', round);
    await platform.decide(task, 'correction-requested', askForMailbox);
    await platform.caseWhere(id, (record) => record.items.registration?.status === 'awaiting-correction');
    await answer(round);
  }
  await platform.decide(await openTaskOfRound('registration', 4), 'approved');
  for (let round = 1; round <= 2; round++) {
    const invoice = await openTaskOfRound('invoice', round);
    const seal = await openTaskOfRound('seal', round);
    await platform.decide(invoice, 'correction-requested', askForMailbox);
    await platform.decide(seal, 'correction-requested', askForMailbox);
    await platform.caseWhere(
      id,
      (record) =>
        record.items.invoice?.status === 'awaiting-correction' &&
        record.items.seal?.status === 'awaiting-correction',
    );
    await answer(3 + round);
  }
  await platform.decide(await openTaskOfRound('invoice', 3), 'approved');
  await platform.decide(await openTaskOfRound('seal', 3), 'approved');
  const done = await platform.caseWhere(id, (record) => record.status === 'completed', 60_000);
  const finalBytes = await storedCaseBytes(id);

  // Assess
  console.info(
    `form ${formBytes(form)} B; case item after each answer ${answeredBytes.join(', ')} B; completed ${finalBytes} B`,
  );
  expect(done.form.contact.email).toBe('r5@yunqi.example.com');
  expect(done.corrections).toHaveLength(7);
  expect(
    done.corrections.every((request) => request.status === 'answered' && request.answer?.form === undefined),
  ).toBe(true);
  expect(finalBytes).toBeLessThan(100 * KB);
  expect(Math.max(...answeredBytes)).toBeLessThan(250 * KB);
}, 180_000);

/**
 * No form the schema takes reaches the limit any more; the guard still stands before anything is stored,
 * for a schema that grows. A form past both, given to the command itself, shows it.
 */
const overLimit = (owner: string) =>
  platform.withUploads(withShareholders(largestValidForm(), 400), owner) as Promise<ApplicationForm>;

test('a form over the limit is refused with the section to trim, in both languages, and nothing is stored', async () => {
  // Prepare
  const oversized = await overLimit('founder-3');
  expect(formBytes(oversized)).toBeGreaterThan(MAX_FORM_BYTES);

  // Act
  const refused = await platform.commands
    .submitApplication({
      owner: 'founder-3',
      filedBy: { role: 'applicant', sub: 'founder-3' },
      idempotencyKey: 'over-limit-1',
      form: oversized,
      requestBody: oversized,
    })
    .catch((error: unknown) => error);

  // Assess
  expect(refused).toMatchObject({
    status: 400,
    code: 'ValidationFailed',
    fields: [
      {
        path: 'shareholders',
        message: expect.stringContaining('more than the 64.0 KiB'),
        message_zh: expect.stringContaining('超过单份申请 64.0 KiB 的上限'),
      },
    ],
  });
  expect((await platform.cases.listByOwner('founder-3', 100)).items).toEqual([]);
});

test('an oversized correction answer is refused and the case keeps its version', async () => {
  // Prepare
  process.env.INSTANT_APPROVAL = 'off';
  const submitted = await platform.submit(validForm(), 'founder-2');
  const task = await platform.openTask(submitted.id, 'registration');
  await platform.decide(task, 'correction-requested', askForMailbox);
  const oversized = await overLimit('founder-2');
  // Once the workflow waits on the answer, nothing but an answer changes the case.
  await platform.caseWhere(
    submitted.id,
    (record) => record.status === 'correction-needed' && record.corrections[0]?.token !== undefined,
  );
  await platform.timerArmed(submitted.id);
  const waiting = (await platform.cases.get(submitted.id)) as NonNullable<
    Awaited<ReturnType<typeof platform.cases.get>>
  >;

  // Act
  const refused = await platform.commands
    .answerCorrections({
      applicationId: submitted.id,
      by: { role: 'applicant', sub: 'founder-2' },
      form: oversized,
    })
    .catch((error: unknown) => error);

  // Assess
  expect(refused).toMatchObject({
    status: 400,
    code: 'ValidationFailed',
    fields: [{ path: 'shareholders' }],
  });
  const after = await platform.cases.get(submitted.id);
  expect(after?.version).toBe(waiting.version);
  expect(after?.corrections[0]?.answer).toBeUndefined();
});
