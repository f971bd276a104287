import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data for a page and, with `pollMs`, keeps it fresh while the page is open and visible and
 * `keepPolling` says the data can still change.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: { pollMs?: number; keepPolling?: (data: T) => boolean } = {},
): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const latest = useRef<T | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const { pollMs, keepPolling } = options;

  useEffect(() => {
    let active = true;
    const run = () =>
      load().then(
        (data) => {
          latest.current = data;
          if (active) setState({ data, loading: false });
        },
        (error: unknown) => {
          if (active) setState((previous) => ({ data: previous.data, error, loading: false }));
        },
      );
    void run();
    const timer =
      pollMs === undefined
        ? undefined
        : setInterval(() => {
            const data = latest.current;
            if (document.hidden || (data !== undefined && keepPolling && !keepPolling(data))) return;
            void run();
          }, pollMs);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [...deps, generation]);

  return { data: state.data, error: state.error, loading: state.loading, reload };
}
