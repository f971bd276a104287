import { useState } from 'preact/hooks';
import { OUTCOMES } from '../../../shared/case/model';
import type { FieldError } from '../../../shared/errors';
import { ApiError } from '../api/client';
import { decideTask } from '../api/endpoints';
import type { Outcome, TaskDetail } from '../api/types';
import type { FieldMessage } from '../form/binding';
import { fieldLabel } from '../form/field-labels';
import { FieldMessages } from '../form/fields';
import { STEPS } from '../form/steps';
import { useLanguage } from '../i18n/language';
import { NoteField } from '../ui/note-field';
import { ErrorNotice } from '../ui/notices';
import { reasonPaths } from './reason-paths';

interface Reason {
  path: string;
  message: string;
}

/**
 * Approve, request correction or reject. Corrections and rejections name every field concerned at once,
 * each with its own reason (一次性告知).
 */
export function DecisionForm(props: {
  detail: TaskDetail;
  onDecided: (outcome: Outcome) => void;
  onConflict: () => void;
}) {
  const { t, lang } = useLanguage();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [reasons, setReasons] = useState<Reason[]>([{ path: '', message: '' }]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const options = reasonPaths(props.detail.application.form, t);
  const needsReasons = outcome !== undefined && outcome !== 'approved';

  const messagesAt = (path: string): FieldMessage[] =>
    errors
      .filter((error) => error.path === path)
      .map((error) => ({ path, text: lang === 'zh' ? error.message_zh : error.message, kind: 'error' }));
  const describe = (id: string, messages: FieldMessage[]) =>
    messages.length > 0 ? `${id}-messages` : undefined;
  const update = (index: number, change: Partial<Reason>) =>
    setReasons((current) => current.map((reason, at) => (at === index ? { ...reason, ...change } : reason)));

  const submit = async (event: Event) => {
    event.preventDefault();
    setSubmitting(true);
    setErrors([]);
    setFailure(undefined);
    try {
      await decideTask(props.detail.task.id, {
        outcome: outcome as Outcome,
        reasons: needsReasons ? reasons : [],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      props.onDecided(outcome as Outcome);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) props.onConflict();
      else if (error instanceof ApiError && error.fields.length > 0) setErrors(error.fields);
      else setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  const outcomeMessages = messagesAt('outcome');
  const reasonsMessages = messagesAt('reasons');
  return (
    <form class="panel decision" noValidate onSubmit={submit} aria-labelledby="decision-title">
      <h2 id="decision-title">{t.task.decision}</h2>
      <fieldset
        id="decision-outcome"
        class="field choices"
        aria-describedby={describe('decision-outcome', outcomeMessages)}
      >
        <legend>{t.task.outcome}</legend>
        <FieldMessages id="decision-outcome" messages={outcomeMessages} />
        {OUTCOMES.map((value) => (
          <div key={value} class="choice">
            <input
              id={`outcome-${value}`}
              type="radio"
              name="outcome"
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            <label for={`outcome-${value}`}>{t.status.outcome[value]}</label>
          </div>
        ))}
      </fieldset>
      {needsReasons ? (
        <fieldset
          id="decision-reasons"
          class="group"
          aria-describedby={describe('decision-reasons', reasonsMessages)}
        >
          <legend>{t.task.reasons}</legend>
          <p class="field-hint">{t.task.reasonsIntro}</p>
          <FieldMessages id="decision-reasons" messages={reasonsMessages} />
          {reasons.map((reason, index) => {
            const pathId = `reason-${index}-path`;
            const messageId = `reason-${index}-message`;
            const pathMessages = messagesAt(`reasons[${index}].path`);
            const messageMessages = messagesAt(`reasons[${index}].message`);
            return (
              <fieldset key={index} class="group reason">
                <legend>{t.task.reasonN(index + 1)}</legend>
                <div class="field">
                  <label for={pathId}>{t.task.reasonField}</label>
                  <FieldMessages id={pathId} messages={pathMessages} />
                  <select
                    id={pathId}
                    value={reason.path}
                    aria-describedby={describe(pathId, pathMessages)}
                    onChange={(event: Event) =>
                      update(index, { path: (event.currentTarget as HTMLSelectElement).value })
                    }
                  >
                    <option value="">{t.apply.choose}</option>
                    <option value="application">{fieldLabel('application', t)}</option>
                    {STEPS.map((step) => {
                      const inStep = options.filter((option) => option.step === step);
                      return inStep.length === 0 ? null : (
                        <optgroup key={step} label={t.steps[step]}>
                          {inStep.map((option) => (
                            <option key={option.path} value={option.path}>
                              {option.label}
                            </option>
                          ))}
                        </optgroup>
                      );
                    })}
                  </select>
                </div>
                <div class="field">
                  <label for={messageId}>{t.task.reasonMessage}</label>
                  <FieldMessages id={messageId} messages={messageMessages} />
                  <textarea
                    id={messageId}
                    rows={2}
                    value={reason.message}
                    aria-describedby={describe(messageId, messageMessages)}
                    onInput={(event: Event) =>
                      update(index, { message: (event.currentTarget as HTMLTextAreaElement).value })
                    }
                  />
                </div>
                {reasons.length > 1 ? (
                  <button
                    type="button"
                    class="button-link"
                    onClick={() => setReasons((current) => current.filter((_, at) => at !== index))}
                  >
                    {t.task.removeReason(index + 1)}
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          <button
            type="button"
            class="button-secondary"
            onClick={() => setReasons((current) => [...current, { path: '', message: '' }])}
          >{`+ ${t.task.addReason}`}</button>
        </fieldset>
      ) : null}
      <NoteField id="decision-note" label={t.task.note} rows={2} value={note} onInput={setNote} />
      {failure === undefined ? null : <ErrorNotice error={failure} />}
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={submitting}>
          {submitting ? t.task.submitting : t.task.submit}
        </button>
      </div>
    </form>
  );
}
