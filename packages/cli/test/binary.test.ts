import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server.js';
import { assertBuilt, isolatedEnv, yardpass } from './binary.js';

let server: TestServer;
let env: Record<string, string>;

const run = (...args: string[]) => yardpass({ args, env });
const json = <T>(text: string) => JSON.parse(text) as T;

interface Event {
  id: string;
  title: string;
  city: string | null;
  brand_safety_tags: string[];
}

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  env = await isolatedEnv();
  const login = await run('login', '--api-key', server.organizer.apiKey, '--base-url', server.baseUrl);
  expect(login.code, login.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

// Each test starts several processes; under a full parallel run that takes a while.
describe('the built yardpass binary against a real server', { timeout: 60_000 }, () => {
  it('stored the login in a 0600 file, and whoami reports the organization', async () => {
    expect((await stat(join(env.XDG_CONFIG_HOME ?? '', 'yardpass', 'config.json'))).mode & 0o777).toBe(0o600);
    const { code, stdout } = await run('whoami', '--json');
    expect(code).toBe(0);
    expect(json<{ id: string; caller: { kind: string } }>(stdout)).toMatchObject({
      id: server.organizer.orgId,
      caller: { kind: 'api_key', role: 'owner' },
    });
  });

  it('manages members, package templates and the audit log, and shows the organization', async () => {
    const invited = await run('members', 'invite', '--email', 'ana@example.com', '--role', 'admin', '--json');
    expect(invited.code, invited.stderr).toBe(0);
    const member = json<{ id: string; status: string; role: string }>(invited.stdout);
    expect(member).toMatchObject({ status: 'pending', role: 'admin' });
    const demoted = await run('members', 'update', member.id, '--role', 'viewer', '--json');
    expect(json<{ role: string }>(demoted.stdout).role).toBe('viewer');
    const members = json<{ id: string }[]>((await run('members', 'list', '--json')).stdout);
    expect(members.map((m) => m.id)).toContain(member.id);
    expect((await run('members', 'remove', member.id, '--yes')).code).toBe(0);

    const template = await run(
      'package-templates',
      'create',
      '--title',
      'Gold',
      '--tier',
      'gold',
      '--price-cents',
      '150000',
      '--currency',
      'USD',
      '--json',
    );
    expect(template.code, template.stderr).toBe(0);
    const { id: templateId } = json<{ id: string }>(template.stdout);
    const templates = json<{ id: string }[]>((await run('package-templates', 'list', '--json')).stdout);
    expect(templates.map((t) => t.id)).toContain(templateId);
    const missing = await run('package-templates', 'create', '--title', 'No tier', '--no-input');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--tier');

    const audit = json<{ action: string }[]>((await run('audit-log', 'list', '--json')).stdout);
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['member.invite']));
    const current = await run('orgs', 'current', '--json');
    expect(json<{ id: string }>(current.stdout).id).toBe(server.organizer.orgId);
  });

  it('creates, gets, lists, updates and deletes an event, printing the API JSON', async () => {
    const created = await run(
      'events',
      'create',
      '--title',
      'Summer Fest',
      '--starts-at',
      '2026-07-01T18:00:00Z',
      '--ends-at',
      '2026-07-01T23:00:00Z',
      '--brand-safety-tags',
      'family,outdoor',
      '--json',
    );
    expect(created.code, created.stderr).toBe(0);
    const event = json<Event>(created.stdout);
    expect(event).toMatchObject({ title: 'Summer Fest', brand_safety_tags: ['family', 'outdoor'] });

    const got = await run('events', 'get', event.id, '--json');
    expect(json(got.stdout)).toEqual(event);

    const listed = await run('events', 'list', '--json');
    expect(json<Event[]>(listed.stdout).map((item) => item.id)).toContain(event.id);

    const updated = await run('events', 'update', event.id, '--city', 'Austin', '--json');
    expect(json<Event>(updated.stdout)).toMatchObject({ id: event.id, city: 'Austin' });

    const table = await run('events', 'list');
    expect(table.stdout).toMatch(/^ID +TITLE +STARTS +CITY +CATEGORY\n/);
    expect(table.stdout).toContain('Summer Fest  2026-07-01 18:00 UTC  Austin');

    const deleted = await run('events', 'delete', event.id, '--yes', '--json');
    expect(json(deleted.stdout)).toEqual({ id: event.id, deleted: true });
    expect((await run('events', 'get', event.id)).code).toBe(1);
  });

  it('pages through the whole list when --limit is above one page', async () => {
    const call = api(server, server.organizer);
    await Promise.all(
      Array.from({ length: 105 }, (_, index) =>
        call('POST', '/v1/sponsors', { body: { name: `Brand ${String(index).padStart(3, '0')}` } }),
      ),
    );
    const all = await run('sponsors', 'list', '--limit', '500', '--json');
    expect(json<unknown[]>(all.stdout)).toHaveLength(105);
    const some = await run('sponsors', 'list', '--limit', '7');
    expect(some.stdout.trim().split('\n')).toHaveLength(8);
    expect(some.stderr).toContain('Showing the first 7');
  });

  it('sets and reads a sponsor profile from --data on standard input', async () => {
    const sponsor = json<{ id: string }>(
      (await run('sponsors', 'create', '--name', 'Fizz Cola', '--json')).stdout,
    );
    const set = await yardpass({
      args: ['sponsors', 'profile', 'set', sponsor.id, '--data', '-', '--budget-max-cents', '2500000'],
      env,
      input: JSON.stringify({ categories: ['music'], budget_min_cents: 150000 }),
    });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/Budget min +\$1,500\.00\n/);
    const got = await run('sponsors', 'profile', 'get', sponsor.id, '--json');
    expect(json(got.stdout)).toMatchObject({
      categories: ['music'],
      budget_min_cents: 150000,
      budget_max_cents: 2500000,
    });
  });

  it('sends any request with `yardpass api`', async () => {
    const { code, stdout } = await run('api', 'GET', '/v1/organizations/current');
    expect(code).toBe(0);
    expect(json<{ data: { id: string } }>(stdout).data.id).toBe(server.organizer.orgId);
  });

  it('creates a key that works, and revokes it so that it stops working (exit code 4)', async () => {
    const created = await run('keys', 'create', '--name', 'CI', '--role', 'viewer', '--json');
    const key = json<{ id: string; secret: string }>(created.stdout);
    const withKey = (...args: string[]) => yardpass({ args, env: { ...env, YARDPASS_API_KEY: key.secret } });
    expect((await withKey('whoami')).code).toBe(0);
    expect((await run('keys', 'revoke', key.id, '--yes')).code).toBe(0);
    const rejected = await withKey('whoami');
    expect(rejected.code).toBe(4);
    expect(rejected.stderr).toContain('The server rejected YARDPASS_API_KEY');
  });

  it("answers 404 for another organization's event, with exit code 1 and the request id", async () => {
    const other = await api(server, server.sponsor)('POST', '/v1/events', {
      body: { title: 'Theirs', starts_at: '2026-07-01T18:00:00Z', ends_at: '2026-07-01T23:00:00Z' },
    });
    const { code, stdout, stderr } = await run(
      'events',
      'get',
      String((other.json as { data: { id: string } }).data.id),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Request ID: \S+/);
    expect(stderr).not.toContain('    at ');
  });

  it('exits with 2 at once, naming the flag, when a required value is missing and there is no terminal', async () => {
    const { code, stderr } = await run('sponsors', 'create');
    expect(code).toBe(2);
    expect(stderr).toContain('Missing --name');
  });

  it('refuses to delete without --yes when there is no terminal, and deletes nothing', async () => {
    const sponsor = json<{ id: string }>(
      (await run('sponsors', 'create', '--name', 'Keep Me', '--json')).stdout,
    );
    const { code, stderr } = await run('sponsors', 'delete', sponsor.id);
    expect(code).toBe(2);
    expect(stderr).toContain('pass --yes');
    expect((await run('sponsors', 'get', sponsor.id)).code).toBe(0);
  });

  it('shows the field errors of invalid input with exit code 2, as for invalid input the CLI catches', async () => {
    const { code, stderr } = await run('sponsors', 'create', '--name', 'Bad', '--website-url', 'not a url');
    expect(code).toBe(2);
    expect(stderr).toContain('/website_url');
  });
});
