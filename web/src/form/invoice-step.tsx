import { INVOICE_KINDS, TAXPAYER_TYPES } from '../../../shared/form/invoice';
import { useLanguage } from '../i18n/language';
import { CheckboxesField, NumberField, optionsOf, RadioField } from './fields';

/** The tax department's first digital-invoice issue. */
export function InvoiceStep() {
  const { t } = useLanguage();
  return (
    <div class="step-fields">
      <RadioField path="invoice.taxpayerType" options={optionsOf(TAXPAYER_TYPES, t.options.taxpayerType)} />
      <CheckboxesField
        path="invoice.invoiceKinds"
        options={optionsOf(INVOICE_KINDS, t.options.invoiceKind)}
      />
      <NumberField path="invoice.monthlyQuotaCny" />
    </div>
  );
}
