import { useCallback, useEffect, useState } from 'preact/hooks';
import { fieldsOutsideRequests } from '../../../shared/case/correction-scope';
import { ApiError } from '../api/client';
import { answerCorrections, getCase } from '../api/endpoints';
import type { CaseView } from '../api/types';
import type { Session } from '../auth/session';
import { ApplicationForm } from '../form/application-form';
import { type FormDraft, loadDraft, removeDraft, saveDraft } from '../form/draft';
import type { Json } from '../form/path';
import { isStep, type StepId } from '../form/steps';
import { useLanguage } from '../i18n/language';
import { Link, navigate } from '../router';
import { NoteField } from '../ui/note-field';
import { Pending } from '../ui/notices';
import { Page } from '../ui/page';
import { useResource } from '../ui/resource';
import { submittedForm } from '../uploads/material-entry';

/** The founder answers every open correction request with the whole form, corrected. */
export function CorrectionPage(props: { id: string; step: string | undefined; session: Session }) {
  const { t } = useLanguage();
  const resource = useResource(() => getCase(props.id), [props.id]);
  useEffect(() => {
    if (!isStep(props.step))
      navigate(`/cases/${encodeURIComponent(props.id)}/correct/company`, { replace: true });
  }, [props.id, props.step]);
  if (!isStep(props.step)) return null;
  const caseView = resource.data;
  return (
    <Page title={t.apply.correctionTitle} lead={caseView?.application.company.name.full}>
      {caseView ? (
        <CorrectionForm caseView={caseView} step={props.step} owner={props.session.sub} />
      ) : (
        <Pending resource={resource} />
      )}
    </Page>
  );
}

function CorrectionForm(props: { caseView: CaseView; step: StepId; owner: string }) {
  const { t } = useLanguage();
  const { caseView, owner } = props;
  const scope = `correction:${caseView.id}`;
  const original = caseView.application as unknown as Json;
  // Until the founder changes something there is no draft: the case's form, personal data and all, is
  // not copied into the browser just by opening this page.
  const [changed, setChanged] = useState(() => loadDraft<FormDraft>(owner, scope));
  const draft = changed ?? { form: original, savedAt: new Date().toISOString() };
  const [note, setNote] = useState('');
  useEffect(() => {
    if (changed) saveDraft(owner, scope, changed);
  }, [owner, scope, changed]);
  const casePath = `/cases/${encodeURIComponent(caseView.id)}`;
  const open = caseView.corrections.filter(
    (correction) => correction.status === 'open' && !correction.answerSubmitted,
  );
  // The API refuses a change no open request asks for; the founder hears it while typing, not only after.
  const outsideRequests = useCallback(
    (form: Json) => fieldsOutsideRequests(original, submittedForm(form), open),
    [caseView],
  );
  if (open.length === 0) {
    return (
      <p>
        {t.casePage.correctionAnswered} <Link href={casePath}>{t.app.backHome}</Link>
      </p>
    );
  }
  return (
    <ApplicationForm
      draft={draft}
      onDraftChange={(change) => setChanged((current) => ({ ...(current ?? draft), ...change }))}
      basePath={`${casePath}/correct`}
      step={props.step}
      forAgent={false}
      requests={open.flatMap((correction) => correction.reasons)}
      original={original}
      alsoCheck={outsideRequests}
      submitLabel={t.apply.resubmit}
      reviewExtra={
        <NoteField
          id="correction-note"
          label={t.apply.correctionNote}
          rows={3}
          value={note}
          onInput={setNote}
        />
      }
      submit={async () => {
        try {
          await answerCorrections(caseView.id, submittedForm(draft.form), note.trim() || undefined);
        } catch (error) {
          // The corrected form travels as `application`: its field paths are the form's own below that.
          if (error instanceof ApiError) {
            throw new ApiError(
              error.status,
              error.code,
              error.message,
              error.messageZh,
              error.fields.map((field) => ({ ...field, path: field.path.replace(/^application\.?/, '') })),
            );
          }
          throw error;
        }
        removeDraft(owner, scope);
        navigate(`${casePath}?corrected=1`);
      }}
    />
  );
}
