import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { displayValue } from './display-value';
import { fieldLabel } from './field-labels';
import { getIn, leafPaths } from './path';
import { STEPS, type StepId, stepOf } from './steps';

/**
 * The application read back, step by step: the founder's review page, the officer's task and the case
 * page show the same thing. Highlighted fields are marked as changed.
 */
export function FormSummary(props: {
  form: unknown;
  editHref?: (step: StepId) => string;
  highlight?: ReadonlySet<string>;
  headingLevel?: 'h2' | 'h3';
}) {
  const { t, lang } = useLanguage();
  const paths = leafPaths(props.form).filter((path) => path !== 'channel');
  const Heading = props.headingLevel ?? 'h2';
  return (
    <div class="form-summary">
      {STEPS.filter((step) => step !== 'review').map((step) => {
        const inStep = paths.filter((path) => stepOf(path) === step);
        if (inStep.length === 0) return null;
        return (
          <section key={step} class="summary-section" aria-labelledby={`summary-${step}`}>
            <div class="summary-heading">
              <Heading id={`summary-${step}`}>{t.steps[step]}</Heading>
              {props.editHref ? (
                <Link href={props.editHref(step)}>{t.apply.editStep(t.steps[step])}</Link>
              ) : null}
            </div>
            <dl>
              {inStep.map((path) => {
                const changed = props.highlight?.has(path) ?? false;
                return (
                  <div key={path} class={changed ? 'summary-row summary-changed' : 'summary-row'}>
                    <dt>{fieldLabel(path, t)}</dt>
                    <dd>
                      {displayValue(path, getIn(props.form, path), t, lang)}
                      {changed ? <span class="badge badge-warning">{t.apply.changed}</span> : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
