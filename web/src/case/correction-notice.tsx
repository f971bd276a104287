import { h } from 'preact';
import type { CaseView } from '../api/types';
import { fieldLabel } from '../form/field-labels';
import { stepOf } from '../form/steps';
import { useLanguage } from '../i18n/language';
import { Link } from '../router';

/** Open correction requests, each listing exactly the fields to fix; the founder goes straight to them. */
export function CorrectionNotice(props: { caseView: CaseView; canAct: boolean }) {
  const { t } = useLanguage();
  const { caseView } = props;
  const open = caseView.corrections.filter((correction) => correction.status === 'open');
  if (open.length === 0) return null;
  const waiting = open.every((correction) => correction.answerSubmitted);
  const correctPath = `/cases/${encodeURIComponent(caseView.id)}/correct`;
  return h(
    'section',
    { class: 'panel panel-warning', 'aria-labelledby': 'corrections-title' },
    h('h2', { id: 'corrections-title' }, t.casePage.corrections),
    open.map((correction) => {
      const department = caseView.items[correction.item]?.department;
      return h(
        'div',
        { key: correction.id, class: 'correction' },
        h('p', null, t.casePage.correctionFrom(department ? t.departments[department] : correction.item)),
        h(
          'ul',
          null,
          correction.reasons.map((reason) =>
            h(
              'li',
              { key: reason.path },
              props.canAct && !waiting
                ? h(Link, { href: `${correctPath}/${stepOf(reason.path)}` }, fieldLabel(reason.path, t))
                : h('strong', null, fieldLabel(reason.path, t)),
              `${t.app.colon}${reason.message}`,
            ),
          ),
        ),
        correction.note ? h('p', { class: 'field-hint' }, correction.note) : null,
      );
    }),
    waiting
      ? h('p', { role: 'status' }, t.casePage.correctionAnswered)
      : props.canAct
        ? h(Link, { href: `${correctPath}/company`, class: 'button button-primary' }, t.casePage.correctNow)
        : null,
  );
}
