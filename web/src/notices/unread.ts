import { useEffect } from 'preact/hooks';
import { listNotifications } from '../api/endpoints';
import { createStore, useStore } from '../store';

/** How often the header asks for the unread count, and the longest it waits after failures. */
const POLL_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** The caller's unread `app` notices; undefined until the first answer. */
const unread = createStore<number | undefined>(undefined);

/**
 * Counts set here (after marking a notice read, or from the message centre's own list) are newer than an
 * answer to a request sent before them, so each local change starts a new generation and older answers
 * are dropped.
 */
let generation = 0;
let pollNow: (() => void) | undefined;

export function useUnreadCount(): number | undefined {
  return useStore(unread);
}

export function setUnreadCount(count: number): void {
  generation++;
  unread.set(count);
}

/** One notice was just read: the badge drops at once, and the server's count follows. */
export function noticeRead(): void {
  const count = unread.get();
  if (count !== undefined && count > 0) setUnreadCount(count - 1);
  pollNow?.();
}

/**
 * Keeps the unread count fresh while someone is signed in: every 30 s while the tab is visible, at once
 * when it becomes visible again, and backing off (doubling up to 5 min) while the API fails.
 */
export function useUnreadPolling(token: string | undefined): void {
  useEffect(() => {
    if (!token) {
      unread.set(undefined);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_MS;
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(poll, ms);
    };
    const poll = async () => {
      if (document.visibilityState === 'hidden') return;
      const asked = generation;
      try {
        const page = await listNotifications({ channel: 'app', limit: 1 });
        if (!stopped && asked === generation) unread.set(page.unread);
        delay = POLL_MS;
      } catch {
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
      if (!stopped) schedule(delay);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') schedule(0);
      else clearTimeout(timer);
    };
    pollNow = () => schedule(0);
    document.addEventListener('visibilitychange', onVisibility);
    schedule(0);
    return () => {
      stopped = true;
      pollNow = undefined;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      unread.set(undefined);
    };
  }, [token]);
}
