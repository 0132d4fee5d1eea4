import { describe, expect, it } from 'vitest';
import { seedCommerce } from '../../server/test/commerce-fixtures.js';
import { useTwoParties, yardpass } from './binary.js';

// `yardpass workspaces …` and `yardpass widgets …` through the built binary, against a real server.
const parties = useTwoParties();
const run = (...args: string[]) => yardpass({ args, env: parties.organizerEnv });
const json = async <T>(...args: string[]): Promise<T> => {
  const result = await run(...args, '--json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
};

describe('yardpass workspaces and widgets', () => {
  it('creates a workspace, manages members and links, publishes a widget and reads it publicly', async () => {
    const { eventId, packageId } = await seedCommerce(parties.server);
    const workspace = await json<{ id: string; role: string }>(
      'workspaces',
      'create',
      '--name',
      'Premium Sponsors',
      '--slug',
      'premium-sponsors',
      '--auto-invite',
      'manager@brand.example',
      '--settings',
      '{"timezone":"America/Los_Angeles","goal_gmv_cents":12500000}',
    );
    expect(workspace.role).toBe('owner');
    const id = workspace.id;

    const taken = await run('workspaces', 'create', '--name', 'Again', '--slug', 'premium-sponsors');
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain('premium-sponsors');

    const listed = await run('workspaces', 'list');
    expect(listed.stdout).toContain('premium-sponsors');
    expect((await json<{ name: string }>('workspaces', 'update', id, '--name', 'Premium')).name).toBe(
      'Premium',
    );
    expect((await json<{ slug: string }>('workspaces', 'show', id)).slug).toBe('premium-sponsors');

    const added = await json<{ email: string; status: string }>(
      'workspaces',
      'members',
      'add',
      id,
      '--email',
      'ana@example.com',
      '--role',
      'editor',
    );
    expect(added).toMatchObject({ email: 'ana@example.com', status: 'pending' });
    const members = await json<{ id: string; email: string }[]>('workspaces', 'members', 'list', id);
    expect(members.map((member) => member.email).sort()).toEqual([
      'ana@example.com',
      'manager@brand.example',
    ]);
    const ana = members.find((member) => member.email === 'ana@example.com')!;
    expect((await run('workspaces', 'members', 'remove', id, ana.id, '--yes')).code).toBe(0);

    const links = await json<{ event_ids: string[] }>('workspaces', 'link', id, '--event-ids', eventId);
    expect(links.event_ids).toEqual([eventId]);

    const widget = await json<{ public_id: string; published: boolean }>(
      'widgets',
      'put',
      id,
      'hero-card',
      '--type',
      'marketplace_card',
      '--package-id',
      packageId,
      '--config',
      '{"highlight":"Platinum"}',
      '--published',
    );
    expect(widget.published).toBe(true);
    const card = await json<{ package: { available: number } }>('widgets', 'public', widget.public_id);
    expect(card.package.available).toBe(10);
    expect((await run('widgets', 'record-event', widget.public_id, '--type', 'view')).code).toBe(0);
    expect((await run('widgets', 'record-event', widget.public_id, '--type', 'lead')).code).toBe(0);
    const shown = await json<{ metrics: unknown }>('widgets', 'show', id, 'hero-card');
    expect(shown.metrics).toEqual({ views: 1, leads: 1, conversion_rate: 1 });
    expect((await run('widgets', 'list', id)).stdout).toContain('hero-card');
    const badConfig = await run('widgets', 'put', id, 'x', '--type', 'kpi_tile', '--config', '[1]');
    expect(badConfig.code).toBe(2);
    expect((await run('widgets', 'delete', id, 'hero-card', '--yes')).code).toBe(0);

    expect((await run('workspaces', 'archive', id, '--yes')).code).toBe(0);
    const audit = await json<{ action: string }[]>('workspaces', 'audit', id);
    expect(audit.map((entry) => entry.action)).toEqual([
      'workspace.archive',
      'widget.delete',
      'widget.put',
      'workspace.link',
      'member.remove',
      'member.add',
      'workspace.update',
      'workspace.create',
    ]);
  });
});
