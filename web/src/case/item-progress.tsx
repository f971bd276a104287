import { ITEMS } from '../../../shared/case/items';
import type { CaseView, ItemView } from '../api/types';
import { fieldLabel } from '../form/field-labels';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { Badge } from '../ui/badge';

/** The three items side by side: registration first, then invoice and seal in parallel. */
export function ItemProgress(props: { items: CaseView['items'] }) {
  const { t } = useLanguage();
  return (
    <section class="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t.casePage.progress}</h2>
      <p class="field-hint">{t.casePage.progressIntro}</p>
      <ol class="item-flow">
        {ITEMS.map((item) => {
          const view = props.items[item];
          return view ? <ItemCard key={item} item={item} view={view} /> : null;
        })}
      </ol>
    </section>
  );
}

function ItemCard(props: { item: (typeof ITEMS)[number]; view: ItemView }) {
  const { t, lang } = useLanguage();
  const { view } = props;
  return (
    <li class={`item-card item-${view.status}`}>
      <h3>{t.items[props.item]}</h3>
      <p>
        <Badge status={view.status} label={t.status.item[view.status] ?? view.status} />
        {view.instant ? <span class="badge badge-success">{t.casePage.instant}</span> : null}
      </p>
      {view.round > 1 ? <p class="field-hint">{t.casePage.round(view.round)}</p> : null}
      <dl class="facts">
        <div>
          <dt>{t.casePage.department}</dt>
          <dd>{t.departments[view.department]}</dd>
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
