import type { CaseView } from '../api/types';
import { departmentLabel, itemLabel } from '../catalogue/names';
import { fieldLabel } from '../form/field-labels';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';

type Event = CaseView['timeline'][number];

/** Everything that happened to the case, oldest first. */
export function Timeline(props: { events: Event[] }) {
  const { t } = useLanguage();
  return (
    <section class="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.casePage.timeline}</h2>
      <ol class="timeline">
        {props.events.map((event, index) => (
          <TimelineEntry key={`${index}:${event.at}`} event={event} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEntry(props: { event: Event }) {
  const { t, lang } = useLanguage();
  const { event } = props;
  const who =
    event.actor.role === 'officer' && event.actor.department
      ? departmentLabel(event.actor.department, lang)
      : (t.actors[event.actor.role] ?? event.actor.role);
  const reasons = (event.details.reasons as { path: string; message: string }[] | undefined) ?? [];
  const changed = (event.details.changedFields as string[] | undefined) ?? [];
  return (
    <li class={`timeline-entry timeline-${event.type}`}>
      <time dateTime={event.at}>{formatInstant(event.at, lang)}</time>
      <p class="timeline-what">
        <strong>{t.timeline[event.type] ?? event.type}</strong>
        {event.item ? ` · ${itemLabel(event.item, lang)}` : ''}
        {` · ${who}`}
      </p>
      {reasons.length > 0 ? (
        <ul>
          {reasons.map((reason) => (
            <li key={reason.path}>{`${fieldLabel(reason.path, t)}${t.app.colon}${reason.message}`}</li>
          ))}
        </ul>
      ) : null}
      {changed.length > 0 ? (
        <p class="field-hint">
          {changed.map((path) => fieldLabel(path, t)).join(lang === 'zh' ? '、' : ', ')}
        </p>
      ) : null}
    </li>
  );
}
