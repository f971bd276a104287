import type { CaseView } from '../api/types';
import { departmentLabel } from '../catalogue/names';
import { stepOf } from '../form/steps';
import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { type NamedMaterials, reasonLabel } from './reason-label';

/** Open correction requests, each listing exactly the fields to fix; the founder goes straight to them. */
export function CorrectionNotice(props: { caseView: CaseView; canAct: boolean }) {
  const { t, lang } = useLanguage();
  const { caseView } = props;
  const open = caseView.corrections.filter((correction) => correction.status === 'open');
  if (open.length === 0) return null;
  const waiting = open.every((correction) => correction.answerSubmitted);
  const label = (path: string) => reasonLabel(path, caseView as NamedMaterials, t, lang);
  const correctPath = `/cases/${encodeURIComponent(caseView.id)}/correct`;
  return (
    <section class="panel panel-warning" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t.casePage.corrections}</h2>
      {open.map((correction) => {
        const department = caseView.items[correction.item]?.department;
        return (
          <div key={correction.id} class="correction">
            <p>
              {t.casePage.correctionFrom(department ? departmentLabel(department, lang) : correction.item)}
            </p>
            <ul>
              {correction.reasons.map((reason) => (
                <li key={reason.path}>
                  {props.canAct && !waiting ? (
                    <Link href={`${correctPath}/${stepOf(reason.path)}`}>{label(reason.path)}</Link>
                  ) : (
                    <strong>{label(reason.path)}</strong>
                  )}
                  {`${t.app.colon}${reason.message}`}
                </li>
              ))}
            </ul>
            {correction.note ? <p class="field-hint">{correction.note}</p> : null}
          </div>
        );
      })}
      {waiting ? (
        <p role="status">{t.casePage.correctionAnswered}</p>
      ) : props.canAct ? (
        <Link href={`${correctPath}/company`} class="button button-primary">
          {t.casePage.correctNow}
        </Link>
      ) : null}
    </section>
  );
}
