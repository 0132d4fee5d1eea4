import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/database';
import type { TestOrg } from '../../../../test/server';
import { createDeal } from '../../test/fulfilment';
import { createDb, type Db } from '../db/pool';
import { onOrderFunded } from './fulfilment';
import { createOrganization } from './identity';

let db: Db;
let organizer: TestOrg;
let sponsor: TestOrg;
beforeAll(async () => {
  db = createDb({ databaseUrl: await createTestDatabase() });
  const org = async (name: string) => {
    const { organization, apiKey } = await createOrganization(db, { name });
    return { orgId: organization.id, apiKey };
  };
  organizer = await org('Organizer Co');
  sponsor = await org('Sponsor Brand Inc');
});
afterAll(() => db.close());

// Assertions read as the system: row-level security hides every row from a connection that names no org.
const query = (sql: string, params: unknown[]) => db.system((tx) => tx.query(sql, params));

describe('onOrderFunded', () => {
  it('creates one deliverable per obligation, the SLAs and an active sponsorship, once, when funded twice', async () => {
    const deal = await createDeal(db, {
      organizer,
      sponsor,
      slaTerms: [
        {
          metric: 'impressions',
          target: 20_000,
          grace_days: 7,
          breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 },
        },
      ],
    });
    // Funding is observed in the sponsor's transaction once and by a system job again.
    await db.tenant(deal.order.sponsor_org_id, (tx) => onOrderFunded(tx, deal.order));
    await db.system((tx) => onOrderFunded(tx, deal.order));

    const { rows: deliverables } = await query(
      'select type, spec, status, owner_side, due_at from deliverables where order_id = $1 order by type',
      [deal.order.id],
    );
    expect(deliverables).toEqual([
      expect.objectContaining({
        type: 'booth',
        spec: { benefit: 'booth', value: '10x10' },
        status: 'pending',
      }),
      expect.objectContaining({ type: 'logo_stage', owner_side: 'organizer' }),
      expect.objectContaining({ type: 'social_posts', spec: { benefit: 'social_posts', value: 5 } }),
    ]);
    expect(deliverables[0].due_at).toBe('2030-03-02T23:00:00.000Z');

    const { rows: slas } = await query(
      'select metric, target::float8 as target, status from sponsorship_slas where order_id = $1',
      [deal.order.id],
    );
    expect(slas).toEqual([{ metric: 'impressions', target: 20_000, status: 'pending' }]);

    const { rows: sponsorships } = await query(
      'select tier, activation_status, amount_cents, order_id from event_sponsorships where event_id = $1',
      [deal.eventId],
    );
    expect(sponsorships).toEqual([
      { tier: 'gold', activation_status: 'in_progress', amount_cents: 150_000, order_id: deal.order.id },
    ]);
    const { rows: events } = await query(
      `select org_id from webhook_events where type = 'event_sponsorship.updated' and data->>'event_id' = $1`,
      [deal.eventId],
    );
    expect(events.map((row: { org_id: string }) => row.org_id).sort()).toEqual(
      [deal.order.organizer_org_id, deal.order.sponsor_org_id].sort(),
    );
  });
});
