import type { ComponentChildren } from 'preact';
import { createStore, useStore } from './store';

/**
 * Path-based routing over the History API. The local server and CloudFront answer every unknown path with
 * index.html, so any route can be opened or reloaded directly.
 */
export type Route =
  | { name: 'home' }
  | { name: 'sign-in' }
  | { name: 'cases' }
  | { name: 'apply'; step: string | undefined }
  | { name: 'case'; id: string }
  | { name: 'correct'; id: string; step: string | undefined }
  | { name: 'inbox' }
  | { name: 'task'; taskId: string }
  | { name: 'ops' }
  | { name: 'verify'; uscc: string }
  | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = parts;
  switch (first) {
    case undefined:
      return { name: 'home' };
    case 'sign-in':
      return { name: 'sign-in' };
    case 'apply':
      return { name: 'apply', step: second };
    case 'cases':
      if (second === undefined) return { name: 'cases' };
      if (third === 'correct') return { name: 'correct', id: second, step: fourth };
      return third === undefined ? { name: 'case', id: second } : { name: 'not-found' };
    case 'inbox':
      return { name: 'inbox' };
    case 'tasks':
      return second ? { name: 'task', taskId: second } : { name: 'not-found' };
    case 'ops':
      return { name: 'ops' };
    case 'verify':
      return second && third === undefined ? { name: 'verify', uscc: second } : { name: 'not-found' };
    default:
      return { name: 'not-found' };
  }
}

const location = createStore(window.location.pathname + window.location.search);
window.addEventListener('popstate', () => location.set(window.location.pathname + window.location.search));

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.get()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  location.set(to);
}

/** The current path and query, e.g. `/cases?x=1`. */
export function useLocation(): URL {
  return new URL(useStore(location), window.location.origin);
}

export function Link(props: {
  href: string;
  class?: string;
  'aria-current'?: 'page';
  children?: ComponentChildren;
}) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(event: MouseEvent) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
          return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
