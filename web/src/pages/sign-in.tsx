import { useEffect, useState } from 'preact/hooks';
import { type Role, roleOf, sessionExpired } from '../auth/session';
import { finishCognitoSignIn, signInLocally, startCognitoSignIn } from '../auth/sign-in';
import type { AuthConfig } from '../config';
import { useLanguage } from '../i18n/language';
import type { Messages } from '../i18n/messages';
import { navigate, useLocation } from '../router';
import { useStore } from '../store';
import { ErrorNotice } from '../ui/notices';
import { Page } from '../ui/page';

/** The roles the local runtime can issue tokens for, each with the demo user `npm start` prints. */
const LOCAL_ROLES = [
  { id: 'founder', groups: ['applicants'], user: 'demo-founder' },
  { id: 'agent', groups: ['agents'], user: 'demo-agent' },
  { id: 'officer-market-regulation', groups: ['officers-market-regulation'], user: 'demo-officer-market' },
  { id: 'officer-tax', groups: ['officers-tax'], user: 'demo-officer-tax' },
  { id: 'officer-public-security', groups: ['officers-public-security'], user: 'demo-officer-police' },
  { id: 'ops', groups: ['ops'], user: 'demo-ops' },
] as const satisfies readonly { id: keyof Messages['roles']; groups: string[]; user: string }[];

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

function LocalSignIn() {
  const { t } = useLanguage();
  const next = useLocation().searchParams.get('next');
  const [roleId, setRoleId] = useState<(typeof LOCAL_ROLES)[number]['id']>('founder');
  const [userId, setUserId] = useState<string>(LOCAL_ROLES[0].user);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const role = LOCAL_ROLES.find((candidate) => candidate.id === roleId) ?? LOCAL_ROLES[0];
    setBusy(true);
    setFailure(undefined);
    try {
      const session = await signInLocally(userId.trim() || role.user, [...role.groups]);
      sessionExpired.set(false);
      navigate(destination(next, roleOf(session)), { replace: true });
    } catch {
      setFailure(new Error(t.signIn.failed));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel sign-in" onSubmit={submit}>
      <p>{t.signIn.intro}</p>
      <fieldset class="field choices">
        <legend>{t.signIn.role}</legend>
        {LOCAL_ROLES.map((role) => (
          <div key={role.id} class="choice">
            <input
              id={`role-${role.id}`}
              type="radio"
              name="role"
              value={role.id}
              checked={roleId === role.id}
              onChange={() => {
                setRoleId(role.id);
                setUserId(role.user);
              }}
            />
            <label for={`role-${role.id}`}>{t.roles[role.id]}</label>
          </div>
        ))}
      </fieldset>
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
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={busy}>
          {t.signIn.submit}
        </button>
      </div>
    </form>
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
