import { useState } from 'preact/hooks';
import { getTask } from '../api/endpoints';
import type { Outcome, TaskDetail } from '../api/types';
import { type NamedMaterials, reasonLabel } from '../case/reason-label';
import { SlaPanel } from '../case/sla-panel';
import { itemLabel } from '../catalogue/names';
import { fieldLabel } from '../form/field-labels';
import { FormSummary } from '../form/form-summary';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { DecisionForm } from '../officer/decision-form';
import { TaskMaterials, taskMaterials } from '../officer/task-materials';
import { UpstreamResults } from '../officer/upstream-results';
import { Link } from '../router';
import { Badge } from '../ui/badge';
import { Pending, SuccessNotice } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

/** An officer's task: the application as the department needs it, earlier corrections, and the decision. */
export function TaskPage(props: { taskId: string }) {
  const { t, lang } = useLanguage();
  const resource = useResource(() => getTask(props.taskId), [props.taskId]);
  const [decided, setDecided] = useState<Outcome | 'conflict' | undefined>(undefined);
  const detail = resource.data;
  if (!detail) {
    return (
      <Page title={t.nav.inbox}>
        <Pending resource={resource} />
      </Page>
    );
  }
  const { task, application } = detail;
  const onDone = (result: Outcome | 'conflict') => {
    setDecided(result);
    resource.reload();
  };
  return (
    <Page title={t.task.title(itemLabel(task.item, lang))} lead={<p>{task.companyName}</p>}>
      {decided === 'conflict' ? (
        <div class="notice notice-warning" role="alert">
          {t.task.alreadyDecided}
        </div>
      ) : decided ? (
        <SuccessNotice>{t.task.decided(t.status.outcome[decided] ?? decided)}</SuccessNotice>
      ) : null}
      <TaskFacts detail={detail} />
      <UpstreamResults detail={detail} />
      <TaskMaterials detail={detail} />
      <div class="columns">
        <SlaPanel
          sla={application.sla}
          closed={application.status === 'completed' || application.status === 'rejected'}
        />
        <Corrections detail={detail} />
      </div>
      <div class="task-layout">
        <section class="panel" aria-labelledby="task-application">
          <h2 id="task-application">{t.task.application}</h2>
          <FormSummary form={application.form} headingLevel="h3" highlight={new Set(lastChanges(detail))} />
        </section>
        {task.status === 'open' && !decided ? (
          <DecisionForm detail={detail} onDecided={onDone} onConflict={() => onDone('conflict')} />
        ) : (
          <p class="panel">
            {task.outcome ? `${t.task.closed(t.status.outcome[task.outcome] ?? task.outcome)} ` : ''}
            <Link href="/inbox">{t.task.backToInbox}</Link>
          </p>
        )}
      </div>
    </Page>
  );
}

function lastChanges(detail: TaskDetail): string[] {
  const answered = detail.application.corrections.filter((correction) => correction.status === 'answered');
  return answered.at(-1)?.changedFields ?? [];
}

function TaskFacts(props: { detail: TaskDetail }) {
  const { t, lang } = useLanguage();
  const { task } = props.detail;
  return (
    <dl class="facts case-facts">
      <div>
        <dt>{t.inbox.item}</dt>
        <dd>{itemLabel(task.item, lang)}</dd>
      </div>
      <div>
        <dt>{t.cases.status}</dt>
        <dd>
          <Badge status={task.status} label={t.status.task[task.status] ?? task.status} />
          {task.overdue ? <Badge status="overdue" label={t.inbox.overdue} /> : null}
          {task.atRisk && !task.overdue ? <Badge status="at-risk" label={t.inbox.atRisk} /> : null}
        </dd>
      </div>
      <div>
        <dt>{t.inbox.round}</dt>
        <dd>{String(task.round)}</dd>
      </div>
      <div>
        <dt>{t.inbox.deadline}</dt>
        <dd>{formatInstant(task.slaDeadline, lang)}</dd>
      </div>
      <div>
        <dt>{t.casePage.caseId}</dt>
        <dd>
          <code>{task.applicationId}</code>
        </dd>
      </div>
    </dl>
  );
}

function Corrections(props: { detail: TaskDetail }) {
  const { t, lang } = useLanguage();
  const { corrections } = props.detail.application;
  if (corrections.length === 0) return null;
  const named: NamedMaterials = {
    application: props.detail.application.form as NamedMaterials['application'],
    materials: taskMaterials(props.detail),
  };
  return (
    <section class="panel" aria-labelledby="task-corrections">
      <h2 id="task-corrections">{t.task.previousCorrections}</h2>
      {corrections.map((correction) => (
        <div key={correction.id} class="correction">
          <p>
            <strong>{t.casePage.round(correction.round)}</strong>
            {' · '}
            {formatInstant(correction.requestedAt, lang)}
          </p>
          <ul>
            {correction.reasons.map((reason) => (
              <li key={reason.path}>
                {`${reasonLabel(reason.path, named, t, lang)}${t.app.colon}${reason.message}`}
              </li>
            ))}
          </ul>
          {correction.changedFields.length > 0 ? (
            <p>
              {t.task.changedByFounder}{' '}
              {correction.changedFields.map((path) => fieldLabel(path, t)).join(lang === 'zh' ? '、' : ', ')}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
