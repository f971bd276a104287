import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLanguage } from '../i18n/language';

/**
 * A page: its heading takes focus when the page opens, so keyboard and screen-reader users start at the
 * top of what changed, and the document title names it.
 */
export function Page(props: { title: string; lead?: ComponentChildren; children?: ComponentChildren }) {
  const { t } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    document.title = `${props.title} · ${t.app.title}`;
  }, [props.title, t]);
  return (
    <div class="page">
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.lead ? <div class="lead">{props.lead}</div> : null}
      {props.children}
    </div>
  );
}
