import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startEarlyInARateLimitWindow, startTestServer, type TestServer } from '../../../../test/server';
import { seedCommerce } from '../../test/commerce-fixtures';
import { cleanup } from '../domain/cleanup';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let sponsor: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestServer({ JWT_SECRET: SECRET });
  organizer = api(server, server.organizer);
  sponsor = api(server, server.sponsor);
});
afterAll(() => server.close());

/** A signed-in user of the organizer organization (JWT with `X-Org-Id`). */
async function asUser(subject: string, email: string) {
  const token = await new SignJWT({ sub: subject, email })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));
  const call = api(server, undefined);
  return (method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
    call(method, path, {
      ...options,
      headers: { authorization: `Bearer ${token}`, 'x-org-id': server.organizer.orgId, ...options.headers },
    });
}

/** An active member of the organizer organization with `role`, signed in once. */
async function orgMember(role: 'member' | 'viewer') {
  const email = `${randomUUID().slice(0, 8)}@organizer.example`;
  expect((await organizer('POST', '/v1/members', { body: { email, role } })).status).toBe(201);
  const user = await asUser(`auth0|${email}`, email);
  expect((await user('GET', '/v1/organizations/current')).status).toBe(200);
  return { email, call: user };
}

async function createWorkspace(body: Record<string, unknown> = {}) {
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const res = await organizer('POST', '/v1/sponsorship-workspaces', {
    body: { name: 'Premium Sponsors', slug, ...body },
  });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; slug: string };
}

async function eventsOfType(type: string, id: string) {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ data: { id?: string; widget_id?: string } }>(
      `select data from webhook_events where type = $1 and (data->>'id' = $2 or data->>'workspace_id' = $2)`,
      [type, id],
    ),
  );
  return rows;
}

