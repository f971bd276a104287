import type { InvoiceResult, RegistrationResult, SealResult } from '../../../shared/case/model';
import type { CaseView } from '../api/types';
import { serviceCentreName } from '../form/delivery-step';
import { displayValue } from '../form/display-value';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/language';

function Fact(props: { label: string; value: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

/** What the departments issued, and how it reaches the founder. */
export function Results(props: { caseView: CaseView }) {
  const { t, lang } = useLanguage();
  const { items, delivery, trips } = props.caseView;
  const registration = items.registration?.result as RegistrationResult | null | undefined;
  const invoice = items.invoice?.result as InvoiceResult | null | undefined;
  const seal = items.seal?.result as SealResult | null | undefined;
  if (!registration && !invoice && !seal && !delivery) return null;
  return (
    <section class="panel results" aria-labelledby="results-title">
      <h2 id="results-title">{t.casePage.results}</h2>
      {registration ? (
        <div class="result">
          <h3>{t.items.registration}</h3>
          <dl class="facts">
            <Fact label={t.casePage.uscc} value={registration.uscc} />
            <Fact label={t.casePage.licenceNumber} value={registration.licenceNumber} />
            <Fact label={t.casePage.eLicence} value={registration.eLicenceId} />
          </dl>
        </div>
      ) : null}
      {invoice ? (
        <div class="result">
          <h3>{t.items.invoice}</h3>
          <dl class="facts">
            <Fact label={t.casePage.taxpayerId} value={invoice.taxpayerId} />
            <Fact
              label={t.casePage.taxpayerType}
              value={displayValue('invoice.taxpayerType', invoice.taxpayerType, t, lang)}
            />
            <Fact
              label={t.casePage.invoiceKinds}
              value={displayValue('invoice.invoiceKinds', invoice.invoiceKinds, t, lang)}
            />
            <Fact
              label={t.casePage.quota}
              value={displayValue('invoice.monthlyQuotaCny', invoice.monthlyQuotaCny, t, lang)}
            />
          </dl>
        </div>
      ) : null}
      {seal ? (
        <div class="result">
          <h3>{t.casePage.seals}</h3>
          <dl class="facts">
            {...seal.seals.map((entry) => (
              <Fact
                key={entry.kind}
                label={displayValue('seals.set', [entry.kind], t, lang)}
                value={entry.filingNumber}
              />
            ))}
            <Fact label={t.casePage.sealMaker} value={seal.maker} />
          </dl>
        </div>
      ) : null}
      {delivery ? (
        <div class="result">
          <h3>{t.casePage.delivery}</h3>
          <p>
            {delivery.method === 'express'
              ? t.casePage.tracking(delivery.carrier ?? '', delivery.trackingNumber ?? '')
              : delivery.appointment
                ? t.casePage.pickup(
                    serviceCentreName(delivery.appointment.serviceCentre, t),
                    formatDate(delivery.appointment.date, lang),
                    delivery.appointment.slot,
                  )
                : ''}
          </p>
          <p class="field-hint">{t.casePage.trips(trips)}</p>
        </div>
      ) : null}
    </section>
  );
}
