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
  return (
    <section class={`panel sla sla-${sla.state}`} aria-labelledby="sla-title">
      <h2 id="sla-title">
        {t.casePage.sla} <Badge status={sla.state} label={t.status.sla[sla.state] ?? sla.state} />
      </h2>
      <p class="countdown">
        <span class="countdown-label">{t.casePage.slaRemaining}</span>
        <strong class="countdown-value">{countdown}</strong>
      </p>
      {sla.paused && !props.closed ? <p class="notice notice-warning">{t.casePage.slaPaused}</p> : null}
      <dl class="facts">
        <div>
          <dt>{t.casePage.predicted}</dt>
          <dd>{formatDate(sla.deadlineDate, lang)}</dd>
        </div>
        <div>
          <dt>{t.casePage.deadline}</dt>
          <dd>{`${formatInstant(sla.deadline, lang)}${t.units.beijingTime}`}</dd>
        </div>
      </dl>
      {sla.calendar === 'provisional' ? <p class="field-hint">{t.casePage.provisional}</p> : null}
    </section>
  );
}
