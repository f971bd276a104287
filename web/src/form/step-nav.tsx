import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import type { StepId } from './steps';

/** The steps this form asks, any of them one click away, each with the number of problems it holds. */
export function StepNav(props: {
  basePath: string;
  steps: readonly StepId[];
  current: StepId;
  problemsIn: (step: StepId) => number;
}) {
  const { t } = useLanguage();
  return (
    <nav class="steps" aria-label={t.apply.steps}>
      <ol>
        {props.steps.map((step, index) => {
          const problems = step === 'review' ? 0 : props.problemsIn(step);
          return (
            <li key={step} class={step === props.current ? 'step step-current' : 'step'}>
              <Link
                href={`${props.basePath}/${step}`}
                aria-current={step === props.current ? 'page' : undefined}
              >
                <span class="step-number" aria-hidden="true">
                  {String(index + 1)}
                </span>
                {t.steps[step]}
                {problems > 0 ? (
                  <span class="badge badge-danger step-problems">{t.apply.stepProblems(problems)}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
