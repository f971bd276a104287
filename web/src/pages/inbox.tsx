import { useState } from 'preact/hooks';
import type { Department } from '../../../shared/case/items';
import { listTasks } from '../api/endpoints';
import type { TaskView } from '../api/types';
import { departmentLabel, itemLabel } from '../catalogue/names';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { Badge } from '../ui/badge';
import { Pending } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';

type TaskStatus = 'open' | 'closed';

/** A department's inbox, soonest SLA deadline first as the API orders it, with at-risk and overdue tasks marked. */
export function InboxPage(props: { department: Department }) {
  const { t, lang } = useLanguage();
  const [status, setStatus] = useState<TaskStatus>('open');
  const first = useResource(() => listTasks(props.department, status), [props.department, status], {
    pollMs: 5000,
  });
  const [more, setMore] = useState<
    { status: TaskStatus; items: TaskView[]; cursor: string | null } | undefined
  >();
  const extra = more?.status === status ? more : undefined;
  const tasks = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    const page = await listTasks(props.department, status, cursor);
    setMore({ status, items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor });
  };
  return (
    <Page title={t.inbox.title(departmentLabel(props.department, lang))}>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset */}
      <div class="segmented" role="group" aria-label={t.inbox.filter}>
        {(['open', 'closed'] as const).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={status === value ? 'true' : 'false'}
            onClick={() => setStatus(value)}
          >
            {t.inbox[value]}
          </button>
        ))}
      </div>
      {first.data === undefined ? (
        <Pending resource={first} />
      ) : tasks.length === 0 ? (
        <p>{t.inbox.empty}</p>
      ) : (
        <TaskTable tasks={tasks} status={status} />
      )}
      {cursor ? (
        <button type="button" class="button-secondary" onClick={loadMore}>
          {t.app.loadMore}
        </button>
      ) : null}
    </Page>
  );
}

function TaskTable(props: { tasks: TaskView[]; status: TaskStatus }) {
  const { t, lang } = useLanguage();
  const headers = [
    t.inbox.company,
    t.inbox.item,
    t.inbox.round,
    t.inbox.deadline,
    props.status === 'open' ? t.inbox.flags : t.inbox.outcome,
    t.inbox.createdAt,
  ];
  return (
    <table class="table responsive-table">
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.tasks.map((task) => (
          <tr key={task.id} class={task.overdue ? 'row-danger' : task.atRisk ? 'row-warning' : undefined}>
            <th scope="row" data-label={headers[0]}>
              <Link href={`/tasks/${encodeURIComponent(task.id)}`}>{task.companyName}</Link>
            </th>
            <td data-label={headers[1]}>{itemLabel(task.item, lang)}</td>
            <td data-label={headers[2]}>{String(task.round)}</td>
            <td data-label={headers[3]}>{formatInstant(task.slaDeadline, lang)}</td>
            <td data-label={headers[4]}>
              {props.status === 'open' ? (
                [
                  task.overdue ? <Badge key="overdue" status="overdue" label={t.inbox.overdue} /> : null,
                  task.atRisk && !task.overdue ? (
                    <Badge key="risk" status="at-risk" label={t.inbox.atRisk} />
                  ) : null,
                ]
              ) : task.outcome ? (
                <Badge status={task.outcome} label={t.status.outcome[task.outcome] ?? task.outcome} />
              ) : null}
            </td>
            <td data-label={headers[5]}>{formatInstant(task.createdAt, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
