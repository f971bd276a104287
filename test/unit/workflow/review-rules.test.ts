import './env';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { handler } from '../../../functions/workflow/review-rules';
import type { CaseRecord, RegistrationResult } from '../../../shared/case/model';
import { registrationResult } from '../../../shared/case/results';
import { approveInstantly, openTask, startCase, startItemReview } from '../../../shared/case/transitions';
import {
  atVersion,
  CASE_ID,
  ddb,
  expectedTaskId,
  FORM,
  getCase,
  givenCase,
  INTAKE_AT,
  lambdaContext,
  putCase,
  putItem,
  REVIEW_AT,
  SYSTEM,
  sent,
  setNow,
  sfn,
  submittedCase,
  useWorkflowHarness,
} from './helpers';

const harness = useWorkflowHarness();

const invoke = (event: unknown) => handler(event, lambdaContext('CaseReviewRules'));

/** A case taken in, at version 2. */
function inReview(form = FORM): CaseRecord {
  return atVersion(startCase(submittedCase(1, form), INTAKE_AT), 2);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('reviewRules', () => {
  test('an item within the standard conditions is approved on the spot, with its result, in one write', async () => {
    // Prepare
    const current = inReview();
    givenCase(current);
    setNow(REVIEW_AT);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'registration' });

    // Assess
    expect(result).toEqual({ instant: true });
    const issued = registrationResult(CASE_ID, FORM, '2026-12-01');
    expect(issued.uscc).toMatch(/^91440111[0-9A-Z]{10}$/);
    expect(issued.licenceNumber).toMatch(/^44011120261201\d{6}$/);
    const expected = structuredClone(current);
    expected.items.registration = {
      status: 'approved',
      department: 'market-regulation',
      round: 1,
      limitWorkingDays: 3,
      startedAt: REVIEW_AT,
      instant: true,
      decidedAt: REVIEW_AT,
      result: issued,
    };
    expected.timeline.push({ at: REVIEW_AT, type: 'instant-approved', actor: SYSTEM, item: 'registration' });
    expected.applied = ['intake', 'registration:start', 'registration:instant'];
    expect(sent(ddb)).toEqual([getCase(), putCase(expected, 2)]);
    expect(sent(sfn)).toEqual([]);
    expect(harness.metrics()).toEqual([
      {
        namespace: 'CompanyOpening',
        name: 'ItemDecided',
        unit: 'Count',
        value: 1,
        dimensions: { item: 'registration', outcome: 'instant' },
      },
    ]);
  });

  test('the invoice issued instantly carries the USCC registration issued', async () => {
    // Prepare
    const registration = registrationResult(CASE_ID, FORM, '2026-12-01');
    const current = atVersion(
      approveInstantly(
        startItemReview(inReview(), 'registration', REVIEW_AT),
        'registration',
        registration,
        REVIEW_AT,
      ),
      3,
    );
    givenCase(current);
    const at = '2026-12-01T02:00:20.000Z';
    setNow(at);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'invoice' });

    // Assess
    expect(result).toEqual({ instant: true });
    const expected = structuredClone(current);
    expected.items.invoice = {
      status: 'approved',
      department: 'tax',
      round: 1,
      limitWorkingDays: 5,
      startedAt: at,
      instant: true,
      decidedAt: at,
      result: {
        taxpayerId: (registration as RegistrationResult).uscc,
        taxpayerType: 'small-scale',
        invoiceKinds: ['digital-ordinary'],
        monthlyQuotaCny: 100_000,
      },
    };
    expected.timeline.push({ at, type: 'instant-approved', actor: SYSTEM, item: 'invoice' });
    expected.applied.push('invoice:start', 'invoice:instant');
    expect(sent(ddb)).toEqual([getCase(), putCase(expected, 3)]);
  });

  test('with INSTANT_APPROVAL=off the item only starts its review: in-review, round 1, no metric', async () => {
    // Prepare
    vi.stubEnv('INSTANT_APPROVAL', 'off');
    const current = inReview();
    givenCase(current);
    setNow(REVIEW_AT);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'registration' });

    // Assess
    expect(result).toEqual({ instant: false });
    const expected = structuredClone(current);
    expected.items.registration = {
      status: 'in-review',
      department: 'market-regulation',
      round: 1,
      limitWorkingDays: 3,
      startedAt: REVIEW_AT,
    };
    expected.applied.push('registration:start');
    expect(sent(ddb)).toEqual([getCase(), putCase(expected, 2)]);
    expect(harness.metrics()).toEqual([]);
  });

  test('an item outside the rules (a general taxpayer) goes to its department even with the rules on', async () => {
    // Prepare
    const form = structuredClone(FORM);
    form.invoice.taxpayerType = 'general';
    const current = inReview(form);
    givenCase(current);
    setNow(REVIEW_AT);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'invoice' });

    // Assess
    expect(result).toEqual({ instant: false });
    const item = putItem(1);
    expect(item.items.invoice).toEqual({
      status: 'in-review',
      department: 'tax',
      round: 1,
      limitWorkingDays: 5,
      startedAt: REVIEW_AT,
    });
    expect(item.applied).toEqual(['intake', 'invoice:start']);
    expect(harness.metrics()).toEqual([]);
  });

  test('run again after an instant approval, it writes nothing and still answers instant', async () => {
    // Prepare
    const current = atVersion(
      approveInstantly(
        startItemReview(inReview(), 'seal', REVIEW_AT),
        'seal',
        { seals: [], maker: '广州示例刻章有限公司' },
        REVIEW_AT,
      ),
      3,
    );
    givenCase(current);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'seal' });

    // Assess
    expect(result).toEqual({ instant: true });
    expect(sent(ddb)).toEqual([getCase()]);
  });

  test('an item whose department task is already open is never approved by rule afterwards', async () => {
    // Prepare: reviewed while the rules were off, task opened; the step runs again with the rules on.
    const taskId = expectedTaskId(CASE_ID, 'registration', 1);
    const current = atVersion(
      openTask(startItemReview(inReview(), 'registration', REVIEW_AT), 'registration', taskId, REVIEW_AT),
      4,
    );
    givenCase(current);

    // Act
    const result = await invoke({ applicationId: CASE_ID, item: 'registration' });

    // Assess
    expect(result).toEqual({ instant: false });
    expect(sent(ddb)).toEqual([getCase()]);
    expect(harness.metrics()).toEqual([]);
  });

  test.each([
    ['an unknown item', { applicationId: CASE_ID, item: 'licence' }],
    ['no item', { applicationId: CASE_ID }],
  ])('%s is InvalidStepInput, before any DynamoDB call', async (_, event) => {
    // Act
    const failure = invoke(event);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'InvalidStepInput' });
    expect(ddb.calls()).toHaveLength(0);
  });
});
