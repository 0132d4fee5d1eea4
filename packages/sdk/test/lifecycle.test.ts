import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server';
import { runLifecycle, type LifecycleResult } from '../examples/lifecycle';

let server: TestServer;
let result: LifecycleResult;
const steps: string[] = [];

// The runnable example is the integration test: the guide's §16 checklist, step by step, through the SDK
// against a real server (embedded PostgreSQL, sandbox payments, the background worker for payouts).
beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
  result = await runLifecycle({
    baseUrl: server.baseUrl,
    organizer: { apiKey: server.organizer.apiKey },
    sponsor: { apiKey: server.sponsor.apiKey },
    log: (line) => steps.push(line),
  });
}, 90_000);
afterAll(() => server?.close());

describe('the §16 checklist through the SDK (examples/lifecycle.ts)', () => {
  it('creates and publishes a package with a stats snapshot, listed in the marketplace', () => {
    expect(result.published).toMatchObject({ is_active: true, event_id: result.event.id });
    expect(result.published.audience_snapshot).not.toEqual({});
    expect(result.marketplaceIds).toContain(result.published.id);
  });

  it('starts a proposal with its first offer, and tracks the counter-offer', () => {
    expect(result.proposal).toMatchObject({ status: 'sent', latest_offer: { price_cents: 400_000 } });
    expect(result.countered).toMatchObject({ status: 'countered', latest_offer: { price_cents: 450_000 } });
  });

  it('accepts into one order for the latest offer', () => {
    expect(result.accepted.status).toBe('accepted');
    expect(result.order).toMatchObject({
      id: result.accepted.order_id,
      amount_cents: 450_000,
      currency: 'USD',
    });
  });

  it('funds the escrow in test mode', () => {
    expect(result.funded.escrow_state).toBe('funded');
  });

  it('submits a proof the sponsor approves', () => {
    expect(result.proof.status).toBe('submitted');
    expect(result.approved.status).toBe('approved');
  });

  it('releases escrow into a payout with a transfer id', () => {
    expect(result.released.escrow_state).toBe('released');
    expect(result.payout).toMatchObject({ order_id: result.order.id });
    expect(result.payout.stripe_transfer_id).toMatch(/^tr_/);
  });

  it('reports non-zero ROI metrics for the window', () => {
    expect(result.roi.impressions).toBeGreaterThan(0);
    expect(result.roi.conversions).toBe(3);
    expect(result.roi.conversion_value_cents).toBe(25_500);
  });

  it('logs one line per checklist step', () => {
    expect(steps).toHaveLength(10);
  });
});
