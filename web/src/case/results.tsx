import type { InvoiceResult, RegistrationResult, SealResult } from '../../../shared/case/model';
import type { CaseView } from '../api/types';
import { inCatalogueOrder, itemLabel } from '../catalogue/names';
import { serviceCentreName } from '../form/delivery-step';
import { displayValue } from '../form/display-value';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/language';

export function Fact(props: { label: string; value: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

/** The items whose results have a layout of their own; every other item issues string fields. */
const OWN_LAYOUT = new Set(['registration', 'invoice', 'seal']);

/** An item's issued numbers and dates, each under the name of its field. */
export function IssuedFields(props: { item: string; fields: Record<string, string> }) {
  const { t, lang } = useLanguage();
  return (
    <div class="result">
      <h3>{itemLabel(props.item, lang)}</h3>
      <dl class="facts">
        {...Object.entries(props.fields).map(([key, value]) => (
          <Fact key={key} label={t.casePage.resultFields[key] ?? key} value={value} />
        ))}
      </dl>
    </div>
  );
}

/** What the departments issued, and how it reaches the founder. */
export function Results(props: { caseView: CaseView }) {
  const { t, lang } = useLanguage();
  const { items, delivery } = props.caseView;
  const registration = items.registration?.result as RegistrationResult | null | undefined;
  const invoice = items.invoice?.result as InvoiceResult | null | undefined;
  const seal = items.seal?.result as SealResult | null | undefined;
  const issued = inCatalogueOrder(Object.keys(items)).flatMap((item) => {
    const result = items[item]?.result;
    return OWN_LAYOUT.has(item) || !result ? [] : [{ item, fields: result as Record<string, string> }];
  });
  if (!registration && !invoice && !seal && issued.length === 0 && !delivery) return null;
  return (
    <section class="panel results" aria-labelledby="results-title">
      <h2 id="results-title">{t.casePage.results}</h2>
      {registration ? (
        <div class="result">
          <h3>{itemLabel('registration', lang)}</h3>
          <dl class="facts">
            <Fact label={t.casePage.uscc} value={registration.uscc} />
            <Fact label={t.casePage.licenceNumber} value={registration.licenceNumber} />
            <Fact label={t.casePage.eLicence} value={registration.eLicenceId} />
          </dl>
        </div>
      ) : null}
      {invoice ? (
        <div class="result">
          <h3>{itemLabel('invoice', lang)}</h3>
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
      {issued.map(({ item, fields }) => (
        <IssuedFields key={item} item={item} fields={fields} />
      ))}
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
        </div>
      ) : null}
    </section>
  );
}
