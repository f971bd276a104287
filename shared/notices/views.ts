import type * as z from 'zod';
import type { accountViewSchema, noticeViewSchema } from '../api/notices';
import type { Account, Notice } from './model';

/** A notice as its recipient sees it: never the address it went to, nor the provider's bookkeeping. */
export function noticeView(notice: Notice): z.infer<typeof noticeViewSchema> {
  return {
    id: notice.id,
    event: notice.event,
    channel: notice.channel,
    language: notice.language,
    subject: notice.subject,
    body: notice.body,
    createdAt: notice.createdAt,
    readAt: notice.readAt ?? null,
    caseId: notice.caseId,
    link: notice.link,
    // A claimed send has not reached the provider yet: to the reader it is still queued.
    status: notice.status === 'sending' ? 'queued' : notice.status,
  };
}

export const accountView = (account: Account): z.infer<typeof accountViewSchema> => ({
  sub: account.sub,
  language: account.language,
  channels: account.channels,
  email: account.email,
  mobile: account.mobile,
});
