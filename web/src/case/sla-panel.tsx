import { h } from 'preact';
import type { CaseView } from '../api/types';
import { formatDate, formatInstant, splitWorkingTime } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Badge } from '../ui/badge';

/** The 3-working-day promise: time left on the statutory calendar, the deadline, and the expected date. */
export function SlaPanel(props: { sla: CaseView['sla']; closed: boolean }) {
  const { t, lang } = useLanguage();
  const { sla } = props;
  const left = splitWorkingTime(sla.remainingMs);
  const countdown = props.closed
    ? t.casePage.slaClosed
    : sla.remainingMs <= 0
      ? t.casePage.slaOverdue
      : t.units.workingTime(left.days, left.hours);
  return h(
    'section',
    { class: `panel sla sla-${sla.state}`, 'aria-labelledby': 'sla-title' },
    h(
      'h2',
      { id: 'sla-title' },
      t.casePage.sla,
      ' ',
      h(Badge, { status: sla.state, label: t.status.sla[sla.state] ?? sla.state }),
    ),
    h(
      'p',
      { class: 'countdown' },
      h('span', { class: 'countdown-label' }, t.casePage.slaRemaining),
      h('strong', { class: 'countdown-value' }, countdown),
    ),
    sla.paused && !props.closed ? h('p', { class: 'notice notice-warning' }, t.casePage.slaPaused) : null,
    h(
      'dl',
      { class: 'facts' },
      h('div', null, h('dt', null, t.casePage.predicted), h('dd', null, formatDate(sla.deadlineDate, lang))),
      h(
        'div',
        null,
        h('dt', null, t.casePage.deadline),
        h('dd', null, `${formatInstant(sla.deadline, lang)}${t.units.beijingTime}`),
      ),
    ),
    sla.calendar === 'provisional' ? h('p', { class: 'field-hint' }, t.casePage.provisional) : null,
  );
}
