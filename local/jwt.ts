import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { keptSecret } from './kept-secret';

const ALGORITHM = 'ES256';
export const LOCAL_ISSUER = 'company-opening-local';
export const LOCAL_AUDIENCE = 'company-opening';
const TOKEN_LIFETIME_SECONDS = 12 * 3600;

export interface LocalTokens {
  issue: (claims: { sub: string; groups: string[] }) => Promise<string>;
  /** The claims of a valid token; undefined for a forged, expired or malformed one. */
  verify: (token: string) => Promise<JWTPayload | undefined>;
}

/**
 * The local stand-in for Cognito: a signing key of its own (kept under .data/ so tokens outlive a
 * restart) and tokens with the claims Cognito puts in an ID token. Time is the runtime's clock, so
 * moving it forward expires tokens as real time would.
 */
export async function localTokens(options: {
  dataDirectory?: string;
  now: () => number;
}): Promise<LocalTokens> {
  const keyFile = options.dataDirectory ? join(options.dataDirectory, 'local-signing-key.json') : undefined;
  const privateJwk = JSON.parse(
    await keptSecret(keyFile, async () => {
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      return JSON.stringify(await exportJWK(privateKey));
    }),
  ) as JWK;
  const { d: _private, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, ALGORITHM);
  const publicKey = await importJWK(publicJwk, ALGORITHM);
  const seconds = () => Math.floor(options.now() / 1000);
  return {
    issue: ({ sub, groups }) =>
      new SignJWT({ 'cognito:groups': groups, token_use: 'id' })
        .setProtectedHeader({ alg: ALGORITHM })
        .setSubject(sub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(seconds())
        .setExpirationTime(seconds() + TOKEN_LIFETIME_SECONDS)
        .sign(privateKey),
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          algorithms: [ALGORITHM],
          currentDate: new Date(options.now()),
        });
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}
