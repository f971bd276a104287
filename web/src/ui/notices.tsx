import { type ComponentChildren, h } from 'preact';
import { ApiError } from '../api/client';
import { useLanguage } from '../i18n/language';
import type { Language, Messages } from '../i18n/messages';

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
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    h('p', null, errorText(props.error, lang, t)),
    props.onRetry
      ? h('button', { type: 'button', class: 'button-secondary', onClick: props.onRetry }, t.app.retry)
      : null,
  );
}

export function SuccessNotice(props: { children?: ComponentChildren }) {
  return h('div', { class: 'notice notice-success', role: 'status' }, props.children);
}

export function Loading() {
  const { t } = useLanguage();
  return h('p', { class: 'loading', role: 'status' }, t.app.loading);
}
