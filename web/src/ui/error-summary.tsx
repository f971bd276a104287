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
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: alert and region both take aria-labelledby
    <div
      ref={box}
      class={`error-summary error-summary-${props.tone}`}
      tabIndex={-1}
      role={props.tone === 'error' ? 'alert' : 'region'}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{props.title}</h2>
      {props.intro ? <p>{props.intro}</p> : null}
      <ul>
        {props.items.map((item) => (
          <li key={item.key}>
            <a
              href={item.href}
              onClick={(event: MouseEvent) => {
                event.preventDefault();
                item.onSelect();
              }}
            >
              {item.label}
            </a>
            {`${t.app.colon}${item.text}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
