import { describe, expect, it } from 'vitest';
import { seedCommerce } from '../../server/test/commerce-fixtures.js';
import { useTwoParties, yardpass } from './binary.js';

const parties = useTwoParties();

const json = <T>(text: string) => JSON.parse(text) as T;

describe('yardpass orders and payouts (built binary, sandbox payments)', { timeout: 60_000 }, () => {
  it('creates, funds, locks, releases, and lists the payout; money moves only with --yes off a terminal', async () => {
    const { server, organizerEnv, sponsorEnv } = parties;
    const organizer = (...args: string[]) => yardpass({ args, env: organizerEnv });
    const sponsor = (...args: string[]) => yardpass({ args, env: sponsorEnv });
    const { packageId, sponsorId } = await seedCommerce(server);
    expect(
      (await organizer('payout-config', 'set', '--stripe-connect-account-id', 'acct_1CliOrganizer')).code,
    ).toBe(0);

    const created = await sponsor(
      'orders',
      'create',
      '--package-id',
      packageId,
      '--sponsor-id',
      sponsorId,
      '--json',
    );
    expect(created.code, created.stderr).toBe(0);
    const orderId = json<{ id: string }>(created.stdout).id;

    const refused = await sponsor('orders', 'fund', orderId, '--payment-method-id', 'pm_card_visa');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --yes');
    expect(
      json<{ escrow_state: string }>((await sponsor('orders', 'show', orderId, '--json')).stdout)
        .escrow_state,
    ).toBe('pending');

    const declined = await sponsor(
      'orders',
      'fund',
      orderId,
      '--payment-method-id',
      'pm_card_chargeDeclined',
      '--yes',
    );
    expect(declined.code).not.toBe(0);
    expect(declined.stderr).toContain('declined');

    const funded = await sponsor(
      'orders',
      'fund',
      orderId,
      '--payment-method-id',
      'pm_card_visa',
      '--yes',
      '--json',
    );
    expect(funded.code, funded.stderr).toBe(0);
    expect(json<{ status: string }>(funded.stdout).status).toBe('succeeded');

    expect((await organizer('orders', 'lock', orderId)).code).toBe(0);
    await server.db.system((tx) =>
      tx.query(`update deliverables set status = 'approved' where order_id = $1`, [orderId]),
    );
    const released = await organizer('orders', 'release', orderId, '--yes', '--json');
    expect(released.code, released.stderr).toBe(0);
    expect(json<{ escrow_state: string }>(released.stdout).escrow_state).toBe('released');

    const payouts = await organizer('payouts', 'list', '--order-id', orderId, '--json');
    expect(json<{ amount_cents: number; status: string }[]>(payouts.stdout)).toEqual([
      expect.objectContaining({ amount_cents: 135_000, status: 'pending' }),
    ]);
    const ledger = await organizer('ledger', 'transactions', '--order-id', orderId);
    expect(ledger.code, ledger.stderr).toBe(0);
    expect(ledger.stdout).toContain(`order:${orderId}:fund`);
  });
});
