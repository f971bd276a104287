import { useEffect, useState } from 'preact/hooks';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../../shared/api/demo-accounts';
import { type Role, roleOf, sessionExpired } from '../auth/session';
import { finishCognitoSignIn, signInLocally, startCognitoSignIn } from '../auth/sign-in';
import type { AuthConfig } from '../config';
import { useLanguage } from '../i18n/language';
import { navigate, useLocation } from '../router';
import { useStore } from '../store';
import { ErrorNotice } from '../ui/notices';
import { Page } from '../ui/page';

export function homeOf(role: Role | undefined): string {
  switch (role?.kind) {
    case 'founder':
    case 'agent':
      return '/cases';
    case 'officer':
      return '/inbox';
    case 'ops':
      return '/ops';
    default:
      return '/sign-in';
  }
}

/** Where to go after signing in: back where the user was sent from, or the role's home. */
function destination(next: string | null, role: Role | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : homeOf(role);
}

export function SignInPage(props: { auth: AuthConfig }) {
  const { t } = useLanguage();
  const expired = useStore(sessionExpired);
  return (
    <Page title={t.signIn.title}>
      {expired ? (
        <div class="notice notice-warning" role="status">
          {t.signIn.expired}
        </div>
      ) : null}
      {props.auth.provider === 'local' ? <LocalSignIn /> : <CognitoSignIn auth={props.auth} />}
    </Page>
  );
}

/** One button per demo account (shared/api/demo-accounts.ts); the user id, when given, replaces its demo user. */
function LocalSignIn() {
  const { t, lang } = useLanguage();
  const next = useLocation().searchParams.get('next');
  const [userId, setUserId] = useState('');
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const signInAs = async (account: DemoAccount) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const session = await signInLocally(userId.trim() || account.sub, [...account.groups]);
      sessionExpired.set(false);
      navigate(destination(next, roleOf(session)), { replace: true });
    } catch {
      setFailure(new Error(t.signIn.failed));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="panel sign-in">
      <p>{t.signIn.intro}</p>
      <div class="field">
        <label for="user-id">{t.signIn.userId}</label>
        <p id="user-id-hint" class="field-hint">
          {t.signIn.userIdHint}
        </p>
        <input
          id="user-id"
          type="text"
          autoComplete="username"
          value={userId}
          aria-describedby="user-id-hint"
          onInput={(event) => setUserId(event.currentTarget.value)}
        />
      </div>
      {failure === undefined ? null : <ErrorNotice error={failure} />}
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form fieldset */}
      <div class="sign-in-accounts" role="group" aria-label={t.signIn.role}>
        {DEMO_ACCOUNTS.map((account) => (
          <button
            key={account.id}
            type="button"
            class="button-secondary"
            disabled={busy}
            onClick={() => void signInAs(account)}
          >
            {account.label[lang]}
          </button>
        ))}
      </div>
    </div>
  );
}

function CognitoSignIn(props: { auth: Extract<AuthConfig, { provider: 'cognito' }> }) {
  const { t } = useLanguage();
  const url = useLocation();
  const returning = url.searchParams.has('code');
  const [failure, setFailure] = useState<unknown>(undefined);
  useEffect(() => {
    if (!returning) return;
    finishCognitoSignIn(props.auth, url).then(
      (session) => {
        sessionExpired.set(false);
        navigate(homeOf(roleOf(session)), { replace: true });
      },
      () => setFailure(new Error(t.signIn.failed)),
    );
  }, [returning]);
  return (
    <div class="panel sign-in">
      {returning && failure === undefined ? (
        <p role="status">{t.signIn.completing}</p>
      ) : (
        [
          <p key="intro">{t.signIn.cognitoIntro}</p>,
          failure === undefined ? null : <ErrorNotice key="failure" error={failure} />,
          <button
            key="go"
            type="button"
            class="button-primary"
            onClick={() => void startCognitoSignIn(props.auth)}
          >
            {t.signIn.cognito}
          </button>,
        ]
      )}
    </div>
  );
}
