import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config';
import type { Db } from '../db/pool';
import type { Caller } from '../caller';
import { authenticateApiKey, authenticateUser, looksLikeApiKey } from '../domain/identity';
import { authenticateOperator, looksLikeOperatorKey } from '../domain/operators';
import { AuthenticationError, ValidationError } from '../errors';

export type Authenticate = (headers: {
  authorization?: string;
  orgId?: string;
}) => Promise<Omit<Caller, 'requestId'>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function jwtFailure(error: unknown): AuthenticationError {
  if (error instanceof joseErrors.JWTExpired)
    return new AuthenticationError('The token has expired; get a new one.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new AuthenticationError(
      error.claim === 'nbf'
        ? 'The token is not valid yet (nbf is in the future).'
        : `The token's \`${error.claim}\` claim is not accepted here.`,
    );
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) {
    return new AuthenticationError('The token is signed with an algorithm this server does not accept.');
  }
  return new AuthenticationError('The token is malformed or its signature does not verify.');
}

/** Bearer authentication: an org API key, or a JWT (HS256 with JWT_SECRET, RS256/ES256 with JWT_JWKS_URL). */
export function createAuthenticator({ db, config }: { db: Db; config: Config }): Authenticate {
  const jwks: JWTVerifyGetKey | undefined = config.JWT_JWKS_URL
    ? createRemoteJWKSet(new URL(config.JWT_JWKS_URL))
    : undefined;
  const secret = config.JWT_SECRET ? new TextEncoder().encode(config.JWT_SECRET) : undefined;

  async function verifyJwt(token: string) {
    const options = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
    try {
      if (jwks) return (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
      if (secret) return (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
    } catch (error) {
      throw jwtFailure(error);
    }
    throw new AuthenticationError(
      'This server does not accept JWTs (neither JWT_SECRET nor JWT_JWKS_URL is set); use an API key.',
    );
  }

  return async ({ authorization, orgId }) => {
    if (!authorization)
      throw new AuthenticationError(
        'Missing Authorization header. Send `Authorization: Bearer <API key or JWT>`.',
      );
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthenticationError('The Authorization header must be `Bearer <API key or JWT>`.');
    const token = match[1]!;
    if (looksLikeOperatorKey(token)) return authenticateOperator(db, token);
    if (looksLikeApiKey(token)) return authenticateApiKey(db, token);

    const payload = await verifyJwt(token);
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new AuthenticationError('The token has no `sub` claim.');
    if (!orgId)
      throw new ValidationError('With a JWT, send `X-Org-Id` to name the organization to act in.', [
        { path: '/headers/x-org-id', message: 'Required with a JWT.' },
      ]);
    if (!UUID.test(orgId))
      throw new ValidationError('`X-Org-Id` must be an organization id (a UUID).', [
        { path: '/headers/x-org-id', message: 'Must be a UUID.' },
      ]);
    const email = typeof payload.email === 'string' ? payload.email : null;
    return authenticateUser(db, { subject: payload.sub, email, orgId });
  };
}
