import { useEffect, useState } from 'preact/hooks';
import { submitApplication } from '../api/endpoints';
import type { Session } from '../auth/session';
import { ApplicationForm } from '../form/application-form';
import { type Draft, loadDraft, newDraft, removeDraft, saveDraft } from '../form/draft';
import { isStep } from '../form/steps';
import { useLanguage } from '../i18n/language';
import { navigate } from '../router';
import { Page } from '../ui/page';
import { submittedForm } from '../uploads/material-entry';

const SCOPE = 'new';

/** A founder (or an agent for a founder) fills in the one form and submits it. */
export function NewApplicationPage(props: { step: string | undefined; session: Session; forAgent: boolean }) {
  const { t } = useLanguage();
  const owner = props.session.sub;
  const channel = props.forAgent ? 'service-counter' : 'web';
  const [draft, setDraft] = useState<Draft>(() => loadDraft<Draft>(owner, SCOPE) ?? newDraft(channel));
  useEffect(() => saveDraft(owner, SCOPE, draft), [owner, draft]);
  useEffect(() => {
    if (!isStep(props.step)) navigate('/apply/bundle', { replace: true });
  }, [props.step]);
  if (!isStep(props.step)) return null;

  return (
    <Page title={t.apply.title}>
      <ApplicationForm
        draft={draft}
        onDraftChange={(change) => setDraft((current) => ({ ...current, ...change }))}
        basePath="/apply"
        step={props.step}
        forAgent={props.forAgent}
        submitLabel={t.apply.submit}
        conflictMessage={t.apply.duplicateSubmission}
        submit={async () => {
          const created = await submitApplication(
            submittedForm(draft.form),
            draft.idempotencyKey,
            props.forAgent ? draft.onBehalfOf : undefined,
          );
          removeDraft(owner, SCOPE);
          navigate(`/cases/${encodeURIComponent(created.id)}?submitted=1`);
        }}
        onDiscard={() => {
          removeDraft(owner, SCOPE);
          setDraft(newDraft(channel));
          navigate('/apply/bundle');
        }}
      />
    </Page>
  );
}
