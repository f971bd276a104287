import { h } from 'preact';
import type { InvoiceResult, RegistrationResult, SealResult } from '../../../shared/case/model';
import type { CaseView } from '../api/types';
import { serviceCentreName } from '../form/delivery-step';
import { displayValue } from '../form/display-value';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/language';

function Fact(props: { label: string; value: string }) {
  return h('div', null, h('dt', null, props.label), h('dd', null, props.value));
}

/** What the departments issued, and how it reaches the founder. */
export function Results(props: { caseView: CaseView }) {
  const { t, lang } = useLanguage();
  const { items, delivery, trips } = props.caseView;
  const registration = items.registration?.result as RegistrationResult | null | undefined;
  const invoice = items.invoice?.result as InvoiceResult | null | undefined;
  const seal = items.seal?.result as SealResult | null | undefined;
  if (!registration && !invoice && !seal && !delivery) return null;
  return h(
    'section',
    { class: 'panel results', 'aria-labelledby': 'results-title' },
    h('h2', { id: 'results-title' }, t.casePage.results),
    registration
      ? h(
          'div',
          { class: 'result' },
          h('h3', null, t.items.registration),
          h(
            'dl',
            { class: 'facts' },
            h(Fact, { label: t.casePage.uscc, value: registration.uscc }),
            h(Fact, { label: t.casePage.licenceNumber, value: registration.licenceNumber }),
            h(Fact, { label: t.casePage.eLicence, value: registration.eLicenceId }),
          ),
        )
      : null,
    invoice
      ? h(
          'div',
          { class: 'result' },
          h('h3', null, t.items.invoice),
          h(
            'dl',
            { class: 'facts' },
            h(Fact, { label: t.casePage.taxpayerId, value: invoice.taxpayerId }),
            h(Fact, {
              label: t.casePage.taxpayerType,
              value: displayValue('invoice.taxpayerType', invoice.taxpayerType, t, lang),
            }),
            h(Fact, {
              label: t.casePage.invoiceKinds,
              value: displayValue('invoice.invoiceKinds', invoice.invoiceKinds, t, lang),
            }),
            h(Fact, {
              label: t.casePage.quota,
              value: displayValue('invoice.monthlyQuotaCny', invoice.monthlyQuotaCny, t, lang),
            }),
          ),
        )
      : null,
    seal
      ? h(
          'div',
          { class: 'result' },
          h('h3', null, t.casePage.seals),
          h(
            'dl',
            { class: 'facts' },
            ...seal.seals.map((entry) =>
              h(Fact, {
                key: entry.kind,
                label: displayValue('seals.set', [entry.kind], t, lang),
                value: entry.filingNumber,
              }),
            ),
            h(Fact, { label: t.casePage.sealMaker, value: seal.maker }),
          ),
        )
      : null,
    delivery
      ? h(
          'div',
          { class: 'result' },
          h('h3', null, t.casePage.delivery),
          h(
            'p',
            null,
            delivery.method === 'express'
              ? t.casePage.tracking(delivery.carrier ?? '', delivery.trackingNumber ?? '')
              : delivery.appointment
                ? t.casePage.pickup(
                    serviceCentreName(delivery.appointment.serviceCentre, t),
                    formatDate(delivery.appointment.date, lang),
                    delivery.appointment.slot,
                  )
                : '',
          ),
          h('p', { class: 'field-hint' }, t.casePage.trips(trips)),
        )
      : null,
  );
}
