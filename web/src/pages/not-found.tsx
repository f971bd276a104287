import { h } from 'preact';
import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { Page } from '../ui/page';

export function NotFoundPage() {
  const { t } = useLanguage();
  return h(
    Page,
    { title: t.app.notFound },
    h('p', null, t.app.notFoundBody),
    h('p', null, h(Link, { href: '/' }, t.app.backHome)),
  );
}
