import type { CaseView, ItemView } from '../api/types';
import { departmentLabel, inCatalogueOrder, itemLabel } from '../catalogue/names';
import { fieldLabel } from '../form/field-labels';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Badge } from '../ui/badge';

/** The case's items side by side, in catalogue order: registration first, the rest in parallel after it. */
export function ItemProgress(props: { items: CaseView['items'] }) {
  const { t } = useLanguage();
  return (
    <section class="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t.casePage.progress}</h2>
      <p class="field-hint">{t.casePage.progressIntro}</p>
      <ol class="item-flow">
        {inCatalogueOrder(Object.keys(props.items)).map((item) => {
          const view = props.items[item];
          return view ? <ItemCard key={item} item={item} view={view} /> : null;
        })}
      </ol>
    </section>
  );
}

function ItemCard(props: { item: string; view: ItemView }) {
  const { t, lang } = useLanguage();
  const { view } = props;
  return (
    <li class={`item-card item-${view.status}`}>
      <h3>{itemLabel(props.item, lang)}</h3>
      <p>
        <Badge status={view.status} label={t.status.item[view.status] ?? view.status} />
        {view.instant ? <span class="badge badge-success">{t.casePage.instant}</span> : null}
      </p>
      {view.round > 1 ? <p class="field-hint">{t.casePage.round(view.round)}</p> : null}
      <dl class="facts">
        <div>
          <dt>{t.casePage.department}</dt>
          <dd>{departmentLabel(view.department, lang)}</dd>
        </div>
        {view.decidedAt ? (
          <div>
            <dt>{t.casePage.decidedAt}</dt>
            <dd>{formatInstant(view.decidedAt, lang)}</dd>
          </div>
        ) : null}
      </dl>
      {view.status === 'rejected' && view.reasons.length > 0 ? (
        <div>
          <h4>{t.casePage.rejectedReasons}</h4>
          <ul>
            {view.reasons.map((reason) => (
              <li key={reason.path}>{`${fieldLabel(reason.path, t)}${t.app.colon}${reason.message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
