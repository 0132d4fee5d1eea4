import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { type Receiver, startReceiver } from '../../test/receiver';

// A production-like server: private addresses refused, and endpoints disabled after failing for 1 s.
let server: TestServer;
let organizer: ReturnType<typeof api>;
let receiver: Receiver;

beforeAll(async () => {
  server = await startTestServer(
    {
      YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'false',
      YARDPASS_WEBHOOK_RETRY_SCHEDULE: '0,300ms,300ms,300ms,300ms,300ms,300ms,300ms',
      YARDPASS_WEBHOOK_RETRY_JITTER: '0',
      YARDPASS_WEBHOOK_DISABLE_AFTER: '1s',
    },
    { worker: true },
  );
  organizer = api(server, server.organizer);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await server.close();
});

/** An endpoint whose URL passed creation but whose host is (now) private: written past the API's checks. */
async function insertEndpoint(url: string): Promise<string> {
  const { rows } = await server.db.system((tx) =>
    tx.query<{ id: string }>(
      `insert into webhook_endpoints (org_id, url, secret) values ($1, $2, $3) returning id`,
      [server.organizer.orgId, url, 'whsec_' + Buffer.alloc(24, 1).toString('base64')],
    ),
  );
  return rows[0]!.id;
}

async function attemptsOf(eventId: string, endpointId: string) {
  return vi.waitFor(
    async () => {
      const { json } = await organizer('GET', `/v1/webhook-events/${eventId}`);
      const delivery = json.data.deliveries.find(
        (d: { endpoint_id: string }) => d.endpoint_id === endpointId,
      );
      if (!delivery?.attempts.length) throw new Error('no attempt yet');
      return delivery.attempts as { status_code: number | null; error: string }[];
    },
    { timeout: 10_000, interval: 50 },
  );
}

describe('the SSRF guard', () => {
  it.each([
    ['http://hooks.example.com/x', /https/],
    ['https://127.0.0.1/x', /127\.0\.0\.1/],
    ['https://[::1]/x', /::1/],
    ['https://169.254.169.254/latest/meta-data', /169\.254\.169\.254/],
    ['https://10.0.0.8/x', /10\.0\.0\.8/],
    ['https://localhost/x', /localhost/],
  ])('refuses to create an endpoint at %s', async (url, message) => {
    const res = await organizer('POST', '/v1/webhook-endpoints', { body: { url } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ path: '/url', message: expect.stringMatching(message) });
  });

  it('refuses at delivery time a host that resolves to a loopback address, and never connects', async () => {
    const port = new URL(receiver.url).port;
    // `vm` and `localhost` resolve to 127.0.0.1 through /etc/hosts: the DNS answer, not the name, is judged.
    const endpoints = [
      await insertEndpoint(`https://localhost:${port}/hooks`),
      await insertEndpoint(`http://127.0.0.1:${port}/hooks`),
      await insertEndpoint(`https://169.254.169.254/latest/meta-data`),
    ];
    const { json } = await organizer('POST', '/v1/webhook-events:trigger', {
      body: { type: 'order.funded' },
    });
    const [resolved, plain, metadata] = await Promise.all(
      endpoints.map((id) => attemptsOf(json.data.id, id)),
    );
    expect(resolved![0]).toMatchObject({
      status_code: null,
      error: expect.stringMatching(/^blocked: localhost resolves to (127\.0\.0\.1|::1)/),
    });
    expect(plain![0]!.error).toMatch(/^blocked: only https/);
    expect(metadata![0]!.error).toMatch(/^blocked: 169\.254\.169\.254/);
    expect(receiver.received).toEqual([]);
  });
});

describe('an endpoint failing continuously', () => {
  it('is disabled after the configured period, with a webhook_endpoint.disabled event and the org notified', async () => {
    const endpointId = await insertEndpoint('https://localhost/never');
    const { json } = await organizer('POST', '/v1/webhook-events:trigger', {
      body: { type: 'payout.failed' },
    });
    const endpoint = await vi.waitFor(
      async () => {
        const { json: found } = await organizer('GET', `/v1/webhook-endpoints/${endpointId}`);
        if (found.data.enabled) throw new Error('still enabled');
        return found.data;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(endpoint).toMatchObject({ enabled: false, disabled_reason: 'failing' });
    expect(endpoint.failing_since).not.toBeNull();
    const notices = await organizer('GET', '/v1/webhook-events?type=webhook_endpoint.disabled');
    expect(notices.json.data.map((e: { data: { id: string } }) => e.data.id)).toContain(endpointId);
    const { json: event } = await organizer('GET', `/v1/webhook-events/${json.data.id as string}`);
    const delivery = event.data.deliveries.find((d: { endpoint_id: string }) => d.endpoint_id === endpointId);
    await vi.waitFor(async () => {
      const { json: again } = await organizer('GET', `/v1/webhook-deliveries/${delivery.id as string}`);
      expect(again.data.status).toBe('dead');
    });
  });
});
