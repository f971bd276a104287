import { GUANGZHOU_DISTRICTS } from '../../../shared/form/guangzhou';
import { bundleLabel, itemLabel, materialName } from '../catalogue/names';
import { formatYuan } from '../i18n/format';
import type { Language, Messages } from '../i18n/messages';
import { serviceCentreName } from './delivery-step';
import { patternOf } from './path';

/** How a stored value reads to a person: enum values by their names, amounts in yuan. */
const ENUM_LABELS: Record<string, (t: Messages) => Record<string, string>> = {
  channel: (t) => t.options.channel,
  'company.organizationForm': (t) => t.options.organizationForm,
  'company.name.placement': (t) => t.options.placement,
  'company.businessScope[].category': (t) => t.options.scopeCategory,
  'legalRepresentative.position': (t) => t.options.position,
  'shareholders[].kind': (t) => t.options.shareholderKind,
  'shareholders[].contributionMethod': (t) => t.options.contributionMethod,
  supervisoryArrangement: (t) => t.options.supervisoryArrangement,
  'invoice.taxpayerType': (t) => t.options.taxpayerType,
  'invoice.invoiceKinds': (t) => t.options.invoiceKind,
  'seals.set': (t) => t.options.sealKind,
  'delivery.method': (t) => t.options.deliveryMethod,
  'premises.foodCategories': (t) => t.options.foodCategory,
};

export function displayValue(path: string, value: unknown, t: Messages, lang: Language): string {
  const pattern = patternOf(path);
  if (value === undefined || value === null || value === '') return '—';
  const labels = ENUM_LABELS[pattern]?.(t);
  if (labels) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((item) => labels[String(item)] ?? String(item)).join(lang === 'zh' ? '、' : ', ');
  }
  const list = (values: string[]) => values.join(lang === 'zh' ? '、' : ', ');
  if (pattern === 'bundle') return bundleLabel(String(value), lang);
  if (pattern === 'optionalItems' && Array.isArray(value))
    return value.length === 0 ? t.app.none : list(value.map((item) => itemLabel(String(item), lang)));
  if (typeof value === 'boolean') return value ? t.app.yes : t.app.no;
  if (pattern === 'materials[].type') return materialLabel(String(value), t, lang);
  if (pattern === 'delivery.serviceCentre') return serviceCentreName(String(value), t);
  if (pattern === 'company.address.district') {
    const district = GUANGZHOU_DISTRICTS.find((candidate) => candidate.name === value);
    return district ? t.district(district.name, district.slug) : String(value);
  }
  if (pattern.endsWith('Cny') && typeof value === 'number') return formatYuan(value, lang);
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** A material type: one of the form's own kinds of document, or a material of the case's checklist. */
export function materialLabel(type: string, t: Messages, lang: Language): string {
  return (t.options.materialType as Record<string, string>)[type] ?? materialName(type, lang);
}
