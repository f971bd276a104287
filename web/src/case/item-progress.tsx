import { h } from 'preact';
import { ITEMS } from '../../../shared/case/items';
import type { CaseView, ItemView } from '../api/types';
import { fieldLabel } from '../form/field-labels';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Badge } from '../ui/badge';

/** The three items side by side: registration first, then invoice and seal in parallel. */
export function ItemProgress(props: { items: CaseView['items'] }) {
  const { t } = useLanguage();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'progress-title' },
    h('h2', { id: 'progress-title' }, t.casePage.progress),
    h('p', { class: 'field-hint' }, t.casePage.progressIntro),
    h(
      'ol',
      { class: 'item-flow' },
      ITEMS.map((item) => {
        const view = props.items[item];
        return view ? h(ItemCard, { key: item, item, view }) : null;
      }),
    ),
  );
}

function ItemCard(props: { item: (typeof ITEMS)[number]; view: ItemView }) {
  const { t, lang } = useLanguage();
  const { view } = props;
  return h(
    'li',
    { class: `item-card item-${view.status}` },
    h('h3', null, t.items[props.item]),
    h(
      'p',
      null,
      h(Badge, { status: view.status, label: t.status.item[view.status] ?? view.status }),
      view.instant ? h('span', { class: 'badge badge-success' }, t.casePage.instant) : null,
    ),
    view.round > 1 ? h('p', { class: 'field-hint' }, t.casePage.round(view.round)) : null,
    h(
      'dl',
      { class: 'facts' },
      h('div', null, h('dt', null, t.casePage.department), h('dd', null, t.departments[view.department])),
      view.decidedAt
        ? h(
            'div',
            null,
            h('dt', null, t.casePage.decidedAt),
            h('dd', null, formatInstant(view.decidedAt, lang)),
          )
        : null,
    ),
    view.status === 'rejected' && view.reasons.length > 0
      ? h(
          'div',
          null,
          h('h4', null, t.casePage.rejectedReasons),
          h(
            'ul',
            null,
            view.reasons.map((reason) =>
              h('li', { key: reason.path }, `${fieldLabel(reason.path, t)}${t.app.colon}${reason.message}`),
            ),
          ),
        )
      : null,
  );
}
