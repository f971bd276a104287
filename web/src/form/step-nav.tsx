import { h } from 'preact';
import { useLanguage } from '../i18n/language';
import { Link } from '../router';
import { STEPS, type StepId } from './steps';

/** The steps of the form, any of them one click away, each with the number of problems it holds. */
export function StepNav(props: { basePath: string; current: StepId; problemsIn: (step: StepId) => number }) {
  const { t } = useLanguage();
  return h(
    'nav',
    { class: 'steps', 'aria-label': t.apply.steps },
    h(
      'ol',
      null,
      STEPS.map((step, index) => {
        const problems = step === 'review' ? 0 : props.problemsIn(step);
        return h(
          'li',
          { key: step, class: step === props.current ? 'step step-current' : 'step' },
          h(
            Link,
            {
              href: `${props.basePath}/${step}`,
              'aria-current': step === props.current ? 'page' : undefined,
            },
            h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(index + 1)),
            t.steps[step],
            problems > 0
              ? h('span', { class: 'badge badge-danger step-problems' }, t.apply.stepProblems(problems))
              : null,
          ),
        );
      }),
    ),
  );
}
