import { describe, expect, test } from 'vitest';
import {
  applyDecision,
  completeCase,
  markEventsPublished,
  openTask,
  recordDocuments,
  recordSlaPoint,
  startCase,
  startItemReview,
} from '../../../shared/case/transitions';
import { CASE_EVENT_TYPE_NAMES } from '../../../shared/events/case-events';
import { caseEventAt, unpublishedEvents } from '../../../shared/events/timeline-events';
import { CASE_ID, FORM, submittedCase } from '../workflow/helpers';

const AT = '2026-12-02T02:00:00.000Z';
const OFFICER = { role: 'officer', sub: 'officer-1', department: 'market-regulation' } as const;

function withCorrectionRequested() {
  const reviewing = startItemReview(startCase(submittedCase(), AT), 'registration', AT);
  const opened = openTask(reviewing, 'registration', 't-1', AT);
  return applyDecision(
    opened,
    'registration',
    {
      outcome: 'correction-requested',
      reasons: [
        { path: 'company.address.detail', message: 'Give the room number' },
        { path: 'contact.email', message: 'Use a company mailbox' },
      ],
      note: 'Both at once',
      decidedBy: OFFICER,
      decidedAt: AT,
      taskId: 't-1',
    },
    undefined,
  );
}

describe('caseEventAt', () => {
  test('a new case has one unpublished event: its submission, with the items it runs', () => {
    // Act
    const { upTo, events } = unpublishedEvents(submittedCase());

    // Assess
    expect(upTo).toBe(1);
    expect(events).toEqual([
      {
        schemaVersion: 1,
        id: `${CASE_ID}.0`,
        type: 'case.submitted',
        occurredAt: '2026-12-01T02:00:00.000Z',
        caseId: CASE_ID,
        companyName: FORM.company.name.full,
        bundle: 'company-opening',
        items: ['registration', 'invoice', 'seal'],
      },
    ]);
  });

  test('a correction request carries every reason, the note and the department; review-started is no event', () => {
    // Prepare
    const record = withCorrectionRequested();

    // Act
    const types = record.timeline.map((_, index) => caseEventAt(record, index)?.type);
    const requested = caseEventAt(record, record.timeline.length - 1);

    // Assess
    expect(types).toEqual(['case.submitted', undefined, 'task.opened', 'correction.requested']);
    expect(requested).toMatchObject({
      id: `${CASE_ID}.3`,
      item: 'registration',
      department: 'market-regulation',
      round: 1,
      note: 'Both at once',
      reasons: [
        { path: 'company.address.detail', message: 'Give the room number' },
        { path: 'contact.email', message: 'Use a company mailbox' },
      ],
    });
  });

  test('the same fact gives the same event however often it is read, and an applied step adds none', () => {
    // Prepare
    const record = withCorrectionRequested();
    const again = openTask(record, 'registration', 't-1', AT);

    // Act / Assess
    expect(again).toBe(record);
    expect(unpublishedEvents(again)).toEqual(unpublishedEvents(record));
  });

  test('published events leave the outbox; later facts are the only ones waiting', () => {
    // Prepare
    const record = withCorrectionRequested();
    const published = markEventsPublished(record, record.timeline.length);
    const atRisk = recordSlaPoint(published, 'at-risk', AT);

    // Act
    const { events } = unpublishedEvents(atRisk);

    // Assess
    expect(markEventsPublished(published, 2)).toBe(published);
    expect(unpublishedEvents(published).events).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'sla.at-risk',
        deadline: record.sla.deadline,
        openItems: [
          { item: 'registration', department: 'market-regulation', taskId: 't-1' },
          { item: 'invoice', department: 'tax' },
          { item: 'seal', department: 'public-security' },
        ],
      }),
    ]);
  });

  test('a case stored before events existed publishes none of its history', () => {
    // Prepare
    const { eventsPublished, ...legacy } = withCorrectionRequested();

    // Act / Assess
    expect(eventsPublished).toBe(0);
    expect(unpublishedEvents(legacy)).toEqual({ upTo: legacy.timeline.length, events: [] });
  });

  test('documents issued and completion are events, with what was issued', () => {
    // Prepare
    const documents = recordDocuments(
      submittedCase(),
      [
        {
          id: 'e-licence',
          kind: 'e-licence',
          item: 'registration',
          fileName: 'e-licence.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 1,
          sha256: 'x',
          key: 'cases/x',
          issuedAt: AT,
        },
      ],
      AT,
    );
    const completed = completeCase(documents, AT);

    // Act
    const { events } = unpublishedEvents(completed);

    // Assess
    expect(events.map((event) => event.type)).toEqual([
      'case.submitted',
      'documents.issued',
      'case.completed',
    ]);
    expect(events[1]).toMatchObject({
      documents: [{ id: 'e-licence', kind: 'e-licence', item: 'registration', fileName: 'e-licence.pdf' }],
    });
  });

  test('every declared type is told by some timeline fact', () => {
    // Prepare: one case with a fact of every kind the catalogue of events names
    const corrected = withCorrectionRequested();
    const answered = {
      ...corrected,
      timeline: [
        ...corrected.timeline,
        {
          at: AT,
          type: 'correction-submitted',
          actor: { role: 'applicant' as const },
          details: { items: ['registration'] },
        },
        { at: AT, type: 'rejected', actor: OFFICER, item: 'registration' as const, details: { round: 2 } },
        { at: AT, type: 'case-rejected', actor: { role: 'system' as const }, item: 'registration' as const },
        { at: AT, type: 'sla-breached', actor: { role: 'system' as const }, details: { deadline: AT } },
        { at: AT, type: 'completed', actor: { role: 'system' as const }, details: { sla: 'met' } },
        { at: AT, type: 'documents-issued', actor: { role: 'system' as const }, details: { documents: [] } },
        { at: AT, type: 'sla-at-risk', actor: { role: 'system' as const }, details: { deadline: AT } },
      ],
    };

    // Act
    const told = new Set(answered.timeline.map((_, index) => caseEventAt(answered, index)?.type));

    // Assess
    told.delete(undefined);
    expect([...told].sort()).toEqual([...CASE_EVENT_TYPE_NAMES].sort());
  });
});
