import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startSecondServer, startTestServer, type TestServer } from '../../../../test/server';

let server: TestServer;
let owner: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer();
  owner = api(server, server.organizer);
});
afterAll(() => server.close());

async function keyWithRole(role: string) {
  const { json } = await owner('POST', '/v1/api-keys', { body: { name: `${role} key`, role } });
  return { orgId: server.organizer.orgId, apiKey: json.data.secret as string };
}

describe('current organization', () => {
  it('says which organization and credential the caller is', async () => {
    const res = await owner('GET', '/v1/organizations/current');
    expect(res.json.data).toMatchObject({
      id: server.organizer.orgId,
      name: 'Organizer Co',
      caller: {
        kind: 'api_key',
        role: 'owner',
        mode: 'test',
        api_key_prefix: server.organizer.apiKey.slice(0, 16),
      },
    });
  });
});

describe('API keys', () => {
  it('shows a new key once, lists it without its secret, and stops it at once when revoked', async () => {
    const created = await owner('POST', '/v1/api-keys', { body: { name: 'Deploy bot', mode: 'live' } });
    expect(created.status).toBe(201);
    const secret = created.json.data.secret as string;
    expect(secret).toMatch(/^yp_live_[0-9A-Za-z]{40}$/);
    expect(created.json.data).toMatchObject({
      name: 'Deploy bot',
      mode: 'live',
      role: 'admin',
      prefix: secret.slice(0, 16),
      revoked_at: null,
    });

    const listed = await owner('GET', '/v1/api-keys');
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect(listed.json.data.find((k: { id: string }) => k.id === created.json.data.id)).toMatchObject({
      prefix: secret.slice(0, 16),
    });

    const bot = api(server, { orgId: server.organizer.orgId, apiKey: secret });
    expect((await bot('GET', '/v1/events')).status).toBe(200);
    const afterUse = await owner('GET', '/v1/api-keys');
    expect(
      afterUse.json.data.find((k: { id: string }) => k.id === created.json.data.id).last_used_at,
    ).not.toBeNull();

    const revoked = await owner('POST', `/v1/api-keys/${created.json.data.id as string}:revoke`);
    expect(revoked.json.data.revoked_at).not.toBeNull();
    const refused = await bot('GET', '/v1/events');
    expect(refused.status).toBe(401);
    expect(refused.json.detail).toMatch(/revoked/);
  });

  it('stops a revoked key on every server process, not only the one that revoked it', async () => {
    const second = await startSecondServer(server.databaseUrl);
    try {
      const created = await owner('POST', '/v1/api-keys', { body: { name: 'Cached elsewhere' } });
      const key = { orgId: server.organizer.orgId, apiKey: created.json.data.secret as string };
      // The second process has verified (and cached) the key before it is revoked on the first.
      expect((await api(second, key)('GET', '/v1/events')).status).toBe(200);
      await owner('POST', `/v1/api-keys/${created.json.data.id as string}:revoke`);
      await expect
        .poll(async () => (await api(second, key)('GET', '/v1/events')).status, {
          timeout: 2000,
          interval: 20,
        })
        .toBe(401);
    } finally {
      await second.close();
    }
  });

  it('stops a revoked key on a process that lost its LISTEN connection, and that process listens again', async () => {
    const listeners = async () =>
      (
        await server.db.system((tx) =>
          tx.query<{ pid: number }>(
            `select pid from pg_stat_activity
              where datname = current_database() and query = 'listen yardpass_api_key_revoked'`,
          ),
        )
      ).rows.map((row) => row.pid);
    const created = await owner('POST', '/v1/api-keys', { body: { name: 'Cached through a loss' } });
    const key = { orgId: server.organizer.orgId, apiKey: created.json.data.secret as string };
    // The first process listens from its first lookup on.
    await expect.poll(async () => (await listeners()).length, { timeout: 5000 }).toBe(1);
    const before = await listeners();
    const second = await startSecondServer(server.databaseUrl);
    try {
      expect((await api(second, key)('GET', '/v1/events')).status).toBe(200);
      await expect.poll(async () => (await listeners()).length, { timeout: 5000 }).toBe(before.length + 1);
      const secondListener = (await listeners()).find((pid) => !before.includes(pid))!;
      expect((await api(second, key)('GET', '/v1/events')).status).toBe(200);

      // The second process no longer hears revocations: it must stop trusting what it cached.
      await server.db.system((tx) => tx.query('select pg_terminate_backend($1)', [secondListener]));
      await expect.poll(async () => (await listeners()).includes(secondListener)).toBe(false);
      await owner('POST', `/v1/api-keys/${created.json.data.id as string}:revoke`);
      await expect
        .poll(async () => (await api(second, key)('GET', '/v1/events')).status, {
          timeout: 2000,
          interval: 20,
        })
        .toBe(401);
      // The next lookup listened again.
      await expect.poll(async () => (await listeners()).length, { timeout: 5000 }).toBe(before.length + 1);
    } finally {
      await second.close();
    }
  });

  it('stores only a hash of the key', async () => {
    const { json } = await owner('POST', '/v1/api-keys', { body: { name: 'Hash check' } });
    const rows = await server.db.system(
      async (tx) => (await tx.query('select * from api_keys where id = $1', [json.data.id])).rows,
    );
    expect(JSON.stringify(rows)).not.toContain(json.data.secret);
    expect(rows[0].key_hash).toHaveLength(32);
  });

  it.each([
    ['yp_test_short', /Malformed API key/],
    [`yp_test_${'A'.repeat(40)}`, /Invalid API key/],
    ['not-a-token', /does not accept JWTs/],
  ])('refuses the bearer token %s with 401', async (token, detail) => {
    const res = await api(server, undefined)('GET', '/v1/events', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(res.json.detail).toMatch(detail);
  });

  it('lets only owners and admins manage keys, and never above their own role', async () => {
    const member = api(server, await keyWithRole('member'));
    const res = await member('POST', '/v1/api-keys', { body: { name: 'sneaky' } });
    expect(res.status).toBe(403);
    expect(res.json.detail).toMatch(/cannot create API keys/);
    expect((await member('GET', '/v1/api-keys')).status).toBe(403);
    const admin = api(server, await keyWithRole('admin'));
    expect((await admin('POST', '/v1/api-keys', { body: { name: 'escalate', role: 'owner' } })).status).toBe(
      403,
    );
  });

  it('gives viewers read-only access', async () => {
    const viewer = api(server, await keyWithRole('viewer'));
    expect((await viewer('GET', '/v1/events')).status).toBe(200);
    const write = await viewer('POST', '/v1/events', {
      body: { title: 'x', starts_at: '2030-01-01T00:00:00Z', ends_at: '2030-01-01T01:00:00Z' },
    });
    expect(write.status).toBe(403);
    expect(write.json.detail).toMatch(/read-only/);
  });
});

describe('members', () => {
  it('invites by email as a pending membership, changes the role, and removes it', async () => {
    const invited = await owner('POST', '/v1/members', {
      body: { email: 'sam@organizer.example', role: 'viewer' },
    });
    expect(invited.status).toBe(201);
    expect(invited.json.data).toMatchObject({
      email: 'sam@organizer.example',
      role: 'viewer',
      status: 'pending',
      user_id: null,
    });
    const id = invited.json.data.id as string;
    expect((await owner('POST', '/v1/members', { body: { email: 'SAM@organizer.example' } })).status).toBe(
      409,
    );
    expect((await owner('PATCH', `/v1/members/${id}`, { body: { role: 'admin' } })).json.data.role).toBe(
      'admin',
    );
    expect((await owner('GET', '/v1/members')).json.data.map((m: { id: string }) => m.id)).toContain(id);
    expect((await owner('DELETE', `/v1/members/${id}`)).json.data.id).toBe(id);
    expect((await owner('DELETE', `/v1/members/${id}`)).status).toBe(404);
  });

  it('rejects a bad email and an unknown role', async () => {
    const bad = await owner('POST', '/v1/members', { body: { email: 'not-an-email', role: 'boss' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/email', '/role']);
  });
});

describe('audit log', () => {
  it('pages newest first and is for owners and admins only', async () => {
    for (let i = 0; i < 3; i++) await owner('POST', '/v1/sponsors', { body: { name: `Audited ${i}` } });
    const first = await owner('GET', '/v1/audit-log?limit=2&action=sponsor.create');
    expect(first.json.data).toHaveLength(2);
    expect(first.json.has_more).toBe(true);
    const rest = await owner(
      'GET',
      `/v1/audit-log?limit=2&action=sponsor.create&starting_after=${first.json.next_cursor as string}`,
    );
    expect(rest.json.data).toHaveLength(1);
    const times = [...first.json.data, ...rest.json.data].map((e: { created_at: string }) => e.created_at);
    expect(times).toEqual([...times].sort().reverse());

    const member = api(server, await keyWithRole('member'));
    expect((await member('GET', '/v1/audit-log')).status).toBe(403);
  });

  it('rejects a cursor it did not issue', async () => {
    const res = await owner('GET', '/v1/audit-log?starting_after=garbage');
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('/starting_after');
  });
});
