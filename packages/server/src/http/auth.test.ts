import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const ISSUER = 'https://auth.example.com/';
const AUDIENCE = 'yardpass-api';
const now = () => Math.floor(Date.now() / 1000);

function hs256(claims: JWTPayload, options: { secret?: string; issuer?: string; audience?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now() + 300)
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

function unsigned(claims: JWTPayload): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ iss: ISSUER, aud: AUDIENCE, exp: now() + 300, ...claims })}.`;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ JWT_SECRET: SECRET, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE });
});
afterAll(() => server.close());

function asUser(token: string, orgId?: string) {
  return api(server, undefined)('GET', '/v1/organizations/current', {
    headers: { authorization: `Bearer ${token}`, ...(orgId ? { 'x-org-id': orgId } : {}) },
  });
}

describe('JWT authentication (HS256)', () => {
  it('accepts an invited user, activating the invitation on first sign-in', async () => {
    await api(server, server.organizer)('POST', '/v1/members', {
      body: { email: 'dana@organizer.example', role: 'member' },
    });
    const token = await hs256({ sub: 'auth0|dana', email: 'dana@organizer.example' });
    const res = await asUser(token, server.organizer.orgId);
    expect(res.status).toBe(200);
    expect(res.json.data.caller).toMatchObject({
      kind: 'user',
      role: 'member',
      email: 'dana@organizer.example',
    });
    const members = await api(server, server.organizer)('GET', '/v1/members');
    expect(members.json.data).toContainEqual(
      expect.objectContaining({
        email: 'dana@organizer.example',
        status: 'active',
        user_id: res.json.data.caller.user_id,
      }),
    );
    // The same user again is the same user, not a second one.
    expect(
      (await asUser(await hs256({ sub: 'auth0|dana' }), server.organizer.orgId)).json.data.caller.user_id,
    ).toBe(res.json.data.caller.user_id);
  });

  it('refuses a user who is not a member of the organization', async () => {
    const res = await asUser(await hs256({ sub: 'auth0|stranger' }), server.organizer.orgId);
    expect(res.status).toBe(403);
  });

  it('needs X-Org-Id with a JWT', async () => {
    const res = await asUser(await hs256({ sub: 'auth0|dana' }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('/headers/x-org-id');
  });

  it.each([
    ['alg none', () => Promise.resolve(unsigned({ sub: 'auth0|dana' })), /algorithm|malformed/],
    ['expired', () => hs256({ sub: 'auth0|dana', exp: now() - 60 }), /expired/],
    ['not yet valid', () => hs256({ sub: 'auth0|dana', nbf: now() + 3600 }), /not valid yet/],
    [
      'wrongly signed',
      () => hs256({ sub: 'auth0|dana' }, { secret: 'another-secret-that-is-at-least-32-characters' }),
      /signature/,
    ],
    ['wrong issuer', () => hs256({ sub: 'auth0|dana' }, { issuer: 'https://evil.example.com/' }), /`iss`/],
    ['wrong audience', () => hs256({ sub: 'auth0|dana' }, { audience: 'other-api' }), /`aud`/],
    ['without sub', () => hs256({}), /sub/],
  ])('rejects a token that is %s with 401', async (_name, makeToken, detail) => {
    const res = await asUser(await makeToken(), server.organizer.orgId);
    expect(res.status).toBe(401);
    expect(res.json.type).toBe('https://yardpass.dev/problems/unauthenticated');
    expect(res.json.detail).toMatch(detail);
  });
});

describe('JWT authentication (RS256 via JWKS)', () => {
  it('verifies a token against the keys published at JWT_JWKS_URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    const jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => jwksServer.once('listening', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
    const rsServer = await startTestServer({ JWT_JWKS_URL: jwksUrl, JWT_AUDIENCE: AUDIENCE });
    try {
      await api(rsServer, rsServer.organizer)('POST', '/v1/members', {
        body: { email: 'kim@organizer.example' },
      });
      const sign = (key: CryptoKey | Uint8Array, alg: string) =>
        new SignJWT({ sub: 'okta|kim', email: 'kim@organizer.example' })
          .setProtectedHeader({ alg, kid: 'key-1' })
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(key);
      const call = (token: string) =>
        api(rsServer, undefined)('GET', '/v1/organizations/current', {
          headers: { authorization: `Bearer ${token}`, 'x-org-id': rsServer.organizer.orgId },
        });
      const good = await call(await sign(privateKey, 'RS256'));
      expect(good.status).toBe(200);
      expect(good.json.data.caller.role).toBe('member');
      // An HS256 token "signed" with the public key must not pass (the classic algorithm-confusion attack).
      const confused = await call(await sign(new TextEncoder().encode(JSON.stringify(jwk)), 'HS256'));
      expect(confused.status).toBe(401);
    } finally {
      await rsServer.close();
      jwksServer.close();
    }
  });
});
