import type { AuthConfig } from '../config';
import { removeAllDrafts } from '../form/draft';
import { type Session, session, sessionFromToken } from './session';

/**
 * The two ways to sign in, chosen by `config.json`: the local runtime's role picker, which asks the
 * local server for a token, and Cognito's hosted sign-in (authorization code with PKCE) in AWS.
 * Everything else in the app only reads the session.
 */

export async function signInLocally(sub: string, groups: string[]): Promise<Session> {
  const response = await fetch('/api/local/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, groups }),
  });
  if (!response.ok) throw new Error(`local token: HTTP ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const signedIn = sessionFromToken(token);
  session.set(signedIn);
  return signedIn;
}

type CognitoConfig = Extract<AuthConfig, { provider: 'cognito' }>;

const PKCE_KEY = 'cognito-pkce';
const redirectUri = () => `${location.origin}/sign-in`;

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export async function startCognitoSignIn(config: CognitoConfig): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: (config.scopes ?? ['openid', 'email', 'profile']).join(' '),
    state,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  location.assign(`${config.domain}/oauth2/authorize?${query}`);
}

/** Completes the hosted sign-in when Cognito sends the browser back with `?code=…&state=…`. */
export async function finishCognitoSignIn(config: CognitoConfig, url: URL): Promise<Session> {
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? '{}') as { verifier?: string; state?: string };
  sessionStorage.removeItem(PKCE_KEY);
  const code = url.searchParams.get('code');
  if (!code || !saved.verifier || url.searchParams.get('state') !== saved.state) {
    throw new Error('The sign-in response does not match the request');
  }
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token exchange: HTTP ${response.status}`);
  // The ID token carries cognito:groups and is what the API's JWT authorizer is configured to accept.
  const { id_token: idToken } = (await response.json()) as { id_token: string };
  const signedIn = sessionFromToken(idToken);
  session.set(signedIn);
  return signedIn;
}

/** Signing out leaves nothing of the person behind: the next one at a shared computer finds no draft. */
export function signOut(config: AuthConfig): void {
  session.set(undefined);
  removeAllDrafts();
  if (config.provider === 'cognito') {
    const query = new URLSearchParams({ client_id: config.clientId, logout_uri: `${location.origin}/` });
    location.assign(`${config.domain}/logout?${query}`);
  }
}
