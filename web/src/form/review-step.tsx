import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../shared/errors';
import { useLanguage } from '../i18n/language';
import { ErrorSummary, type SummaryItem } from '../ui/error-summary';
import { ErrorNotice } from '../ui/notices';
import { fieldLabel } from './field-labels';
import { FormSummary } from './form-summary';
import { changedLeaves, type Json } from './path';
import type { StepId } from './steps';

/**
 * The last step: the API's verdict on the last submission, the browser's own check, what a correction
 * changed, and the whole form read back with a way into each step.
 */
export function ReviewStep(props: {
  form: Json;
  original?: Json;
  serverErrors: FieldError[];
  hints: FieldError[];
  summaryItems: (errors: FieldError[], kind: string) => SummaryItem[];
  editHref: (step: StepId) => string;
  extra?: ComponentChildren;
  failure: unknown;
}) {
  const { t } = useLanguage();
  const changed = props.original ? changedLeaves(props.original, props.form) : undefined;
  return (
    <div class="review">
      <p>{t.apply.reviewIntro}</p>
      <ErrorSummary
        title={t.errors.summaryTitle(props.serverErrors.length)}
        intro={t.errors.summaryIntro}
        items={props.summaryItems(props.serverErrors, 'server')}
        tone="error"
        takeFocus
      />
      <ErrorSummary
        title={t.apply.clientHints(props.hints.length)}
        items={props.summaryItems(props.hints, 'hint')}
        tone="hint"
      />
      {changed ? (
        <section class="changed-fields" aria-labelledby="changed-title">
          <h2 id="changed-title">{t.apply.changedFields}</h2>
          {changed.length === 0 ? (
            <p>{t.apply.noChanges}</p>
          ) : (
            <ul>
              {changed.map((path) => (
                <li key={path}>{fieldLabel(path, t)}</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <FormSummary
        form={props.form}
        editHref={props.editHref}
        highlight={changed ? new Set(changed) : undefined}
      />
      {props.extra}
      {props.failure === undefined ? null : <ErrorNotice error={props.failure} />}
    </div>
  );
}
