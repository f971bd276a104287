import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AnswerOutsideRequests } from '../../../shared/case/correction-scope';
import {
  applyCorrection,
  applyDecision,
  newCase,
  submitCorrection,
  TransitionRefused,
} from '../../../shared/case/transitions';
import { applicationFormSchemaOn } from '../../../shared/form';

const form = applicationFormSchemaOn('2026-12-01').parse(
  JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')),
);

function caseAwaitingCorrection() {
  const submitted = newCase({
    id: 'co-answers',
    owner: 'founder-1',
    filedBy: { role: 'applicant', sub: 'founder-1' },
    idempotencyKey: 'key-answers',
    requestHash: 'hash',
    form,
    submittedAt: '2026-12-01T02:00:00.000Z',
  });
  return applyDecision(
    submitted,
    'registration',
    {
      outcome: 'correction-requested',
      reasons: [{ path: 'contact.email', message: 'Use a company mailbox' }],
      decidedBy: { role: 'officer', sub: 'officer-1', department: 'market-regulation' },
      decidedAt: '2026-12-01T03:00:00.000Z',
      taskId: 't-1',
    },
    undefined,
  );
}

const answer = (email: string, at: string) => ({
  form: { ...form, contact: { ...form.contact, email } },
  changedFields: ['contact.email'],
  by: { role: 'applicant' as const, sub: 'founder-1' },
  at,
});

describe('answering correction requests', () => {
  test('the same answer sent again (a retry after a lost response) changes nothing', () => {
    const once = submitCorrection(
      caseAwaitingCorrection(),
      answer('office@example.com', '2026-12-01T04:00:00.000Z'),
    );
    const again = submitCorrection(once, answer('office@example.com', '2026-12-01T04:05:00.000Z'));
    expect(again).toBe(once);
    expect(again.timeline.filter((event) => event.type === 'correction-submitted')).toHaveLength(1);
  });

  test('a different answer replaces the first and is recorded', () => {
    const once = submitCorrection(
      caseAwaitingCorrection(),
      answer('office@example.com', '2026-12-01T04:00:00.000Z'),
    );
    const changed = submitCorrection(once, answer('boss@example.com', '2026-12-01T04:05:00.000Z'));
    expect(changed.corrections[0]?.answer?.form?.contact.email).toBe('boss@example.com');
    expect(changed.timeline.filter((event) => event.type === 'correction-submitted')).toHaveLength(2);
  });

  test('an answer changing a field the request does not name is refused, the case as it was', () => {
    const waiting = caseAwaitingCorrection();
    const renamed = answer('office@example.com', '2026-12-01T04:00:00.000Z');
    renamed.form = { ...renamed.form, contact: { ...renamed.form.contact, name: '李四' } };
    expect(() => submitCorrection(waiting, renamed)).toThrow(AnswerOutsideRequests);
    expect(waiting.corrections[0]?.answer).toBeUndefined();
  });

  test('the note is free: the same form with another note is a new answer', () => {
    const once = submitCorrection(caseAwaitingCorrection(), {
      ...answer('office@example.com', '2026-12-01T04:00:00.000Z'),
      note: 'Changed the mailbox',
    });
    const renoted = submitCorrection(once, {
      ...answer('office@example.com', '2026-12-01T04:05:00.000Z'),
      note: 'The company mailbox, as asked',
    });
    expect(renoted.corrections[0]?.answer?.note).toBe('The company mailbox, as asked');
  });

  test('with no open request there is nothing to answer', () => {
    const submitted = newCase({
      id: 'co-none',
      owner: 'founder-1',
      filedBy: { role: 'applicant', sub: 'founder-1' },
      idempotencyKey: 'key-none',
      requestHash: 'hash',
      form,
      submittedAt: '2026-12-01T02:00:00.000Z',
    });
    expect(() => submitCorrection(submitted, answer('x@example.com', '2026-12-01T04:00:00.000Z'))).toThrow(
      TransitionRefused,
    );
  });

  test('an applied answer keeps what it changed, not a second copy of the form', () => {
    const answered = submitCorrection(
      caseAwaitingCorrection(),
      answer('office@example.com', '2026-12-01T04:00:00.000Z'),
    );
    const request = answered.corrections[0];
    if (!request) throw new Error('the case has no correction request');

    const applied = applyCorrection(answered, request.id, '2026-12-01T04:01:00.000Z');

    expect(applied.form.contact.email).toBe('office@example.com');
    expect(applied.corrections[0]?.answer).toEqual({
      changedFields: ['contact.email'],
      by: { role: 'applicant', sub: 'founder-1' },
      at: '2026-12-01T04:00:00.000Z',
    });
    expect(applied.corrections[0]).toMatchObject({ status: 'answered', changedFields: ['contact.email'] });
  });

  test('an answer whose form was already applied cannot be applied again under another request', () => {
    const answered = submitCorrection(
      caseAwaitingCorrection(),
      answer('office@example.com', '2026-12-01T04:00:00.000Z'),
    );
    const request = answered.corrections[0];
    if (!request) throw new Error('the case has no correction request');
    const applied = applyCorrection(answered, request.id, '2026-12-01T04:01:00.000Z');
    const replayedElsewhere = {
      ...applied,
      applied: applied.applied.filter((key) => !key.startsWith('correction:')),
    };

    expect(() => applyCorrection(replayedElsewhere, request.id, '2026-12-01T04:02:00.000Z')).toThrow(
      TransitionRefused,
    );
  });
});
