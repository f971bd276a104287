import type { CaseRecord, Reason, TimelineEvent } from '../case/model';
import {
  CASE_EVENT_SCHEMA_VERSION,
  type CaseEvent,
  type IssuedDocumentSummary,
  type OpenItem,
} from './case-events';

/**
 * The domain event a timeline entry is, if any: a case event is a fact the timeline already records
 * exactly once (shared/case/transitions.ts), told with what the entry recorded at the time.
 */
export function caseEventAt(record: CaseRecord, index: number): CaseEvent | undefined {
  const entry = record.timeline[index];
  if (!entry) return undefined;
  const envelope = {
    schemaVersion: CASE_EVENT_SCHEMA_VERSION,
    id: caseEventId(record.id, index),
    occurredAt: entry.at,
    caseId: record.id,
    companyName: record.form.company.name.full,
    bundle: record.bundle ?? 'company-opening',
  } as const;
  const details = (entry.details ?? {}) as Record<string, unknown>;
  const itemOf = (entry: TimelineEvent) => {
    const item = entry.item;
    const state = item === undefined ? undefined : record.items[item];
    return item === undefined || !state ? undefined : { item, department: state.department };
  };
  const round = Number(details.round ?? (entry.item ? record.items[entry.item]?.round : 0) ?? 0);
  switch (entry.type) {
    case 'submitted':
      return { ...envelope, type: 'case.submitted', items: Object.keys(record.items) };
    case 'task-opened': {
      const subject = itemOf(entry);
      return (
        subject && { ...envelope, type: 'task.opened', ...subject, round, taskId: String(details.taskId) }
      );
    }
    case 'correction-requested': {
      const subject = itemOf(entry);
      return (
        subject && {
          ...envelope,
          type: 'correction.requested',
          ...subject,
          round,
          reasons: (details.reasons as Reason[] | undefined) ?? [],
          ...(typeof details.note === 'string' ? { note: details.note } : {}),
        }
      );
    }
    case 'correction-submitted':
      return {
        ...envelope,
        type: 'correction.answered',
        items: (details.items as string[] | undefined) ?? [],
        changedFields: (details.changedFields as string[] | undefined) ?? [],
      };
    case 'approved':
    case 'rejected':
    case 'instant-approved': {
      const subject = itemOf(entry);
      return (
        subject && {
          ...envelope,
          type: 'item.decided',
          ...subject,
          round,
          outcome: entry.type === 'rejected' ? 'rejected' : 'approved',
          instant: entry.type === 'instant-approved',
          ...(entry.type === 'rejected' && Array.isArray(details.reasons)
            ? { reasons: details.reasons as Reason[] }
            : {}),
        }
      );
    }
    case 'completed':
      return { ...envelope, type: 'case.completed', slaState: String(details.sla ?? record.sla.state) };
    case 'case-rejected':
      return { ...envelope, type: 'case.rejected', ...(entry.item ? { item: entry.item } : {}) };
    case 'sla-at-risk':
    case 'sla-breached':
      return {
        ...envelope,
        type: entry.type === 'sla-at-risk' ? 'sla.at-risk' : 'sla.breached',
        deadline: String(details.deadline ?? record.sla.deadline),
        openItems: (details.openItems as OpenItem[] | undefined) ?? [],
      };
    case 'documents-issued':
      return {
        ...envelope,
        type: 'documents.issued',
        documents: (details.documents as IssuedDocumentSummary[] | undefined) ?? [],
      };
    default:
      return undefined;
  }
}

export const caseEventId = (caseId: string, index: number) => `${caseId}.${index}`;

/**
 * The timeline entries not yet handed to the event bus. A case stored before events existed has no
 * count: its history was never published and is not now (cases.ts counts it from its next change on).
 */
export function unpublishedEvents(record: CaseRecord): { upTo: number; events: CaseEvent[] } {
  const from = record.eventsPublished ?? record.timeline.length;
  const events: CaseEvent[] = [];
  for (let index = from; index < record.timeline.length; index++) {
    const event = caseEventAt(record, index);
    if (event) events.push(event);
  }
  return { upTo: record.timeline.length, events };
}
