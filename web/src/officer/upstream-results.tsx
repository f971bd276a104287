import type { RegistrationResult } from '../../../shared/case/model';
import type { TaskDetail } from '../api/types';
import { useLanguage } from '../i18n/language';

/** The registration result an invoice or seal review builds on: the USCC and licence it must match. */
export function UpstreamResults(props: { detail: TaskDetail }) {
  const { t } = useLanguage();
  const registration = props.detail.application.upstream.find((upstream) => upstream.item === 'registration')
    ?.result as RegistrationResult | null | undefined;
  if (!registration) return null;
  return (
    <section class="panel" aria-labelledby="task-upstream">
      <h2 id="task-upstream">{t.task.upstream}</h2>
      <dl class="facts">
        <div>
          <dt>{t.casePage.uscc}</dt>
          <dd>{registration.uscc}</dd>
        </div>
        <div>
          <dt>{t.casePage.licenceNumber}</dt>
          <dd>{registration.licenceNumber}</dd>
        </div>
      </dl>
    </section>
  );
}
