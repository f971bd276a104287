import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLanguage } from '../i18n/language';

export interface SummaryItem {
  key: string;
  label: string;
  text: string;
  href: string;
  onSelect: () => void;
}

/**
 * Every problem at once, each a link to the field it names. It takes focus when it appears or changes, so
 * keyboard and screen-reader users land on it after a submission.
 */
export function ErrorSummary(props: {
  title: string;
  intro?: string;
  items: SummaryItem[];
  tone: 'error' | 'request' | 'hint';
  takeFocus?: boolean;
}) {
  const { t } = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  const signature = props.items.map((item) => item.key).join('|');
  useEffect(() => {
    if (props.takeFocus && props.items.length > 0) box.current?.focus();
  }, [signature, props.takeFocus]);
  if (props.items.length === 0) return null;
  const headingId = `summary-title-${props.tone}`;
  return h(
    'div',
    {
      ref: box,
      class: `error-summary error-summary-${props.tone}`,
      tabIndex: -1,
      role: props.tone === 'error' ? 'alert' : 'region',
      'aria-labelledby': headingId,
    },
    h('h2', { id: headingId }, props.title),
    props.intro ? h('p', null, props.intro) : null,
    h(
      'ul',
      null,
      props.items.map((item) =>
        h(
          'li',
          { key: item.key },
          h(
            'a',
            {
              href: item.href,
              onClick: (event: MouseEvent) => {
                event.preventDefault();
                item.onSelect();
              },
            },
            item.label,
          ),
          `${t.app.colon}${item.text}`,
        ),
      ),
    ),
  );
}
