import { useEffect } from 'preact/hooks';
import { type Role, roleOf, type Session, useSession } from './auth/session';
import { signOut } from './auth/sign-in';
import { departmentLabel } from './catalogue/names';
import type { RuntimeConfig } from './config';
import { toggleLanguage, useLanguage } from './i18n/language';
import type { Messages } from './i18n/messages';
import { CasePage } from './pages/case-page';
import { CorrectionPage } from './pages/correction';
import { InboxPage } from './pages/inbox';
import { MyCasesPage } from './pages/my-cases';
import { NewApplicationPage } from './pages/new-application';
import { NotFoundPage } from './pages/not-found';
import { OpsDashboardPage } from './pages/ops-dashboard';
import { homeOf, SignInPage } from './pages/sign-in';
import { TaskPage } from './pages/task-page';
import { VerifyPage } from './pages/verify-page';
import { Link, navigate, parseRoute, type Route, useLocation } from './router';

/** Pages anyone may open: signing in, and the verification a licence's QR code leads to. */
const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set(['sign-in', 'verify']);

export function App(props: { config: RuntimeConfig }) {
  const { t, lang } = useLanguage();
  const session = useSession();
  const location = useLocation();
  const route = parseRoute(location.pathname);
  const role = session ? roleOf(session) : undefined;
  const mustSignIn = !session && !PUBLIC_ROUTES.has(route.name);

  useEffect(() => {
    if (mustSignIn) {
      const next =
        route.name === 'home' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
      navigate(`/sign-in${next}`, { replace: true });
    } else if (route.name === 'home' && session) navigate(homeOf(role), { replace: true });
  }, [mustSignIn, route.name, session, role, location]);

  return (
    <div class="app">
      <a href="#main" class="skip-link">
        {t.app.skipToContent}
      </a>
      <header class="site-header">
        <div class="header-inner">
          <div class="brand">
            <Link href="/">{t.app.title}</Link>
            <span class="tagline">{t.app.tagline}</span>
          </div>
          {session && role ? <MainNav role={role} route={route} t={t} /> : null}
          <div class="header-tools">
            <button
              type="button"
              class="button-ghost"
              lang={lang === 'zh' ? 'en' : 'zh-CN'}
              aria-label={t.app.switchLanguageLabel}
              onClick={toggleLanguage}
            >
              {t.app.switchLanguage}
            </button>
            {session ? <SignedIn session={session} role={role} config={props.config} /> : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {mustSignIn ? null : page(route, session, role, props.config)}
      </main>
    </div>
  );
}

function SignedIn(props: { session: Session; role: Role | undefined; config: RuntimeConfig }) {
  const { t, lang } = useLanguage();
  const { role } = props;
  const roleName = !role
    ? ''
    : role.kind === 'officer'
      ? t.roles.officer(departmentLabel(role.department, lang))
      : t.roles[role.kind];
  return (
    <div class="signed-in">
      <span class="who">{t.app.signedInAs(`${props.session.sub}${roleName ? ` · ${roleName}` : ''}`)}</span>
      <button
        type="button"
        class="button-ghost"
        onClick={() => {
          signOut(props.config.auth);
          navigate('/sign-in');
        }}
      >
        {t.app.signOut}
      </button>
    </div>
  );
}

function MainNav(props: { role: Role; route: Route; t: Messages }) {
  const { role, route, t } = props;
  const links: { href: string; label: string; active: boolean }[] =
    role.kind === 'founder' || role.kind === 'agent'
      ? [
          { href: '/cases', label: t.nav.myCases, active: route.name === 'cases' || route.name === 'case' },
          { href: '/apply/bundle', label: t.nav.apply, active: route.name === 'apply' },
        ]
      : role.kind === 'officer'
        ? [{ href: '/inbox', label: t.nav.inbox, active: route.name === 'inbox' || route.name === 'task' }]
        : [{ href: '/ops', label: t.nav.ops, active: route.name === 'ops' }];
  return (
    <nav class="main-nav" aria-label={t.app.mainNav}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.active ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function page(route: Route, session: Session | undefined, role: Role | undefined, config: RuntimeConfig) {
  if (route.name === 'sign-in') return <SignInPage auth={config.auth} />;
  if (route.name === 'verify') return <VerifyPage key={route.uscc} uscc={route.uscc} />;
  if (!session || route.name === 'home') return null;
  const files = role?.kind === 'founder' || role?.kind === 'agent';
  switch (route.name) {
    case 'cases':
      return files ? <MyCasesPage forAgent={role?.kind === 'agent'} /> : <NotFoundPage />;
    case 'apply':
      return files ? (
        <NewApplicationPage step={route.step} session={session} forAgent={role?.kind === 'agent'} />
      ) : (
        <NotFoundPage />
      );
    case 'case':
      return <CasePage key={route.id} id={route.id} canAct={files} />;
    case 'correct':
      return files ? (
        <CorrectionPage key={route.id} id={route.id} step={route.step} session={session} />
      ) : (
        <NotFoundPage />
      );
    case 'inbox':
      return role?.kind === 'officer' ? <InboxPage department={role.department} /> : <NotFoundPage />;
    case 'task':
      return role?.kind === 'officer' ? (
        <TaskPage key={route.taskId} taskId={route.taskId} />
      ) : (
        <NotFoundPage />
      );
    case 'ops':
      return role?.kind === 'ops' ? <OpsDashboardPage /> : <NotFoundPage />;
    default:
      return <NotFoundPage />;
  }
}
