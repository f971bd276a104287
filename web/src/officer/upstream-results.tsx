import type { RegistrationResult, SealResult } from '../../../shared/case/model';
import type { TaskDetail } from '../api/types';
import { Fact, IssuedFields } from '../case/results';
import { itemLabel } from '../catalogue/names';
import { displayValue } from '../form/display-value';
import { useLanguage } from '../i18n/language';

type Upstream = TaskDetail['application']['upstream'][number];

/** One result this item builds on: the USCC and licence of a registration, a seal's filings, any item's numbers. */
function UpstreamResult(props: { upstream: Upstream }) {
  const { t, lang } = useLanguage();
  const { item, result } = props.upstream;
  if (!result) return null;
  if (item === 'registration') {
    const registration = result as RegistrationResult;
    return (
      <div class="result">
        <h3>{itemLabel(item, lang)}</h3>
        <dl class="facts">
          <Fact label={t.casePage.uscc} value={registration.uscc} />
          <Fact label={t.casePage.licenceNumber} value={registration.licenceNumber} />
        </dl>
      </div>
    );
  }
  if (item === 'seal') {
    const seal = result as SealResult;
    return (
      <div class="result">
        <h3>{itemLabel(item, lang)}</h3>
        <dl class="facts">
          {...seal.seals.map((entry) => (
            <Fact
              key={entry.kind}
              label={displayValue('seals.set', [entry.kind], t, lang)}
              value={entry.filingNumber}
            />
          ))}
        </dl>
      </div>
    );
  }
  return <IssuedFields item={item} fields={result as Record<string, string>} />;
}

/** The results of the items this one builds on (registration's USCC for every later item). */
export function UpstreamResults(props: { detail: TaskDetail }) {
  const { t } = useLanguage();
  const upstream = props.detail.application.upstream.filter((entry) => entry.result);
  if (upstream.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="task-upstream">
      <h2 id="task-upstream">{t.task.upstream}</h2>
      {upstream.map((entry) => (
        <UpstreamResult key={entry.item} upstream={entry} />
      ))}
    </section>
  );
}
