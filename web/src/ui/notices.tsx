import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { useLanguage } from '../i18n/language';
import type { Language, Messages } from '../i18n/messages';
import type { Resource } from './resource';

function errorText(error: unknown, lang: Language, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t.errors.network;
    return lang === 'zh' ? error.messageZh : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A problem the user must know about now: announced by screen readers as it appears. */
export function ErrorNotice(props: { error: unknown; onRetry?: () => void }) {
  const { lang, t } = useLanguage();
  return (
    <div class="notice notice-error" role="alert">
      <p>{errorText(props.error, lang, t)}</p>
      {props.onRetry ? (
        <button type="button" class="button-secondary" onClick={props.onRetry}>
          {t.app.retry}
        </button>
      ) : null}
    </div>
  );
}

export function SuccessNotice(props: { children?: ComponentChildren }) {
  return (
    <div class="notice notice-success" role="status">
      {props.children}
    </div>
  );
}

export function Loading() {
  const { t } = useLanguage();
  return (
    <p class="loading" role="status">
      {t.app.loading}
    </p>
  );
}

/** What a page shows while its data has not come: why it failed, with a retry, or that it is loading. */
export function Pending(props: { resource: Pick<Resource<unknown>, 'error' | 'reload'> }) {
  const { error, reload } = props.resource;
  return error ? <ErrorNotice error={error} onRetry={reload} /> : <Loading />;
}
