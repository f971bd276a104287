import { h } from 'preact';
import type { CaseView } from '../api/types';
import { fieldLabel } from '../form/field-labels';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';

type Event = CaseView['timeline'][number];

/** Everything that happened to the case, oldest first. */
export function Timeline(props: { events: Event[] }) {
  const { t } = useLanguage();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, t.casePage.timeline),
    h(
      'ol',
      { class: 'timeline' },
      props.events.map((event, index) => h(TimelineEntry, { key: `${index}:${event.at}`, event })),
    ),
  );
}

function TimelineEntry(props: { event: Event }) {
  const { t, lang } = useLanguage();
  const { event } = props;
  const who =
    event.actor.role === 'officer' && event.actor.department
      ? t.departments[event.actor.department]
      : (t.actors[event.actor.role] ?? event.actor.role);
  const reasons = (event.details.reasons as { path: string; message: string }[] | undefined) ?? [];
  const changed = (event.details.changedFields as string[] | undefined) ?? [];
  return h(
    'li',
    { class: `timeline-entry timeline-${event.type}` },
    h('time', { dateTime: event.at }, formatInstant(event.at, lang)),
    h(
      'p',
      { class: 'timeline-what' },
      h('strong', null, t.timeline[event.type] ?? event.type),
      event.item ? ` · ${t.items[event.item]}` : '',
      ` · ${who}`,
    ),
    reasons.length > 0
      ? h(
          'ul',
          null,
          reasons.map((reason) =>
            h('li', { key: reason.path }, `${fieldLabel(reason.path, t)}${t.app.colon}${reason.message}`),
          ),
        )
      : null,
    changed.length > 0
      ? h(
          'p',
          { class: 'field-hint' },
          changed.map((path) => fieldLabel(path, t)).join(lang === 'zh' ? '、' : ', '),
        )
      : null,
  );
}
