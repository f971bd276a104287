import { notices } from '../data/notices';
import { notFound } from '../errors';
import type { Notice } from './model';

/** Marks the recipient's notice read at `now`, keeping the first reading; another person's is not found. */
export async function readNotice(recipient: string, id: string, now: Date): Promise<Notice> {
  for (;;) {
    const notice = await notices.get(recipient, id);
    if (!notice) throw notFound('Notice', '通知');
    if (notice.readAt) return notice;
    const read = { ...notice, readAt: now.toISOString() };
    if (await notices.replace(read, notice.version)) {
      if (notice.channel === 'app') await notices.markRead(recipient, id);
      return { ...read, version: notice.version + 1 };
    }
  }
}
