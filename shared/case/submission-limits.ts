import { dayOfInstant, dayStartMs, formatLocalDate } from '../calendar/local-date';
import { submissionLimit } from '../config';
import { countCase, counters, releaseCase } from '../data/submission-limits';
import { AppError } from '../errors';
import type { CaseRecord } from './model';

/** How long a founder at the open-case limit is told to wait: a case moves on within hours, not seconds. */
const OPEN_CASES_RETRY_AFTER_SECONDS = 3600;

const limitReached = (message: string, messageZh: string, retryAfterSeconds: number) =>
  new AppError(429, 'LimitReached', message, messageZh, [], {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

/**
 * Counts a new case against its filer's daily limit (the founder's, or the agent's who filed it) and
 * the founder's open cases, refusing it 429 once a limit is reached. The daily count goes first: a
 * case refused for too many open ones uses up a place of that day only, never one of the open cases.
 */
export async function countSubmission(
  record: Pick<CaseRecord, 'id' | 'owner' | 'filedBy'>,
  at: Date,
): Promise<void> {
  const today = dayOfInstant(at.getTime());
  const untilTomorrow = (dayStartMs(today + 1) - at.getTime()) / 1000;
  const day = formatLocalDate(today);
  const agent = record.filedBy.role === 'agent' ? record.filedBy.sub : undefined;
  if (agent) {
    const limit = submissionLimit('agentSubmissionsPerDay');
    if (!(await countCase(counters.agentDay(agent, day), record.id, limit))) {
      throw limitReached(
        `You have filed ${limit} applications today, the most an agent may file in one day; try again tomorrow (Beijing time)`,
        `您今天已代办 ${limit} 份申请，已达每日上限，请于北京时间明天再试`,
        untilTomorrow,
      );
    }
  } else {
    const limit = submissionLimit('founderSubmissionsPerDay');
    if (!(await countCase(counters.founderDay(record.owner, day), record.id, limit))) {
      throw limitReached(
        `You have submitted ${limit} applications today, the most one account may submit in a day; try again tomorrow (Beijing time)`,
        `您今天已提交 ${limit} 份申请，已达每日上限，请于北京时间明天再试`,
        untilTomorrow,
      );
    }
  }
  const open = submissionLimit('openCasesPerFounder');
  if (!(await countCase(counters.openCases(record.owner), record.id, open))) {
    throw limitReached(
      `This founder already has ${open} applications in progress; a new one can be filed once one of them is completed or rejected`,
      `该申请人已有 ${open} 份办理中的申请，须待其中一份办结或被驳回后再提交`,
      OPEN_CASES_RETRY_AFTER_SECONDS,
    );
  }
}

/** A completed or rejected case no longer counts among its founder's open ones. */
export const releaseOpenCase = (record: Pick<CaseRecord, 'id' | 'owner'>): Promise<void> =>
  releaseCase(counters.openCases(record.owner), record.id);
