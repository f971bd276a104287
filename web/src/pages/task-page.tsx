import { h } from 'preact';
import { useState } from 'preact/hooks';
import { getTask } from '../api/endpoints';
import type { Outcome, TaskDetail } from '../api/types';
import { SlaPanel } from '../case/sla-panel';
import { fieldLabel } from '../form/field-labels';
import { FormSummary } from '../form/form-summary';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { DecisionForm } from '../officer/decision-form';
import { Link } from '../router';
import { Badge } from '../ui/badge';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

/** An officer's task: the application as the department needs it, earlier corrections, and the decision. */
export function TaskPage(props: { taskId: string }) {
  const { t } = useLanguage();
  const resource = useResource(() => getTask(props.taskId), [props.taskId]);
  const [decided, setDecided] = useState<Outcome | 'conflict' | undefined>(undefined);
  const detail = resource.data;
  if (!detail) {
    return h(
      Page,
      { title: t.nav.inbox },
      resource.error ? h(ErrorNotice, { error: resource.error, onRetry: resource.reload }) : h(Loading, null),
    );
  }
  const { task, application } = detail;
  const onDone = (result: Outcome | 'conflict') => {
    setDecided(result);
    resource.reload();
  };
  return h(
    Page,
    { title: t.task.title(t.items[task.item]), lead: h('p', null, task.companyName) },
    decided === 'conflict'
      ? h('div', { class: 'notice notice-warning', role: 'alert' }, t.task.alreadyDecided)
      : decided
        ? h(SuccessNotice, null, t.task.decided(t.status.outcome[decided] ?? decided))
        : null,
    h(TaskFacts, { detail }),
    h(
      'div',
      { class: 'columns' },
      h(SlaPanel, {
        sla: application.sla,
        closed: application.status === 'completed' || application.status === 'rejected',
      }),
      h(Corrections, { detail }),
    ),
    h(
      'div',
      { class: 'task-layout' },
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'task-application' },
        h('h2', { id: 'task-application' }, t.task.application),
        h(FormSummary, {
          form: application.form,
          headingLevel: 'h3',
          highlight: new Set(lastChanges(detail)),
        }),
      ),
      task.status === 'open' && !decided
        ? h(DecisionForm, { detail, onDecided: onDone, onConflict: () => onDone('conflict') })
        : h(
            'p',
            { class: 'panel' },
            task.outcome ? `${t.task.closed(t.status.outcome[task.outcome] ?? task.outcome)} ` : '',
            h(Link, { href: '/inbox' }, t.task.backToInbox),
          ),
    ),
  );
}

function lastChanges(detail: TaskDetail): string[] {
  const answered = detail.application.corrections.filter((correction) => correction.status === 'answered');
  return answered.at(-1)?.changedFields ?? [];
}

function TaskFacts(props: { detail: TaskDetail }) {
  const { t, lang } = useLanguage();
  const { task } = props.detail;
  return h(
    'dl',
    { class: 'facts case-facts' },
    h('div', null, h('dt', null, t.inbox.item), h('dd', null, t.items[task.item])),
    h(
      'div',
      null,
      h('dt', null, t.cases.status),
      h(
        'dd',
        null,
        h(Badge, { status: task.status, label: t.status.task[task.status] ?? task.status }),
        task.overdue ? h(Badge, { status: 'overdue', label: t.inbox.overdue }) : null,
        task.atRisk && !task.overdue ? h(Badge, { status: 'at-risk', label: t.inbox.atRisk }) : null,
      ),
    ),
    h('div', null, h('dt', null, t.inbox.round), h('dd', null, String(task.round))),
    h('div', null, h('dt', null, t.inbox.deadline), h('dd', null, formatInstant(task.slaDeadline, lang))),
    h('div', null, h('dt', null, t.casePage.caseId), h('dd', null, h('code', null, task.applicationId))),
  );
}

function Corrections(props: { detail: TaskDetail }) {
  const { t, lang } = useLanguage();
  const { corrections } = props.detail.application;
  if (corrections.length === 0) return null;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'task-corrections' },
    h('h2', { id: 'task-corrections' }, t.task.previousCorrections),
    corrections.map((correction) =>
      h(
        'div',
        { key: correction.id, class: 'correction' },
        h(
          'p',
          null,
          h('strong', null, t.casePage.round(correction.round)),
          ' · ',
          formatInstant(correction.requestedAt, lang),
        ),
        h(
          'ul',
          null,
          correction.reasons.map((reason) =>
            h('li', { key: reason.path }, `${fieldLabel(reason.path, t)}${t.app.colon}${reason.message}`),
          ),
        ),
        correction.changedFields.length > 0
          ? h(
              'p',
              null,
              t.task.changedByFounder,
              ' ',
              correction.changedFields.map((path) => fieldLabel(path, t)).join(lang === 'zh' ? '、' : ', '),
            )
          : null,
      ),
    ),
  );
}
