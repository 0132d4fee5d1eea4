import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../../../test/server.js';
import { captureCommandCenterFeed } from '../../server/src/domain/command-center.js';
import { orderPackage, seedCommerce } from '../../server/test/commerce-fixtures.js';
import { BINARY, useTwoParties, yardpass } from './binary.js';
import { createTerminals } from './terminal.js';

const terminals = createTerminals();
const parties = useTwoParties();
const run = (...args: string[]) => yardpass({ args, env: parties.organizerEnv });
afterAll(() => terminals.close());

/** A workspace with a goal, grouping a fresh event, and a way to order its package as the sponsor. */
async function workspace() {
  const { server } = parties;
  const commerce = await seedCommerce(server);
  const call = api(server, server.organizer);
  const created = await call('POST', '/v1/sponsorship-workspaces', {
    body: { name: 'CLI', slug: `cli-${randomUUID().slice(0, 8)}`, settings: { goal_gmv_cents: 600_000 } },
  });
  const id = created.json.data.id as string;
  await call('POST', `/v1/sponsorship-workspaces/${id}:link`, { body: { event_ids: [commerce.eventId] } });
  return { id, order: () => orderPackage(server, commerce) };
}

describe('yardpass command-center', { timeout: 60_000 }, () => {
  it('enable sets thresholds (and refuses a bad one before calling), feed lists the rows', async () => {
    const { id } = await workspace();
    const bad = await run('command-center', 'enable', id, '--gmv-goal-percent', 'half');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--gmv-goal-percent takes positive numbers');

    const enabled = await run('command-center', 'enable', id, '--gmv-goal-percent', '50,100', '--json');
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(JSON.parse(enabled.stdout)).toMatchObject({
      enabled: true,
      thresholds: { gmv_goal_percent: [50, 100] },
    });

    expect((await run('command-center', 'feed', id)).stderr).toContain('No feed rows yet');
    await captureCommandCenterFeed(parties.server.db, new Date('2030-06-06T06:06:06Z'));
    const feed = await run('command-center', 'feed', id);
    expect(feed.stdout).toMatch(/SLOT\s+GMV\s+GOAL/);
    expect(feed.stdout).toContain('$0.00');

    const disabled = await run('command-center', 'disable', id);
    expect(disabled.code).toBe(0);
    expect(disabled.stderr).toContain('Disabled the command center');
  });

  it('watch redraws a dashboard on a terminal: the feed row, the GMV bar, and live changes', async () => {
    const { id, order } = await workspace();
    expect((await run('command-center', 'enable', id)).code).toBe(0);
    const pane = terminals.start(parties.organizerEnv, ['command-center', 'watch', id]);
    await terminals.waitFor(pane, 'Waiting for the first feed row');
    await captureCommandCenterFeed(parties.server.db, new Date('2030-07-07T07:07:07Z'));
    await terminals.waitFor(pane, 'of $6,000.00 goal');
    const orderId = await order();
    await terminals.waitFor(pane, `${orderId.slice(0, 8)} new, pending`);
    const funded = await api(parties.server, parties.server.sponsor)(
      'POST',
      `/v1/sponsorship-orders/${orderId}:fund`,
      {
        body: { payment_method_id: 'pm_card_visa' },
      },
    );
    expect(funded.status).toBe(200);
    const screen = await terminals.waitFor(pane, '25.0 %');
    expect(screen).toContain('$1,500.00 of $6,000.00 goal');
    expect(screen).toMatch(/\[█{10}░{30}\] 25\.0 %/);
    expect(screen).toContain('Orders        1  (active 1)');
    expect(screen).toContain('pending → active');
    // Redrawn in place: the header is on the screen once.
    expect(screen.split('Command center · workspace').length).toBe(2);
    terminals.keys(pane, 'C-c');
    await terminals.waitFor(pane, '[exit 130]');
  });

  it('watch prints JSON lines when piped', async () => {
    const { id, order } = await workspace();
    expect((await run('command-center', 'enable', id)).code).toBe(0);
    const child = spawn(process.execPath, [BINARY, 'command-center', 'watch', id], {
      env: parties.organizerEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await expect.poll(() => stderr, { timeout: 10_000 }).toContain('as JSON lines');
      const orderId = await order();
      await expect.poll(() => stdout, { timeout: 10_000 }).toContain(orderId);
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; data: unknown });
      expect(lines).toEqual([
        expect.objectContaining({
          type: 'order.changed',
          data: expect.objectContaining({ order_id: orderId }),
        }),
      ]);
    } finally {
      child.kill();
    }
  });
});
