/**
 * Runtime configuration, read from `/config.json` when the app starts: the same build runs locally and in
 * AWS, where the deployment writes Cognito's settings into that file.
 */
export type AuthConfig =
  | { provider: 'local' }
  | { provider: 'cognito'; domain: string; clientId: string; scopes?: string[] };

export interface RuntimeConfig {
  auth: AuthConfig;
}

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as RuntimeConfig;
}
