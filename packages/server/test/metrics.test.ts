import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { addJob } from '../src/db/jobs';
import { seedCommerce } from './commerce-fixtures';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const promtool = spawnSync('promtool', ['--version']).status === 0;

/**
 * Some of everything `/metrics` reports: a payment, webhook first attempts (one ok, one failed), a failed payout, a
 * waiting match recalculation.
 */
async function activity() {
  const sponsor = api(server, server.sponsor);
  const organizer = api(server, server.organizer);
  const { packageId, sponsorId } = await seedCommerce(server);
  const order = await sponsor('POST', '/v1/sponsorship-orders', {
    body: { package_id: packageId, sponsor_id: sponsorId },
  });
  const orderId = order.json.data.id as string;
  await sponsor('POST', `/v1/sponsorship-orders/${orderId}:fund`, {
    body: { payment_method_id: 'pm_card_visa' },
  });
  const endpoint = await organizer('POST', '/v1/webhook-endpoints', {
    body: { url: 'https://hooks.example.com/x' },
  });
  await server.db.system(async (tx) => {
    await tx.query(
      `with event as (
         insert into webhook_events (org_id, type, data, fanned_out_at) values ($1, 'order.created', '{}', now())
         returning id, created_at
       ), delivery as (
         insert into webhook_deliveries (org_id, event_id, endpoint_id, status, attempt_count, last_attempt_at)
         select $1, event.id, $2, 'succeeded', 2, event.created_at + interval '4 seconds' from event returning id
       )
       insert into webhook_attempts (org_id, delivery_id, attempt, status_code, latency_ms)
       select $1, delivery.id, n, case n when 1 then 500 else 200 end, 40 from delivery, generate_series(1, 2) n`,
      [server.organizer.orgId, endpoint.json.data.id],
    );
    await tx.query(
      `insert into sponsorship_payouts (org_id, order_id, amount_cents, fee_cents, currency, status)
       values ($1, $2, 1000, 100, 'USD', 'failed')`,
      [server.organizer.orgId, orderId],
    );
    // A job waiting for a worker (none runs here), and a match recalculation waiting for 90 s.
    await addJob(tx, 'cleanup', {});
    await tx.query(
      `insert into fit_recalc_queue (org_id, event_id, sponsor_id, reason) values ($1, null, null, 'test')
       on conflict do nothing`,
      [server.organizer.orgId],
    );
    await tx.query(
      `update fit_recalc_queue set queued_at = now() - interval '90 seconds' where processed_at is null`,
    );
  });
}

describe('GET /metrics', () => {
  it('reports webhook, payout, queue, rollup, matching, payment-processor and pool metrics that promtool accepts', async () => {
    await activity();
    const res = await fetch(`${server.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const value = (series: string) => {
      const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('yardpass_webhook_first_attempt_success_ratio')).toBe(0);
    expect(value('yardpass_webhook_first_attempts{outcome="failed"}')).toBe(1);
    expect(value('yardpass_webhook_delivery_latency_seconds{percentile="50"}')).toBeCloseTo(4);
    expect(value('yardpass_payouts{status="failed"}')).toBe(1);
    expect(value('yardpass_rollup_lag_seconds')).toBe(0);
    expect(value('yardpass_matching_queue_depth')).toBeGreaterThanOrEqual(1);
    expect(value('yardpass_matching_queue_lag_seconds')).toBeGreaterThanOrEqual(90);
    expect(
      value(
        'yardpass_stripe_request_duration_seconds_count{provider="sandbox",operation="createPaymentIntent",outcome="ok"}',
      ),
    ).toBe(1);
    expect(value('yardpass_db_pool_clients{state="waiting"}')).toBe(0);
    expect(value('yardpass_job_queue_task_depth{task="cleanup"}')).toBe(1);
    expect(text).toMatch(/^yardpass_job_queue_task_depth\{task="[\w.-]+"\} \d+$/m);
    expect(text).toMatch(/^yardpass_job_queue_oldest_age_seconds\{task="[\w.-]+"\} [\d.e+-]+$/m);

    // Every metric the shipped alert rules and dashboard use is one this server reports.
    const shipped = ['ops/prometheus/alerts.yml', 'ops/grafana/yardpass.json']
      .map((file) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'))
      .join('\n');
    const used = new Set(shipped.match(/\b(?:yardpass|http)_[a-z_]+/g));
    for (const name of used)
      expect(text, name).toMatch(new RegExp(`^# TYPE ${name.replace(/_(bucket|count|sum)$/, '')} `, 'm'));

    if (!promtool) return; // .ci/run installs it; a machine without it checks the rest
    const checked = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });
});
