import { describe, expect, it } from 'vitest';
import { harness } from '../../test/harness.js';

const orderId = '7d3c5b1a-2e4f-4a6b-8c9d-0e1f2a3b4c5d';
const report = { order_id: orderId, currency: 'USD', impressions: 1200, roi_multiplier: 2.5 };

describe('reports roi', () => {
  it('prints the JSON report with --format json, as with --json', async () => {
    const cli = await harness({ routes: { 'GET /v1/reports/roi': () => ({ body: { data: report } }) } });
    const formatted = await cli.run('reports', 'roi', '--order-id', orderId, '--format', 'json');
    expect(formatted.code).toBe(0);
    expect(JSON.parse(formatted.stdout)).toEqual(report);
    expect(cli.requests.map((request) => request.query.order_id)).toEqual([orderId]);
    const again = await harness({ routes: { 'GET /v1/reports/roi': () => ({ body: { data: report } }) } });
    const flagged = await again.run('reports', 'roi', '--order-id', orderId, '--json');
    expect(flagged.stdout).toBe(formatted.stdout);
  });

  it('still takes the old --order spelling, which --help no longer shows', async () => {
    const cli = await harness({ routes: { 'GET /v1/reports/roi': () => ({ body: { data: report } }) } });
    const old = await cli.run('reports', 'roi', '--order', orderId, '--format', 'json');
    expect(old.code).toBe(0);
    expect(cli.requests[0]?.query.order_id).toBe(orderId);
    const help = await cli.run('reports', 'roi', '--help');
    expect(help.stdout).toContain('--order-id <id>');
    expect(help.stdout).not.toMatch(/--order </);
  });

  it('refuses an unknown --format with exit code 2 before any request', async () => {
    const cli = await harness({});
    const { code, stderr } = await cli.run('reports', 'roi', '--order-id', orderId, '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of json, csv, pdf');
    expect(cli.requests).toEqual([]);
  });
});

describe('--event-id', () => {
  it.each([['--event-id'], ['--event']])('selects the event of stats refresh when spelt %s', async (flag) => {
    const eventId = '5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21';
    const cli = await harness({
      routes: {
        [`POST /v1/events/${eventId}/stats:refresh`]: () => ({ body: { data: { event_id: eventId } } }),
      },
    });
    const { code } = await cli.run('stats', 'refresh', flag, eventId, '--json');
    expect(code).toBe(0);
    expect(cli.requests.map((request) => request.path)).toEqual([`/v1/events/${eventId}/stats:refresh`]);
  });
});
