import { SERVICE_CENTRES } from '../../../shared/form/delivery';
import { GUANGZHOU_DISTRICTS } from '../../../shared/form/guangzhou';
import { useLanguage } from '../i18n/language';
import type { Messages } from '../i18n/messages';
import { useBinding } from './binding';
import { emptyDelivery } from './draft';
import { Group, RadioField, SelectField, TextField } from './fields';

export function serviceCentreName(id: string, t: Messages): string {
  const centre = SERVICE_CENTRES.find((candidate) => candidate.id === id);
  if (!centre) return id;
  const slug = GUANGZHOU_DISTRICTS.find((district) => centre.id === `${district.slug}-district`)?.slug;
  return t.serviceCentre(centre.name, slug);
}

/** Results by express post (no trip) or collected once at a government service centre. */
export function DeliveryStep() {
  const { t } = useLanguage();
  const binding = useBinding();
  const method = binding.get('delivery.method');
  return (
    <div class="step-fields">
      <RadioField
        path="delivery.method"
        options={[
          { value: 'express', label: t.options.deliveryMethod.express },
          { value: 'pickup', label: t.options.deliveryMethod.pickup },
        ]}
        onChange={(value) => binding.set('delivery', emptyDelivery(value as 'express' | 'pickup'))}
      />
      {method === 'pickup' ? (
        <SelectField
          path="delivery.serviceCentre"
          options={SERVICE_CENTRES.map((centre) => ({
            value: centre.id,
            label: serviceCentreName(centre.id, t),
          }))}
        />
      ) : (
        <div class="step-fields">
          <TextField path="delivery.recipient" autoComplete="name" />
          <TextField path="delivery.mobile" type="tel" autoComplete="tel" />
          <Group path="delivery.address" legend={t.groups['delivery.address']}>
            <TextField path="delivery.address.province" />
            <TextField path="delivery.address.city" />
            <TextField path="delivery.address.district" />
            <TextField path="delivery.address.detail" wide />
          </Group>
        </div>
      )}
    </div>
  );
}
