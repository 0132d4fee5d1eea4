import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server.js';
import { assertBuilt, loggedInEnv, yardpass } from './binary.js';

let server: TestServer;
let env: Record<string, string>;
let eventId: string;

const run = (...args: string[]) => yardpass({ args, env });
const organizer = () => api(server, server.organizer);

const rawCount = (id: string) =>
  server.db.system(async (tx) => {
    const { rows } = await tx.query<{ n: number }>(
      `select ((select count(*) from event_impressions_p where event_id = $1)
             + (select count(*) from ticket_analytics_p where event_id = $1))::int as n`,
      [id],
    );
    return rows[0]!.n;
  });

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  env = await loggedInEnv(server.baseUrl, server.organizer.apiKey);
  const { json } = await organizer()('POST', '/v1/events', {
    body: { title: 'CLI Fest', starts_at: '2026-07-01T18:00:00Z', ends_at: '2026-07-01T23:00:00Z' },
  });
  eventId = json.data.id as string;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('yardpass analytics, stats, consents and reports', { timeout: 60_000 }, () => {
  it('ingests an NDJSON file in batches, and a second run stores nothing twice', async () => {
    const file = join(env.HOME!, 'events.ndjson');
    const now = Date.now();
    const lines = Array.from({ length: 25_000 }, (_, i) =>
      JSON.stringify(
        i % 1000 === 0
          ? {
              kind: 'ticket_purchase',
              occurred_at: new Date(now - i * 1000).toISOString(),
              value_cents: 1000,
              utm_source: 'cli',
            }
          : {
              kind: 'impression',
              occurred_at: new Date(now - i * 1000).toISOString(),
              session_id: `s${i % 300}`,
            },
      ),
    );
    await writeFile(file, `${lines.join('\n')}\n\n`);
    const first = await run('analytics', 'ingest', '--event-id', eventId, '--file', file, '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ records: 25_000, batches: 3, replayed: 0 });
    const again = await run('analytics', 'ingest', '--event-id', eventId, '--file', file);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Sent 25,000 records in 3 batches (3 already stored before)');
    expect(await rawCount(eventId)).toBe(25_000);
  });

  it('names the line that is not JSON and exits with a usage error', async () => {
    const file = join(env.HOME!, 'broken.ndjson');
    await writeFile(file, `{"kind":"impression","occurred_at":"2026-01-01T00:00:00Z"}\nnot json\n`);
    const res = await run('analytics', 'ingest', '--event-id', eventId, '--file', file);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('broken.ndjson:2 is not JSON');
  });

  it('refreshes and shows stats, and manages consents', async () => {
    const refreshed = await run('stats', 'refresh', '--event-id', eventId, '--json');
    expect(refreshed.code, refreshed.stderr).toBe(0);
    const stats = JSON.parse(refreshed.stdout) as { metrics: Record<string, number> };
    expect(stats.metrics.impressions_total).toBe(24_975);
    expect(stats.metrics.ticket_purchases_30d).toBe(25);
    const shown = await run('stats', 'show', '--event', eventId);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/impressions_total\s+24975/);

    const put = await run('consents', 'put', '--event-id', eventId, '--segment', 'age:18-24', '--json');
    expect(put.code, put.stderr).toBe(0);
    const consent = JSON.parse(put.stdout) as { id: string; scope: string };
    expect(consent.scope).toBe('aggregated');
    const listed = await run('consents', 'list', '--event', eventId);
    expect(listed.stdout).toContain('age:18-24');
    expect((await run('consents', 'delete', consent.id, '--event', eventId)).code).toBe(2);
    const deleted = await run('consents', 'delete', consent.id, '--event', eventId, '--yes');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect((await run('consents', 'list', '--event', eventId, '--json')).stdout.trim()).toBe('[]');
  });

  it('writes the ROI report as CSV, PDF and JSON', async () => {
    const sponsorId = (
      await api(server, server.sponsor)('POST', '/v1/sponsors', { body: { name: 'CLI Brand' } })
    ).json.data.id as string;
    const orderId = await server.db.system(async (tx) => {
      await tx.query(`update sponsors set attribution_utm_sources = '{cli}' where id = $1`, [sponsorId]);
      const pkg = await tx.query<{ id: string }>(
        `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory)
         values ($1, $2, 'Gold', 'gold', 100000, 'USD', 1) returning id`,
        [server.organizer.orgId, eventId],
      );
      const order = await tx.query<{ id: string }>(
        `insert into sponsorship_orders (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id,
           amount_cents, currency, created_by_side) values ($1, $2, $3, $4, $5, 100000, 'USD', 'sponsor') returning id`,
        [eventId, pkg.rows[0]!.id, sponsorId, server.organizer.orgId, server.sponsor.orgId],
      );
      return order.rows[0]!.id;
    });
    const csvFile = join(env.HOME!, 'roi.csv');
    const csv = await run('reports', 'roi', '--order', orderId, '--format', 'csv', '--out', csvFile);
    expect(csv.code, csv.stderr).toBe(0);
    const text = await readFile(csvFile, 'utf8');
    expect(text).toContain('conversions,25\r\n');
    expect(text).toContain('conversion_value_cents,25000\r\n');
    const pdfFile = join(env.HOME!, 'roi.pdf');
    const pdf = await run('reports', 'roi', '--order', orderId, '--format', 'pdf', '--out', pdfFile);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect((await readFile(pdfFile)).subarray(0, 5).toString()).toBe('%PDF-');
    const json = await run('reports', 'roi', '--order', orderId, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      order_id: orderId,
      conversions: 25,
      roi_multiplier: 0.25,
    });
    const human = await run('reports', 'roi', '--order', orderId);
    expect(human.stdout).toContain('0.25x');
    expect((await run('reports', 'roi', '--order', randomUUID())).code).not.toBe(0);
  });
});
