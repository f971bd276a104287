import type { ComponentChildren } from 'preact';
import type { SlaReport } from '../api/types';
import { formatNumber, formatShortDate } from '../i18n/format';
import { useLanguage } from '../i18n/language';

/** Two hand-drawn SVG charts. Each also has its numbers in a table, for screen readers and for the curious. */

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 36, left: 36 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function YAxis(props: { max: number; ticks: number }) {
  const { lang } = useLanguage();
  return (
    <g class="axis">
      {Array.from({ length: props.ticks + 1 }, (_, index) => {
        const value = (props.max / props.ticks) * index;
        const y = PAD.top + PLOT_H - (value / props.max) * PLOT_H;
        return (
          <g key={index}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} class="grid" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {formatNumber(value, lang)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export function PerDayChart(props: { perDay: SlaReport['charts']['perDay'] }) {
  const { t, lang } = useLanguage();
  const days = props.perDay;
  const max = niceMax(Math.max(1, ...days.flatMap((day) => [day.submitted, day.completed])));
  const slot = PLOT_W / Math.max(1, days.length);
  const bar = Math.max(2, slot / 2 - 3);
  const y = (value: number) => PAD.top + PLOT_H - (value / max) * PLOT_H;
  return (
    <figure class="chart">
      <figcaption id="per-day-title">{t.ops.perDay}</figcaption>
      {/* biome-ignore lint/a11y/noSvgWithoutTitle: the figcaption names it, through aria-labelledby */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="per-day-title">
        <YAxis max={max} ticks={4} />
        {days.map((day, index) => {
          const x = PAD.left + index * slot + 2;
          return (
            <g key={day.date}>
              <title>{t.ops.perDayLabel(day.date, day.submitted, day.completed)}</title>
              <rect
                x={x}
                y={y(day.submitted)}
                width={bar}
                height={PAD.top + PLOT_H - y(day.submitted)}
                class="bar-submitted"
              />
              <rect
                x={x + bar + 1}
                y={y(day.completed)}
                width={bar}
                height={PAD.top + PLOT_H - y(day.completed)}
                class="bar-completed"
              />
              {index % 2 === days.length % 2 ? null : (
                <text x={x + bar} y={HEIGHT - PAD.bottom + 16} text-anchor="middle">
                  {formatShortDate(day.date, lang)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p class="legend">
        <span class="swatch swatch-submitted" aria-hidden="true" />
        {t.ops.submitted}
        <span class="swatch swatch-completed" aria-hidden="true" />
        {t.ops.completed}
      </p>
      {chartData(
        t.ops.chartData,
        [t.ops.date, t.ops.submitted, t.ops.completed],
        days.map((day) => ({
          key: day.date,
          cells: [day.date, String(day.submitted), String(day.completed)],
        })),
      )}
    </figure>
  );
}

export function CompletionChart(props: { completions: SlaReport['charts']['completions'] }) {
  const { t, lang } = useLanguage();
  const shown = [...props.completions].sort((a, b) => a.closedAt.localeCompare(b.closedAt));
  const limit = Math.max(0, ...shown.map((completion) => completion.limitWorkingDays));
  const max = niceMax(Math.max(limit, ...shown.map((completion) => completion.workingDays)) * 1.1);
  const slot = PLOT_W / Math.max(1, shown.length);
  const bar = Math.max(3, Math.min(24, slot - 4));
  const y = (value: number) => PAD.top + PLOT_H - (value / max) * PLOT_H;
  return (
    <figure class="chart">
      <figcaption id="completion-title">{t.ops.completions}</figcaption>
      {shown.length === 0 ? (
        <p>{t.ops.noCompletions}</p>
      ) : (
        [
          // biome-ignore lint/a11y/noSvgWithoutTitle: the figcaption names it, through aria-labelledby
          <svg key="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="completion-title">
            <YAxis max={max} ticks={4} />
            {shown.map((completion, index) => {
              const x = PAD.left + index * slot + (slot - bar) / 2;
              const late = completion.workingDays > completion.limitWorkingDays;
              return (
                <g key={completion.id}>
                  <title>
                    {t.ops.completionLabel(
                      completion.id,
                      formatNumber(completion.workingDays, lang, 2),
                      formatNumber(completion.limitWorkingDays, lang),
                    )}
                  </title>
                  <rect
                    x={x}
                    y={y(completion.workingDays)}
                    width={bar}
                    height={Math.max(1, PAD.top + PLOT_H - y(completion.workingDays))}
                    class={late ? 'bar-late' : 'bar-on-time'}
                  />
                </g>
              );
            })}
            {limit > 0 ? (
              <g class="limit">
                <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(limit)} y2={y(limit)} />
                <text
                  x={WIDTH - PAD.right}
                  y={y(limit) - 4}
                  text-anchor="end"
                >{`${t.ops.limit} ${formatNumber(limit, lang)}`}</text>
              </g>
            ) : null}
          </svg>,
          chartData(
            t.ops.chartData,
            [t.casePage.caseId, t.ops.workingDays, t.ops.limit],
            shown.map((completion) => ({
              key: completion.id,
              cells: [
                <code>{completion.id}</code>,
                formatNumber(completion.workingDays, lang, 2),
                formatNumber(completion.limitWorkingDays, lang),
              ],
            })),
          ),
        ]
      )}
    </figure>
  );
}

/** Every chart's numbers as a table too, behind a disclosure: the chart for the eye, the table for everyone. */
function chartData(summary: string, headers: string[], rows: { key: string; cells: ComponentChildren[] }[]) {
  return (
    <details key="data">
      <summary>{summary}</summary>
      <table class="table">
        <thead>
          <tr>
            {headers.map((header) => (
              <th scope="col" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) => (index === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
