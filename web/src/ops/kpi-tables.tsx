import type { SlaReport } from '../api/types';
import { bundleLabel, departmentLabel, itemLabel } from '../catalogue/names';
import { formatPercent } from '../i18n/format';
import { useLanguage } from '../i18n/language';

function Table(props: {
  id: string;
  title: string;
  headers: string[];
  rows: { key: string; cells: string[] }[];
}) {
  const { t } = useLanguage();
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p>{t.app.notAvailable}</p>
      ) : (
        <table class="table responsive-table">
          <thead>
            <tr>
              {props.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" data-label={props.headers[0]}>
                  {row.cells[0]}
                </th>
                {row.cells.slice(1).map((cell, index) => (
                  <td key={props.headers[index + 1]} data-label={props.headers[index + 1]}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function usePercent() {
  const { t, lang } = useLanguage();
  return (value: number | null) => (value === null ? t.app.notAvailable : formatPercent(value, lang));
}

/** The reform's KPIs for each bundle that closed cases in the window. */
export function KpisByBundle(props: { rows: SlaReport['kpisByBundle'] }) {
  const { t, lang } = useLanguage();
  const percent = usePercent();
  return (
    <Table
      id="kpis-by-bundle"
      title={t.ops.byBundle}
      headers={[
        t.ops.bundle,
        t.ops.casesMeasured,
        t.ops.kpi.timeToStatutoryLimit,
        t.ops.kpi.onlineShare,
        t.ops.kpi.instantShare,
        t.ops.kpi.atMostOneTripShare,
        t.ops.kpi.onTimeRate,
      ]}
      rows={props.rows.map((row) => ({
        key: row.bundle,
        cells: [
          bundleLabel(row.bundle, lang),
          String(row.casesMeasured),
          percent(row.timeToStatutoryLimit.mean),
          percent(row.onlineShare),
          percent(row.instantShare),
          percent(row.atMostOneTripShare),
          percent(row.onTimeRate),
        ],
      }))}
    />
  );
}

/** Each item decided on the completed cases of the window, against its statutory limit. */
export function KpisByItem(props: { rows: SlaReport['kpisByItem'] }) {
  const { t, lang } = useLanguage();
  const percent = usePercent();
  return (
    <Table
      id="kpis-by-item"
      title={t.ops.byItem}
      headers={[
        t.ops.item,
        t.ops.department,
        t.ops.decided,
        t.ops.meanRatio,
        t.ops.itemsWithinTarget,
        t.ops.kpi.instantShare,
      ]}
      rows={props.rows.map((row) => ({
        key: row.item,
        cells: [
          itemLabel(row.item, lang),
          departmentLabel(row.department, lang),
          String(row.decided),
          percent(row.meanRatio),
          percent(row.withinTarget),
          percent(row.instantShare),
        ],
      }))}
    />
  );
}
