import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldError } from '../../../shared/errors';
import { ApiError } from '../api/client';
import { formatInstant } from '../i18n/format';
import { useLanguage } from '../i18n/language';
import { navigate } from '../router';
import { ErrorSummary, type SummaryItem } from '../ui/error-summary';
import { readableForm, uploadProblems } from '../uploads/material-entry';
import { type FieldMessage, type FormBinding, FormBindingContext } from './binding';
import { BundleStep } from './bundle-step';
import { checkForm } from './check';
import { CompanyStep } from './company-step';
import { DeliveryStep } from './delivery-step';
import { type FormDraft, withDerivedFields } from './draft';
import { fieldId, fieldLabel } from './field-labels';
import { focusField } from './focus-field';
import { InvoiceStep } from './invoice-step';
import { MaterialsStep } from './materials-step';
import { getIn, isWithin, type Json, setIn } from './path';
import { PeopleStep } from './people-step';
import { ReviewStep } from './review-step';
import { SealsStep } from './seals-step';
import { StepNav } from './step-nav';
import { type StepId, stepOf, stepsFor } from './steps';
import { ClinicStep, EmploymentStep, PremisesStep } from './trade-steps';

const ON_BEHALF_OF = 'headers.on-behalf-of';

const problemKey = (error: FieldError) => `${error.path}\n${error.message}`;

export interface ApplicationFormProps {
  draft: FormDraft;
  /** Called with what changed; the caller merges it into its draft. */
  onDraftChange: (change: Partial<FormDraft>) => void;
  /** Steps live at `${basePath}/${step}`. */
  basePath: string;
  step: StepId;
  forAgent: boolean;
  /** Correcting: what the officers asked to change, and the form as it was. */
  requests?: { path: string; message: string }[];
  original?: Json;
  /** Hints of the page's own beside the schema's, such as changes the requests do not ask for. */
  alsoCheck?: (form: Json) => FieldError[];
  submitLabel: string;
  /** Sends the draft; an ApiError with fields is shown field by field. */
  submit: () => Promise<void>;
  /** Shown instead of the API's own words when it answers 409. */
  conflictMessage?: string;
  reviewExtra?: ComponentChildren;
  onDiscard?: () => void;
}

/**
 * The one form in steps. Problems come from two places: the API's answer to a submission, which is the
 * authority, and the same schema run here as the founder types, whose hints show for the steps the founder
 * has left (not on blur: a message appearing under the pointer would move the button being clicked).
 * Officers' correction requests stay beside their fields until the case moves on.
 */