describe('workspaces', () => {
  it('creates a workspace with the guide body, lists, updates, archives, and sends the webhooks', async () => {
    const created = await organizer('POST', '/v1/sponsorship-workspaces', {
      body: {
        name: 'Premium Sponsors',
        slug: 'premium-sponsors',
        default_role: 'viewer',
        auto_invite: ['manager@brand.example'],
        settings: {
          timezone: 'America/Los_Angeles',
          goal_gmv_cents: 12_500_000,
          reporting_webhook: 'https://hooks.slack.com/services/T000/B000/XXX',
        },
      },
    });
    expect(created.status).toBe(201);
    const workspace = created.json.data;
    expect(workspace).toMatchObject({
      name: 'Premium Sponsors',
      slug: 'premium-sponsors',
      default_role: 'viewer',
      role: 'owner',
      org_id: server.organizer.orgId,
      archived_at: null,
      settings: { timezone: 'America/Los_Angeles', goal_gmv_cents: 12_500_000 },
    });
    expect(await eventsOfType('workspace.created', workspace.id)).toHaveLength(1);

    const members = await organizer('GET', `/v1/sponsorship-workspaces/${workspace.id}/members`);
    expect(members.json.data).toEqual([
      expect.objectContaining({
        email: 'manager@brand.example',
        role: 'viewer',
        status: 'pending',
        user_id: null,
      }),
    ]);
    // The invitee is invited to the organization as well, so that the first sign-in can activate both.
    const orgMembers = await organizer('GET', '/v1/members?limit=100');
    expect(orgMembers.json.data).toContainEqual(
      expect.objectContaining({ email: 'manager@brand.example', role: 'viewer', status: 'pending' }),
    );

    const list = await organizer('GET', '/v1/sponsorship-workspaces?limit=100');
    expect(list.json.data.map((w: { id: string }) => w.id)).toContain(workspace.id);

    const updated = await organizer('PATCH', `/v1/sponsorship-workspaces/${workspace.id}`, {
      body: { name: 'Premium', settings: { goal_gmv_cents: 20_000_000, reporting_webhook: null } },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.data.settings).toEqual({
      timezone: 'America/Los_Angeles',
      goal_gmv_cents: 20_000_000,
    });
    expect(updated.json.data.name).toBe('Premium');

    const archived = await organizer('POST', `/v1/sponsorship-workspaces/${workspace.id}:archive`);
    expect(archived.json.data.archived_at).toEqual(expect.any(String));
    expect(await eventsOfType('workspace.updated', workspace.id)).toHaveLength(2);
    const active = await organizer('GET', '/v1/sponsorship-workspaces?limit=100');
    expect(active.json.data.map((w: { id: string }) => w.id)).not.toContain(workspace.id);
    const archivedList = await organizer('GET', '/v1/sponsorship-workspaces?archived=true');
    expect(archivedList.json.data.map((w: { id: string }) => w.id)).toContain(workspace.id);
    const refused = await organizer('PATCH', `/v1/sponsorship-workspaces/${workspace.id}`, {
      body: { name: 'X' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.current_status).toBe('archived');

    const audit = await organizer('GET', `/v1/sponsorship-workspaces/${workspace.id}/audit?limit=2`);
    expect(audit.json.data.map((entry: { action: string }) => entry.action)).toEqual([
      'workspace.archive',
      'workspace.update',
    ]);
    const rest = await organizer(
      'GET',
      `/v1/sponsorship-workspaces/${workspace.id}/audit?starting_after=${audit.json.next_cursor}`,
    );
    expect(rest.json.data.map((entry: { action: string }) => entry.action)).toEqual(['workspace.create']);
    expect(rest.json.data[0]).toMatchObject({ actor_type: 'api_key', resource_type: 'workspace' });
  });

  it.each([
    ['a slug with capitals', { name: 'X', slug: 'Premium' }, '/slug'],
    ['no name', { slug: 'ok-slug' }, '/name'],
    ['an unknown field', { name: 'X', slug: 'ok-slug', color: 'red' }, '/'],
    [
      'an unknown time zone',
      { name: 'X', slug: 'ok-slug', settings: { timezone: 'Mars/Olympus' } },
      '/settings/timezone',
    ],
    [
      'a reporting webhook that is not http(s)',
      { name: 'X', slug: 'ok-slug', settings: { reporting_webhook: 'ftp://hooks.example/report' } },
      '/settings/reporting_webhook',
    ],
    ['a bad invite', { name: 'X', slug: 'ok-slug', auto_invite: ['not-an-email'] }, '/auto_invite/0'],
  ])('refuses %s with a 400 naming the field', async (_name, body, path) => {
    const res = await organizer('POST', '/v1/sponsorship-workspaces', { body });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it('keeps slugs unique per organization when 20 creates race, naming the slug in the 409', async () => {
    const slug = `race-${randomUUID().slice(0, 8)}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        organizer('POST', '/v1/sponsorship-workspaces', { body: { name: 'Race', slug } }),
      ),
    );
    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    const conflicts = answers.filter((res) => res.status === 409);
    expect(conflicts).toHaveLength(19);
    for (const res of conflicts) expect(res.json.detail).toContain(`"${slug}"`);
    const { rows } = await server.db.system((tx) =>
      tx.query('select 1 from sponsorship_workspaces where slug = $1', [slug]),
    );
    expect(rows).toHaveLength(1);
    // Another organization may use the same slug.
    expect(
      (await sponsor('POST', '/v1/sponsorship-workspaces', { body: { name: 'Race', slug } })).status,
    ).toBe(201);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const slug = `idem-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const first = await organizer('POST', '/v1/sponsorship-workspaces', {
      body: { name: 'Idem', slug },
      headers: { 'idempotency-key': key },
    });
    const again = await organizer('POST', '/v1/sponsorship-workspaces', {
      body: { name: 'Idem', slug },
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.data.id).toBe(first.json.data.id);
    expect(await eventsOfType('workspace.created', first.json.data.id)).toHaveLength(1);
  });

  it('answers 404 to another organization and 401 without credentials', async () => {
    const { id } = await createWorkspace();
    const paths: [string, string, unknown?][] = [
      ['GET', `/v1/sponsorship-workspaces/${id}`],
      ['PATCH', `/v1/sponsorship-workspaces/${id}`, { name: 'Mine now' }],
      ['POST', `/v1/sponsorship-workspaces/${id}:archive`],
      ['GET', `/v1/sponsorship-workspaces/${id}/members`],
      ['POST', `/v1/sponsorship-workspaces/${id}/members`, { email: 'x@sponsor.example' }],
      ['GET', `/v1/sponsorship-workspaces/${id}/links`],
      ['POST', `/v1/sponsorship-workspaces/${id}:link`, { event_ids: [randomUUID()] }],
      ['GET', `/v1/sponsorship-workspaces/${id}/audit`],
      ['GET', `/v1/sponsorship-workspaces/${id}/widgets`],
      [
        'PUT',
        `/v1/sponsorship-workspaces/${id}/widgets/kpi`,
        { widget_type: 'kpi_tile', config: { metric: 'orders' } },
      ],
    ];
    for (const [method, path, body] of paths) {
      const other = await sponsor(method, path, { body });
      expect(other.status, `${method} ${path}`).toBe(404);
      expect((await api(server, undefined)(method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
    const list = await sponsor('GET', '/v1/sponsorship-workspaces?limit=100');
    expect(list.json.data.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await organizer('GET', `/v1/sponsorship-workspaces/${id}`)).json.data.name).toBe(
      'Premium Sponsors',
    );
  });
});

describe('workspace members and row-level security', () => {
  it('makes a user creator the owner and activates auto-invitations on first sign-in', async () => {
    const owner = await orgMember('member');
    const created = await owner.call('POST', '/v1/sponsorship-workspaces', {
      body: {
        name: 'Users',
        slug: `users-${randomUUID().slice(0, 8)}`,
        default_role: 'editor',
        auto_invite: ['lee@brand.example'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.data.role).toBe('owner');
    const id = created.json.data.id as string;

    const lee = await asUser('auth0|lee', 'lee@brand.example');
    const signedIn = await lee('GET', `/v1/sponsorship-workspaces/${id}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.data.role).toBe('editor');
    const audit = await owner.call('GET', `/v1/sponsorship-workspaces/${id}/audit`);
    expect(audit.json.data[0]).toMatchObject({
      action: 'member.activate',
      actor_type: 'user',
      details: { role: 'editor' },
    });
    const members = await owner.call('GET', `/v1/sponsorship-workspaces/${id}/members`);
    expect(members.json.data).toHaveLength(2);
    expect(members.json.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: owner.email, role: 'owner', status: 'active' }),
        expect.objectContaining({
          email: 'lee@brand.example',
          role: 'editor',
          status: 'active',
          user_id: expect.any(String),
        }),
      ]),
    );
  });

  it('hides a workspace from organization members who are not its members, in the database as well', async () => {
    const { id } = await createWorkspace();
    const outsider = await orgMember('member');
    expect((await outsider.call('GET', `/v1/sponsorship-workspaces/${id}`)).status).toBe(404);
    const list = await outsider.call('GET', '/v1/sponsorship-workspaces?limit=100');
    expect(list.json.data.map((w: { id: string }) => w.id)).not.toContain(id);

    // The second wall: with the domain's check out of the way, row-level security shows the row only to members.
    const userId = (await outsider.call('GET', '/v1/organizations/current')).json.data.caller
      .user_id as string;
    const visible = (access: string) =>
      server.db.tenant(server.organizer.orgId, async (tx) => {
        await tx.query(`select set_config('yardpass.workspace_user', $1, true)`, [access]);
        const { rows } = await tx.query('select id from sponsorship_workspaces where id = $1', [id]);
        return rows.length;
      });
    expect(await visible(userId)).toBe(0);
    expect(await visible('')).toBe(0);
    expect(await visible('organization')).toBe(1);
    const added = await organizer('POST', `/v1/sponsorship-workspaces/${id}/members`, {
      body: { email: outsider.email, role: 'viewer' },
    });
    expect(added.json.data).toMatchObject({ status: 'active', role: 'viewer' });
    expect(await visible(userId)).toBe(1);
    expect((await outsider.call('GET', `/v1/sponsorship-workspaces/${id}`)).json.data.role).toBe('viewer');

    const again = await organizer('POST', `/v1/sponsorship-workspaces/${id}/members`, {
      body: { email: outsider.email },
    });
    expect(again.status).toBe(409);
    const removed = await organizer(
      'DELETE',
      `/v1/sponsorship-workspaces/${id}/members/${added.json.data.id}`,
    );
    expect(removed.status).toBe(200);
    expect((await outsider.call('GET', `/v1/sponsorship-workspaces/${id}`)).status).toBe(404);
    expect(
      (await organizer('DELETE', `/v1/sponsorship-workspaces/${id}/members/${randomUUID()}`)).status,
    ).toBe(404);
  });

  it('lets a viewer read widgets but not change them (403), and an editor change them', async () => {
    const { id } = await createWorkspace();
    const viewer = await orgMember('member');
    const editor = await orgMember('member');
    await organizer('POST', `/v1/sponsorship-workspaces/${id}/members`, {
      body: { email: viewer.email, role: 'viewer' },
    });
    await organizer('POST', `/v1/sponsorship-workspaces/${id}/members`, {
      body: { email: editor.email, role: 'editor' },
    });
    const body = { widget_type: 'kpi_tile', config: { metric: 'orders' } };
    const denied = await viewer.call('PUT', `/v1/sponsorship-workspaces/${id}/widgets/kpi`, { body });
    expect(denied.status).toBe(403);
    expect(denied.json.detail).toContain('editor');
    expect((await editor.call('PUT', `/v1/sponsorship-workspaces/${id}/widgets/kpi`, { body })).status).toBe(
      200,
    );
    expect((await viewer.call('GET', `/v1/sponsorship-workspaces/${id}/widgets/kpi`)).status).toBe(200);
    expect((await viewer.call('DELETE', `/v1/sponsorship-workspaces/${id}/widgets/kpi`)).status).toBe(403);
    // Members and settings are the owner's.
    expect(
      (await editor.call('PATCH', `/v1/sponsorship-workspaces/${id}`, { body: { name: 'Mine' } })).status,
    ).toBe(403);
  });
});

describe('workspace links', () => {
  it("links the organization's events, packages and orders and refuses other organizations' ids with a 422", async () => {
    const { id } = await createWorkspace();
    const { eventId, packageId, sponsorId } = await seedCommerce(server);
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, amount_cents: 150_000, currency: 'USD' },
    });
    expect(order.status).toBe(201);
    const theirs = await seedCommerce(server, { organizer: server.sponsor, sponsorOrg: server.organizer });

    const linked = await organizer('POST', `/v1/sponsorship-workspaces/${id}:link`, {
      body: { event_ids: [eventId], package_ids: [packageId, packageId], order_ids: [order.json.data.id] },
    });
    expect(linked.status).toBe(200);
    expect(linked.json.data).toEqual({
      event_ids: [eventId],
      package_ids: [packageId],
      order_ids: [order.json.data.id],
    });

    const foreign = await organizer('POST', `/v1/sponsorship-workspaces/${id}:link`, {
      body: { event_ids: [theirs.eventId], package_ids: [packageId, theirs.packageId] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.errors.map((error: { path: string }) => error.path)).toEqual([
      '/event_ids/0',
      '/package_ids/1',
    ]);
    expect((await organizer('POST', `/v1/sponsorship-workspaces/${id}:link`, { body: {} })).status).toBe(400);

    const unlinked = await organizer('POST', `/v1/sponsorship-workspaces/${id}:unlink`, {
      body: { package_ids: [packageId] },
    });
    expect(unlinked.json.data.package_ids).toEqual([]);
    expect((await organizer('GET', `/v1/sponsorship-workspaces/${id}/links`)).json.data.event_ids).toEqual([
      eventId,
    ]);
  });
});

describe('widgets', () => {
  it('upserts idempotently by widget id, sends widget.updated once per change, and audits it', async () => {
    const { id } = await createWorkspace();
    const { packageId } = await seedCommerce(server);
    const body = {
      package_id: packageId,
      widget_type: 'marketplace_card',
      config: {
        highlight: 'Platinum',
        cta: 'Request Proposal',
        metrics: ['views', 'leads', 'conversion_rate'],
      },
    };
    const first = await organizer('PUT', `/v1/sponsorship-workspaces/${id}/widgets/hero-card`, { body });
    expect(first.status).toBe(200);
    expect(first.json.data).toMatchObject({
      widget_id: 'hero-card',
      workspace_id: id,
      package_id: packageId,
      published: false,
      metrics: { views: 0, leads: 0, conversion_rate: null },
    });
    const same = await organizer('PUT', `/v1/sponsorship-workspaces/${id}/widgets/hero-card`, { body });
    expect(same.json.data).toEqual(first.json.data);
    expect(await eventsOfType('widget.updated', id)).toHaveLength(1);
    const changed = await organizer('PUT', `/v1/sponsorship-workspaces/${id}/widgets/hero-card`, {
      body: { ...body, config: { highlight: 'Gold' } },
    });
    expect(changed.json.data.config).toEqual({ highlight: 'Gold' });
    expect(await eventsOfType('widget.updated', id)).toHaveLength(2);

    const list = await organizer('GET', `/v1/sponsorship-workspaces/${id}/widgets`);
    expect(list.json.data.map((w: { widget_id: string }) => w.widget_id)).toEqual(['hero-card']);
    const deleted = await organizer('DELETE', `/v1/sponsorship-workspaces/${id}/widgets/hero-card`);
    expect(deleted.status).toBe(200);
    expect((await organizer('GET', `/v1/sponsorship-workspaces/${id}/widgets/hero-card`)).status).toBe(404);
    const audit = await organizer('GET', `/v1/sponsorship-workspaces/${id}/audit`);
    expect(audit.json.data.map((entry: { action: string }) => entry.action)).toEqual([
      'widget.delete',
      'widget.put',
      'widget.put',
      'workspace.create',
    ]);
  });

  it('replays a PUT with the same Idempotency-Key', async () => {
    const { id } = await createWorkspace();
    const key = randomUUID();
    const put = () =>
      organizer('PUT', `/v1/sponsorship-workspaces/${id}/widgets/orders`, {
        body: { widget_type: 'kpi_tile', config: { metric: 'orders' } },
        headers: { 'idempotency-key': key },
      });
    const first = await put();
    const again = await put();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
  });

  it.each([
    [
      'a config key the type does not take',
      { widget_type: 'kpi_tile', config: { metric: 'orders', color: 'red' } },
      '/config',
    ],
    ['a kpi without metric', { widget_type: 'kpi_tile', config: {} }, '/config/metric'],
    ['a list limit too large', { widget_type: 'package_list', config: { limit: 500 } }, '/config/limit'],
    ['a card without package', { widget_type: 'marketplace_card', config: {} }, '/package_id'],
    ['an unknown type', { widget_type: 'pie_chart', config: {} }, '/widget_type'],
  ])('refuses %s with a 400', async (_name, body, path) => {
    const { id } = await createWorkspace();
    const res = await organizer('PUT', `/v1/sponsorship-workspaces/${id}/widgets/w1`, { body });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it('refuses a widget id outside its pattern (400 on PUT, 404 on GET and DELETE)', async () => {
    const { id } = await createWorkspace();
    const bad = `/v1/sponsorship-workspaces/${id}/widgets/${encodeURIComponent('bad id!')}`;
    const put = await organizer('PUT', bad, {
      body: { widget_type: 'kpi_tile', config: { metric: 'orders' } },
    });
    expect(put.status).toBe(400);
    expect(put.json.errors[0].path).toBe('/widgetId');
    expect((await organizer('GET', bad)).status).toBe(404);
    expect((await organizer('DELETE', bad)).status).toBe(404);
    const long = `/v1/sponsorship-workspaces/${id}/widgets/${'w'.repeat(65)}`;
    expect(
      (await organizer('PUT', long, { body: { widget_type: 'kpi_tile', config: { metric: 'orders' } } }))
        .status,
    ).toBe(400);
  });

  it("refuses a card of another organization's package with a 422", async () => {
    const { id } = await createWorkspace();
    const theirs = await seedCommerce(server, { organizer: server.sponsor, sponsorOrg: server.organizer });
    const res = await organizer('PUT', `/v1/sponsorship-workspaces/${id}/widgets/card`, {
      body: { widget_type: 'marketplace_card', package_id: theirs.packageId },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].path).toBe('/package_id');
  });
});

describe('public widgets', () => {
  async function publish(workspaceId: string, widgetId: string, body: Record<string, unknown>) {
    const res = await organizer('PUT', `/v1/sponsorship-workspaces/${workspaceId}/widgets/${widgetId}`, {
      body: { ...body, published: true },
    });
    expect(res.status).toBe(200);
    return res.json.data.public_id as string;
  }
  const anonymous = () => api(server, undefined);
  /**
   * The public answer once it satisfies `ok`: a change reaches the server's in-memory copy by notification, within
   * milliseconds but not before the writer's answer (docs/workspaces.md).
   */
  async function publicAnswer(
    publicId: string,
    ok: (res: Awaited<ReturnType<ReturnType<typeof api>>>) => boolean,
    headers: Record<string, string> = {},
  ) {
    for (let attempt = 0; ; attempt++) {
      const res = await anonymous()('GET', `/v1/public/widgets/${publicId}`, { headers });
      if (ok(res) || attempt === 50) return res;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('serves a card with live availability, exactly its fields, an ETag (304) and CORS', async () => {
    const { id } = await createWorkspace();
    const { packageId, sponsorId } = await seedCommerce(server, { inventory: 3 });
    const publicId = await publish(id, 'card', {
      package_id: packageId,
      widget_type: 'marketplace_card',
      config: { highlight: 'Platinum' },
    });
    const res = await anonymous()('GET', `/v1/public/widgets/${publicId}`, {
      headers: { origin: 'https://fan.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(Object.keys(res.json).sort()).toEqual(['data']);
    expect(Object.keys(res.json.data).sort()).toEqual([
      'cta',
      'highlight',
      'package',
      'public_id',
      'widget_type',
    ]);
    expect(Object.keys(res.json.data.package).sort()).toEqual([
      'available',
      'currency',
      'price_cents',
      'sold_out',
      'tier',
      'title',
    ]);
    expect(res.json.data).toMatchObject({
      widget_type: 'marketplace_card',
      highlight: 'Platinum',
      cta: 'Request Proposal',
      package: { available: 3, sold_out: false, price_cents: 150_000, currency: 'USD' },
    });
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const notModified = await anonymous()('GET', `/v1/public/widgets/${publicId}`, {
      headers: { 'if-none-match': etag },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');

    // A sale is an input: the next read rebuilds the card.
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, amount_cents: 150_000, currency: 'USD' },
    });
    expect(order.status).toBe(201);
    const after = await publicAnswer(publicId, (res) => res.status === 200, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.json.data.package.available).toBe(2);
    expect(after.headers.get('etag')).not.toBe(etag);

    const preflight = await fetch(`${server.baseUrl}/v1/public/widgets/${publicId}/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://fan.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');

    await organizer('PUT', `/v1/sponsorship-workspaces/${id}/widgets/card`, {
      body: { package_id: packageId, widget_type: 'marketplace_card', published: false },
    });
    const gone = await publicAnswer(publicId, (res) => res.status === 404);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('access-control-allow-origin')).toBe('*');
    expect((await anonymous()('GET', `/v1/public/widgets/${randomUUID()}`)).status).toBe(404);
    expect((await anonymous()('GET', '/v1/public/widgets/not-a-uuid')).status).toBe(404);
  });

  it('serves a package list, a KPI tile and a leaderboard over the workspace scope with only their fields', async () => {
    const { id } = await createWorkspace({ settings: { goal_gmv_cents: 1_000_000 } });
    const { eventId, packageId, sponsorId } = await seedCommerce(server);
    await organizer('POST', `/v1/sponsorship-workspaces/${id}:link`, { body: { event_ids: [eventId] } });
    const order = await sponsor('POST', '/v1/sponsorship-orders', {
      body: { package_id: packageId, sponsor_id: sponsorId, amount_cents: 150_000, currency: 'USD' },
    });
    const funded = await sponsor('POST', `/v1/sponsorship-orders/${order.json.data.id}:fund`, {
      body: { payment_method_id: 'pm_card_visa' },
    });
    expect(funded.status).toBe(200);

    const list = await publish(id, 'list', { widget_type: 'package_list', config: { title: 'Sponsor us' } });
    const kpi = await publish(id, 'gmv', { widget_type: 'kpi_tile', config: { metric: 'gmv_cents' } });
    const board = await publish(id, 'board', { widget_type: 'leaderboard', config: { limit: 3 } });

    const listBody = (await anonymous()('GET', `/v1/public/widgets/${list}`)).json.data;
    expect(Object.keys(listBody).sort()).toEqual(['cta', 'packages', 'public_id', 'title', 'widget_type']);
    expect(listBody.packages).toEqual([
      {
        title: 'Main stage naming',
        tier: 'gold',
        price_cents: 150_000,
        currency: 'USD',
        available: 9,
        sold_out: false,
      },
    ]);
    const kpiBody = (await anonymous()('GET', `/v1/public/widgets/${kpi}`)).json.data;
    expect(kpiBody).toEqual({
      widget_type: 'kpi_tile',
      public_id: kpi,
      metric: 'gmv_cents',
      label: 'GMV',
      value: 150_000,
      goal: 1_000_000,
      currency: 'USD',
    });
    const boardBody = (await anonymous()('GET', `/v1/public/widgets/${board}`)).json.data;
    expect(boardBody).toEqual({
      widget_type: 'leaderboard',
      public_id: board,
      title: null,
      currency: 'USD',
      entries: [{ rank: 1, sponsor_name: 'Fizzy Cola', amount_cents: 150_000 }],
    });

    // Archiving the workspace takes its widgets off the public endpoint.
    await organizer('POST', `/v1/sponsorship-workspaces/${id}:archive`);
    expect((await publicAnswer(kpi, (res) => res.status === 404)).status).toBe(404);
  });

  it('records views, leads and errors into the metrics, and counts them for Prometheus', async () => {
    const { id } = await createWorkspace();
    const publicId = await publish(id, 'orders', { widget_type: 'kpi_tile', config: { metric: 'orders' } });
    const post = (body: unknown) => anonymous()('POST', `/v1/public/widgets/${publicId}/events`, { body });
    for (const type of ['view', 'view', 'view', 'view', 'lead', 'error'])
      expect((await post({ type, ...(type === 'error' ? { detail: 'render failed' } : {}) })).status).toBe(
        202,
      );
    expect((await post({ type: 'click' })).status).toBe(400);
    expect((await post({ type: 'view', extra: 1 })).status).toBe(400);
    expect(
      (await anonymous()('POST', `/v1/public/widgets/${randomUUID()}/events`, { body: { type: 'view' } }))
        .status,
    ).toBe(404);

    const widget = await organizer('GET', `/v1/sponsorship-workspaces/${id}/widgets/orders`);
    expect(widget.json.data.metrics).toEqual({ views: 4, leads: 1, conversion_rate: 0.25 });
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/yardpass_widget_events_total\{type="error"\} 1/);
    expect(metrics).toMatch(/yardpass_widget_events_total\{type="view"\} 4/);
  });
});

describe('public widget events rate limit', () => {
  it('answers 429 with Retry-After past the write limit, per widget and client address', async () => {
    const limited = await startTestServer({ YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '3' });
    try {
      const workspace = await api(limited, limited.organizer)('POST', '/v1/sponsorship-workspaces', {
        body: { name: 'Limited', slug: 'limited' },
      });
      const widget = await api(limited, limited.organizer)(
        'PUT',
        `/v1/sponsorship-workspaces/${workspace.json.data.id}/widgets/orders`,
        { body: { widget_type: 'kpi_tile', config: { metric: 'orders' }, published: true } },
      );
      const post = () =>
        api(limited, undefined)('POST', `/v1/public/widgets/${widget.json.data.public_id}/events`, {
          body: { type: 'view' },
        });
      await startEarlyInARateLimitWindow();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await post()).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      const refused = await post();
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await limited.close();
    }
  });
});

describe('workspace audit retention', () => {
  it('deletes entries older than 30 days in the cleanup task', async () => {
    const { id } = await createWorkspace();
    await server.db.system((tx) =>
      tx.query(
        `insert into sponsorship_workspace_audit (workspace_id, org_id, actor_type, action, resource_type, created_at)
         values ($1, $2, 'system', 'old.entry', 'workspace', now() - interval '31 days')`,
        [id, server.organizer.orgId],
      ),
    );
    const result = await cleanup(server.db, { auditRetentionDays: 30, now: new Date() });
    expect(result.workspace_audit_entries).toBeGreaterThanOrEqual(1);
    const audit = await organizer('GET', `/v1/sponsorship-workspaces/${id}/audit`);
    expect(audit.json.data.map((entry: { action: string }) => entry.action)).toEqual(['workspace.create']);
  });
});
