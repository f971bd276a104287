import type { CaseView } from '../api/types';
import { itemLabel } from '../catalogue/names';
import { formatDate } from '../i18n/format';
import { useLanguage } from '../i18n/language';

/** 联合勘验: the one visit in which every department that checks on site checks together. */
export function Inspection(props: { inspection: CaseView['inspection']; trips: number }) {
  const { t, lang } = useLanguage();
  const { inspection } = props;
  if (!inspection) return null;
  const items = inspection.items.map((item) => itemLabel(item, lang)).join(lang === 'zh' ? '、' : ', ');
  return (
    <section class="panel" aria-labelledby="inspection-title">
      <h2 id="inspection-title">{t.casePage.inspection}</h2>
      <p class="field-hint">{t.casePage.inspectionIntro}</p>
      <dl class="facts">
        <div>
          <dt>{t.casePage.inspectionDate}</dt>
          <dd>{formatDate(inspection.date, lang)}</dd>
        </div>
        <div>
          <dt>{t.casePage.inspectionSlot}</dt>
          <dd>{inspection.slot}</dd>
        </div>
        <div>
          <dt>{t.casePage.inspectionAddress}</dt>
          <dd>{inspection.address}</dd>
        </div>
        <div>
          <dt>{t.casePage.inspectionItems}</dt>
          <dd>{items}</dd>
        </div>
      </dl>
      <p>{t.casePage.trips(props.trips)}</p>
    </section>
  );
}