export function ApplicationForm(props: ApplicationFormProps) {
  const { t, lang } = useLanguage();
  const { draft, step } = props;
  const form = draft.form;
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [leftSteps, setLeftSteps] = useState<ReadonlySet<StepId>>(new Set());
  const { alsoCheck } = props;
  const clientErrors = useMemo(() => [...checkForm(form), ...(alsoCheck?.(form) ?? [])], [form, alsoCheck]);
  const pendingFocus = useRef<string | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const steps = stepsFor(form);
  const asked = steps.includes(step);

  const textOf = (error: FieldError) => (lang === 'zh' ? error.message_zh : error.message);
  const leave = (...steps: StepId[]) =>
    setLeftSteps((previous) =>
      steps.every((left) => previous.has(left)) ? previous : new Set([...previous, ...steps]),
    );
  const hintShown = (error: FieldError) => leftSteps.has(stepOf(error.path));

  // The browser's check usually finds what the API found: each problem is shown once.
  const fromServer = new Set(serverErrors.map(problemKey));
  const hints = clientErrors.filter((error) => !fromServer.has(problemKey(error)));
  const visibleErrors = (): FieldError[] => [...serverErrors, ...hints.filter(hintShown)];

  // Several changes can follow each other before the next render (a file picker's, a switch that resets
  // a dependent field): each must build on the one before.
  const latest = useRef(draft);
  latest.current = draft;
  const binding: FormBinding = {
    get: (path) => (path === ON_BEHALF_OF ? latest.current.onBehalfOf : getIn(latest.current.form, path)),
    set: (path, value) => {
      setServerErrors((errors) => errors.filter((error) => !isWithin(error.path, path)));
      const savedAt = new Date().toISOString();
      const change: Partial<FormDraft> =
        path === ON_BEHALF_OF
          ? { onBehalfOf: value as string, savedAt }
          : { form: withDerivedFields(setIn(latest.current.form, path, value)), savedAt };
      latest.current = { ...latest.current, ...change };
      props.onDraftChange(change);
    },
    messages: (path): FieldMessage[] => [
      ...(props.requests ?? [])
        .filter((request) => request.path === path)
        .map((request) => ({ path, text: request.message, kind: 'request' as const })),
      ...visibleErrors()
        .filter((error) => error.path === path)
        .map((error) => ({ path, text: textOf(error), kind: 'error' as const })),
    ],
  };

  const goToField = (path: string) => {
    const target = stepOf(path);
    pendingFocus.current = path;
    leave(target);
    if (target === step) focusPending();
    else navigate(`${props.basePath}/${target}`);
  };
  const focusPending = () => {
    const path = pendingFocus.current;
    pendingFocus.current = null;
    if (path === null || !focusField(path)) stepHeading.current?.focus();
  };
  useEffect(() => {
    if (shownStep.current === step) return;
    leave(shownStep.current);
    shownStep.current = step;
    focusPending();
  }, [step]);
  useEffect(() => {
    if (step === 'review') leave(...steps);
  }, [step]);
  // A trade step the chosen items no longer read (the founder changed the bundle) is not asked.
  useEffect(() => {
    if (!asked) navigate(`${props.basePath}/${steps[0]}`, { replace: true });
  }, [asked]);

  const summaryItems = (problems: { path: string; text: string }[], kind: string): SummaryItem[] =>
    problems.map((problem, index) => ({
      key: `${kind}${index}:${problem.path}:${problem.text}`,
      label: fieldLabel(problem.path, t),
      text: problem.text,
      href: `#${fieldId(problem.path)}`,
      onSelect: () => goToField(problem.path),
    }));

  const stepIndex = steps.indexOf(step);
  const nextStep = steps[stepIndex + 1];
  const previousStep = steps[stepIndex - 1];
  const errorsInStep = (candidate: StepId) =>
    visibleErrors().filter((error) => stepOf(error.path) === candidate).length +
    (props.requests ?? []).filter((request) => stepOf(request.path) === candidate).length;

  const onSubmit = async () => {
    const uploads = uploadProblems(form);
    if (uploads.length > 0) {
      setServerErrors(uploads);
      return;
    }
    setSubmitting(true);
    setFailure(undefined);
    try {
      await props.submit();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fields.length > 0)
        setServerErrors(error.fields);
      else
        setFailure(
          error instanceof ApiError && error.status === 409 && props.conflictMessage
            ? new Error(props.conflictMessage)
            : error,
        );
    } finally {
      setSubmitting(false);
    }
  };

  const stepContent = () => {
    switch (step) {
      case 'bundle':
        return <BundleStep />;
      case 'company':
        return <CompanyStep forAgent={props.forAgent} />;
      case 'people':
        return <PeopleStep />;
      case 'invoice':
        return <InvoiceStep />;
      case 'seals':
        return <SealsStep />;
      case 'premises':
        return <PremisesStep />;
      case 'clinic':
        return <ClinicStep />;
      case 'employment':
        return <EmploymentStep />;
      case 'delivery':
        return <DeliveryStep />;
      case 'materials':
        return <MaterialsStep />;
      case 'review':
        return (
          <ReviewStep
            form={readableForm(form)}
            original={props.original && readableForm(props.original)}
            serverErrors={serverErrors}
            hints={hints}
            summaryItems={(errors, kind) =>
              summaryItems(
                errors.map((error) => ({ path: error.path, text: textOf(error) })),
                kind,
              )
            }
            editHref={(target) => `${props.basePath}/${target}`}
            extra={props.reviewExtra}
            failure={failure}
          />
        );
    }
  };

  return (
    <FormBindingContext.Provider value={binding}>
      <div class="application-form">
        <StepNav basePath={props.basePath} steps={steps} current={step} problemsIn={errorsInStep} />
        <form
          class="step-form"
          noValidate
          onSubmit={(event: Event) => {
            event.preventDefault();
            if (step === 'review') void onSubmit();
            else if (nextStep) navigate(`${props.basePath}/${nextStep}`);
          }}
        >
          <p class="step-count">{t.apply.stepOf(stepIndex + 1, steps.length)}</p>
          <h2 ref={stepHeading} tabIndex={-1} class="step-title">
            {t.steps[step]}
          </h2>
          {props.requests && props.requests.length > 0 ? (
            <ErrorSummary
              title={t.errors.requestSummaryTitle(props.requests.length)}
              items={summaryItems(
                props.requests.map((request) => ({ path: request.path, text: request.message })),
                'request',
              )}
              tone="request"
            />
          ) : null}
          {asked ? stepContent() : null}
          <div class="form-actions">
            {previousStep ? (
              <button
                type="button"
                class="button-secondary"
                onClick={() => navigate(`${props.basePath}/${previousStep}`)}
              >
                {t.apply.previous}
              </button>
            ) : null}
            <button type="submit" class="button-primary" disabled={submitting}>
              {step === 'review' ? (submitting ? t.apply.submitting : props.submitLabel) : t.apply.next}
            </button>
          </div>
          <p class="draft-status">
            {t.apply.draftSaved(formatInstant(draft.savedAt, lang))}
            {props.onDiscard ? (
              <button
                type="button"
                class="button-link"
                onClick={() => {
                  if (window.confirm(t.apply.discardConfirm)) props.onDiscard?.();
                }}
              >
                {t.apply.discardDraft}
              </button>
            ) : null}
          </p>
        </form>
      </div>
    </FormBindingContext.Provider>
  );
}
