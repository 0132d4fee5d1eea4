import { verify } from '@yardpass/webhook-verifier';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api, startTestServer, type TestServer } from '../../../../test/server';
import { emitEvent } from '../webhooks/emit';
import { type Receiver, startReceiver } from '../../test/receiver';

let server: TestServer;
let organizer: ReturnType<typeof api>;
let receiver: Receiver;

beforeAll(async () => {
  server = await startTestServer(
    {
      YARDPASS_WEBHOOK_RETRY_SCHEDULE: '0,100ms,100ms,100ms',
      YARDPASS_WEBHOOK_RETRY_JITTER: '0',
      YARDPASS_WEBHOOK_RETRY_AFTER_MAX: '1s',
      YARDPASS_WEBHOOK_TIMEOUT: '1s',
      YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: 'true',
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

async function createEndpoint(body: Record<string, unknown> = {}) {
  const res = await organizer('POST', '/v1/webhook-endpoints', { body: { url: receiver.url, ...body } });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; secret: string };
}

async function deliveryOf(eventId: string, endpointId: string) {
  const { json } = await organizer('GET', `/v1/webhook-events/${eventId}`);
  return (
    json.data.deliveries as { endpoint_id: string; status: string; attempts: unknown[]; id: string }[]
  ).find((delivery) => delivery.endpoint_id === endpointId);
}

async function settled(eventId: string, endpointId: string, status: string) {
  return vi.waitFor(
    async () => {
      const delivery = await deliveryOf(eventId, endpointId);
      if (delivery?.status !== status) throw new Error(`delivery is ${delivery?.status}`);
      return delivery;
    },
    { timeout: 15_000, interval: 50 },
  );
}

async function trigger(type = 'order.funded') {
  const res = await organizer('POST', '/v1/webhook-events:trigger', { body: { type } });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; type: string; data: Record<string, unknown> };
}

describe('webhook endpoints', () => {
  it('creates an endpoint with a whsec_ secret shown once, then lists, updates and deletes it', async () => {
    const res = await organizer('POST', '/v1/webhook-endpoints', {
      body: { url: 'https://hooks.example.com/yardpass', description: 'ERP', event_types: ['order.funded'] },
    });
    expect(res.status).toBe(201);
    const endpoint = res.json.data;
    expect(endpoint).toMatchObject({
      url: 'https://hooks.example.com/yardpass',
      event_types: ['order.funded'],
      enabled: true,
      disabled_reason: null,
      org_id: server.organizer.orgId,
    });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(endpoint.secret.startsWith(endpoint.secret_prefix.replace('…', ''))).toBe(true);

    const fetched = await organizer('GET', `/v1/webhook-endpoints/${endpoint.id}`);
    expect(fetched.json.data.secret).toBeUndefined();
    const list = await organizer('GET', '/v1/webhook-endpoints');
    expect(list.json.data.map((e: { id: string }) => e.id)).toContain(endpoint.id);
    expect(JSON.stringify(list.json)).not.toContain(endpoint.secret);

    const disabled = await organizer('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
      body: { enabled: false, event_types: null },
    });
    expect(disabled.json.data).toMatchObject({
      enabled: false,
      disabled_reason: 'manual',
      event_types: null,
    });
    const enabled = await organizer('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
      body: { enabled: true },
    });
    expect(enabled.json.data).toMatchObject({ enabled: true, disabled_reason: null });

    expect((await organizer('DELETE', `/v1/webhook-endpoints/${endpoint.id}`)).json.data).toEqual({
      id: endpoint.id,
      deleted: true,
    });
    expect((await organizer('GET', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(404);
  });

  it.each([
    [{ url: 'not a url' }, '/url'],
    [{ url: 'ftp://hooks.example.com/x' }, '/url'],
    [{ url: 'https://hooks.example.com', event_types: ['order.exploded'] }, '/event_types/0'],
    [{ url: 'https://hooks.example.com', event_types: [] }, '/event_types'],
    [{ url: 'https://hooks.example.com', secret: 'whsec_mine' }, '/'],
  ])('rejects %j with a 400 naming %s and creates nothing', async (body, field) => {
    const before = (await organizer('GET', '/v1/webhook-endpoints?limit=100')).json.data.length;
    const res = await organizer('POST', '/v1/webhook-endpoints', { body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect((await organizer('GET', '/v1/webhook-endpoints?limit=100')).json.data.length).toBe(before);
  });

  it('answers 401 without credentials and 404 to another organization', async () => {
    const { id } = await createEndpoint({ enabled: false });
    const anonymous = api(server, undefined);
    expect((await anonymous('GET', '/v1/webhook-endpoints')).status).toBe(401);
    expect((await anonymous('POST', `/v1/webhook-endpoints/${id}:test`)).status).toBe(401);
    const sponsor = api(server, server.sponsor);
    expect((await sponsor('GET', `/v1/webhook-endpoints/${id}`)).status).toBe(404);
    expect((await sponsor('PATCH', `/v1/webhook-endpoints/${id}`, { body: { enabled: true } })).status).toBe(
      404,
    );
    expect((await sponsor('POST', `/v1/webhook-endpoints/${id}:rotate-secret`)).status).toBe(404);
    expect((await sponsor('DELETE', `/v1/webhook-endpoints/${id}`)).status).toBe(404);
    expect((await organizer('GET', `/v1/webhook-endpoints/${id}`)).json.data.enabled).toBe(false);
  });

  it('replays a creation sent again with the same Idempotency-Key (same secret, one endpoint)', async () => {
    const headers = { 'idempotency-key': 'endpoint-1' };
    const body = { url: 'https://hooks.example.com/once', enabled: false };
    const first = await organizer('POST', '/v1/webhook-endpoints', { body, headers });
    const again = await organizer('POST', '/v1/webhook-endpoints', { body, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    const all = (await organizer('GET', '/v1/webhook-endpoints?limit=100')).json.data;
    expect(all.filter((e: { url: string }) => e.url === body.url)).toHaveLength(1);
  });
});

describe('webhook delivery', { timeout: 30_000 }, () => {
  it('delivers every event to a receiver that fails the first two attempts; each verifies, each attempt is logged', async () => {
    const endpoint = await createEndpoint({ event_types: ['order.funded', 'order.refunded'] });
    const failures = new Map<string, number>();
    receiver.answer((request) => {
      const id = String(request.headers['webhook-id']);
      const count = failures.get(id) ?? 0;
      if (count < 2) {
        failures.set(id, count + 1);
        return { status: 503, body: `busy ${'x'.repeat(3000)}` };
      }
      return { status: 200, body: 'ok' };
    });
    const events = [
      await trigger('order.funded'),
      await trigger('order.refunded'),
      await trigger('order.funded'),
    ];
    const ignored = await trigger('proposal.sent');

    for (const event of events) {
      const delivery = await settled(event.id, endpoint.id, 'succeeded');
      expect(delivery.attempts).toMatchObject([
        { attempt: 1, status_code: 503, error: 'unexpected status 503' },
        { attempt: 2, status_code: 503 },
        { attempt: 3, status_code: 200, response_body: 'ok', error: null },
      ]);
      const first = delivery.attempts[0] as { response_body: string; latency_ms: number };
      expect(Buffer.byteLength(first.response_body)).toBe(2048);
      expect(first.latency_ms).toBeGreaterThanOrEqual(0);
    }
    expect(await deliveryOf(ignored.id, endpoint.id)).toBeUndefined();

    const successes = receiver.received.filter(
      (r) =>
        events.some((e) => e.id === r.headers['webhook-id']) &&
        failures.get(String(r.headers['webhook-id'])) === 2,
    );
    for (const event of events) {
      const arrivals = successes.filter((r) => r.headers['webhook-id'] === event.id);
      expect(arrivals).toHaveLength(3);
      // A stable id and a fresh timestamp on every attempt; every one verifies.
      for (const arrival of arrivals) {
        const verified = await verify(arrival.body, arrival.headers, endpoint.secret);
        expect(verified).toEqual({
          id: event.id,
          type: event.type,
          created_at: expect.any(String),
          data: event.data,
        });
        expect(arrival.headers['x-yardpass-event']).toBe(event.type);
      }
      await expect(
        verify(arrivals[0]!.body, arrivals[0]!.headers, 'whsec_' + Buffer.alloc(24).toString('base64')),
      ).rejects.toThrow();
    }
  });

  it('logs each attempt of a set once and retries only the failed ones: 200 events in one commit, two endpoints', async () => {
    // Sets are claimed, attempted and logged together (up to 128 a statement): a set mixing successes and
    // failures must log every attempt once, retry only the failures, and never send a success again.
    const flaky = await startReceiver();
    const steady = await startReceiver();
    try {
      const seen = new Set<string>();
      flaky.answer((request) => {
        const id = String(request.headers['webhook-id']);
        const first = !seen.has(id);
        seen.add(id);
        const { n } = (JSON.parse(request.body) as { data: { n: number } }).data;
        return first && n % 2 === 1 ? { status: 500, body: 'not now' } : { status: 200 };
      });
      const types = ['deliverable.submitted'];
      const endpoints = [
        (await organizer('POST', '/v1/webhook-endpoints', { body: { url: flaky.url, event_types: types } }))
          .json.data.id as string,
        (await organizer('POST', '/v1/webhook-endpoints', { body: { url: steady.url, event_types: types } }))
          .json.data.id as string,
      ];
      const count = 200;
      const events = await server.db.tenant(server.organizer.orgId, async (tx) => {
        const ids: string[] = [];
        for (let n = 0; n < count; n++)
          ids.push((await emitEvent(tx, server.organizer.orgId, 'deliverable.submitted', { n })).id);
        return ids;
      });
      const attempts = await vi.waitFor(
        async () => {
          const { rows } = await server.db.system((tx) =>
            tx.query<{
              endpoint_id: string;
              n: number;
              status: string;
              codes: (number | null)[];
              errors: (string | null)[];
            }>(
              `select d.endpoint_id, (e.data->>'n')::int as n, d.status,
                      array_agg(a.status_code order by a.attempt) filter (where a.id is not null) as codes,
                      array_agg(a.error order by a.attempt) filter (where a.id is not null) as errors
                 from webhook_deliveries d join webhook_events e on e.id = d.event_id
                 left join webhook_attempts a on a.delivery_id = d.id
                where d.event_id = any($1::uuid[]) group by d.id, e.data`,
              [events],
            ),
          );
          const done = rows.filter((row) => row.status === 'succeeded').length;
          if (done < 2 * count) throw new Error(`${done} of ${2 * count} delivered`);
          return rows;
        },
        { timeout: 30_000, interval: 200 },
      );
      // Per delivery, the attempts logged: one 2xx, the last; a null status only for an answer slower than the
      // 1 s timeout (this machine may be loaded), which is then retried like a failure.
      const wrong = attempts.filter((row) => {
        const { codes, errors } = row;
        const timedOut = codes.map((code, i) => code === null && errors[i]!.startsWith('timeout:'));
        const answered = codes.filter((code) => code !== null);
        const firstFails = row.endpoint_id === endpoints[0] && row.n % 2 === 1 && !timedOut[0];
        return (
          codes.some((code, i) => code === null && !timedOut[i]) ||
          codes.at(-1) !== 200 ||
          codes.filter((code) => code === 200).length !== 1 ||
          (firstFails ? answered[0] !== 500 : answered[0] !== 200 && !timedOut[0])
        );
      });
      expect(wrong).toEqual([]);
      // The receivers saw those requests: each event at least once, never more often than attempts were logged.
      const logged = new Map(attempts.map((row) => [`${row.endpoint_id}:${row.n}`, row.codes]));
      for (const [endpointId, receiver] of [
        [endpoints[0]!, flaky],
        [endpoints[1]!, steady],
      ] as const) {
        events.forEach((id, n) => {
          const codes = logged.get(`${endpointId}:${n}`)!;
          const received = receiver.received.filter((r) => r.headers['webhook-id'] === id).length;
          expect(received).toBeGreaterThanOrEqual(codes.filter((code) => code !== null).length);
          expect(received).toBeLessThanOrEqual(codes.length);
        });
      }
    } finally {
      await flaky.close();
      await steady.close();
    }
  });

  it('dead-letters a delivery whose receiver is down for the whole schedule, and replay then delivers it', async () => {
    const down = await startReceiver();
    const url = down.url;
    await down.close();
    const endpoint = await createEndpoint({ url, event_types: ['payout.failed'] });
    const event = await trigger('payout.failed');
    const dead = await settled(event.id, endpoint.id, 'dead');
    expect(dead.attempts).toHaveLength(4);
    expect(dead.attempts.every((a) => (a as { status_code: null; error: string }).status_code === null)).toBe(
      true,
    );
    expect((dead.attempts[0] as { error: string }).error).toMatch(/ECONNREFUSED/);
    const deadLetters = await organizer(
      'GET',
      `/v1/webhook-deliveries?status=dead&endpoint_id=${endpoint.id}`,
    );
    expect(deadLetters.json.data.map((d: { id: string }) => d.id)).toEqual([dead.id]);

    const port = Number(new URL(url).port);
    const back = await startReceiver(port);
    try {
      const replay = await organizer('POST', `/v1/webhook-deliveries/${dead.id}:replay`);
      expect(replay.status).toBe(202);
      // The worker may have sent it already by the time the answer is read.
      expect(['pending', 'succeeded']).toContain(replay.json.data.status);
      const delivered = await settled(event.id, endpoint.id, 'succeeded');
      expect(delivered.attempts).toHaveLength(5);
      const [arrival] = await back.waitFor(1);
      expect((await verify(arrival!.body, arrival!.headers, endpoint.secret)).id).toBe(event.id);
    } finally {
      await back.close();
    }
  });

  it('replays every failed delivery of an endpoint since a time', async () => {
    const down = await startReceiver();
    const url = down.url;
    await down.close();
    const endpoint = await createEndpoint({ url, event_types: ['sla.breached'] });
    const since = new Date(Date.now() - 1000).toISOString();
    const events = [await trigger('sla.breached'), await trigger('sla.breached')];
    for (const event of events) await settled(event.id, endpoint.id, 'dead');
    const back = await startReceiver(Number(new URL(url).port));
    try {
      const res = await organizer(
        'POST',
        `/v1/webhook-endpoints/${endpoint.id}:replay-failed?since=${since}`,
      );
      expect(res.status).toBe(202);
      expect(res.json.data).toEqual({ replayed: 2 });
      for (const event of events) await settled(event.id, endpoint.id, 'succeeded');
      const bad = await organizer(
        'POST',
        `/v1/webhook-endpoints/${endpoint.id}:replay-failed?since=yesterday`,
      );
      expect(bad.status).toBe(400);
    } finally {
      await back.close();
    }
  });

  it('disables an endpoint that answers 410 Gone and tells the organization with an event', async () => {
    const gone = await startReceiver();
    gone.answer(() => ({ status: 410 }));
    const watcher = await createEndpoint({ event_types: ['webhook_endpoint.disabled'] });
    receiver.answer(() => ({ status: 200 }));
    try {
      const endpoint = await createEndpoint({ url: gone.url, event_types: ['deliverable.approved'] });
      const event = await trigger('deliverable.approved');
      const delivery = await settled(event.id, endpoint.id, 'dead');
      expect(delivery.attempts).toHaveLength(1);
      const after = (await organizer('GET', `/v1/webhook-endpoints/${endpoint.id}`)).json.data;
      expect(after).toMatchObject({ enabled: false, disabled_reason: 'gone' });
      const notices = await vi.waitFor(async () => {
        const { json } = await organizer('GET', '/v1/webhook-events?type=webhook_endpoint.disabled');
        const found = json.data.find((e: { data: { id: string } }) => e.data.id === endpoint.id);
        if (!found) throw new Error('no notice yet');
        return found;
      });
      await settled(notices.id, watcher.id, 'succeeded');
      expect((await organizer('POST', `/v1/webhook-deliveries/${delivery.id}:replay`)).status).toBe(422);
    } finally {
      await gone.close();
    }
  });

  it('follows no redirect and gives up on an answer slower than the timeout, logging both', async () => {
    const slow = await startReceiver();
    const redirecting = await startReceiver();
    slow.answer(() => ({ status: 0 }));
    redirecting.answer(() => ({ status: 307, headers: { location: receiver.url } }));
    try {
      const hanging = await createEndpoint({ url: slow.url, event_types: ['deliverable.waived'] });
      const moved = await createEndpoint({ url: redirecting.url, event_types: ['deliverable.waived'] });
      const before = receiver.received.length;
      const event = await trigger('deliverable.waived');
      const [timedOut, redirected] = await Promise.all([
        settled(event.id, hanging.id, 'dead'),
        settled(event.id, moved.id, 'dead'),
      ]);
      expect(timedOut.attempts).toHaveLength(4);
      expect(timedOut.attempts[0]).toMatchObject({
        status_code: null,
        error: 'timeout: no answer within 1000 ms',
        latency_ms: expect.any(Number),
      });
      expect((timedOut.attempts[0] as { latency_ms: number }).latency_ms).toBeGreaterThanOrEqual(990);
      expect(redirected.attempts[0]).toMatchObject({ status_code: 307, error: 'unexpected status 307' });
      expect(redirecting.received).toHaveLength(4);
      expect(receiver.received.slice(before).filter((r) => r.headers['webhook-id'] === event.id)).toEqual([]);
    } finally {
      await slow.close();
      await redirecting.close();
    }
  });

  it('keeps a hanging endpoint from slowing the deliveries to a healthy one', async () => {
    const slow = await startReceiver();
    slow.answer(() => ({ status: 0 }));
    receiver.answer(() => ({ status: 200 }));
    try {
      const hanging = await createEndpoint({ url: slow.url, event_types: ['event_sponsorship.updated'] });
      const healthy = await createEndpoint({ event_types: ['event_sponsorship.updated'] });
      // One timed-out attempt marks the endpoint as failing; its deliveries then wait in its own queue.
      const first = await trigger('event_sponsorship.updated');
      await vi.waitFor(
        async () => expect((await deliveryOf(first.id, hanging.id))?.attempts).toHaveLength(1),
        { timeout: 5000, interval: 50 },
      );
      const events = await Promise.all(
        Array.from({ length: 30 }, () => trigger('event_sponsorship.updated')),
      );
      for (const event of events) await settled(event.id, healthy.id, 'succeeded');
      // Thirty 1 s timeouts one after the other take 30 s; the healthy endpoint got everything long before.
      const { json } = await organizer(
        'GET',
        `/v1/webhook-deliveries?endpoint_id=${hanging.id}&status=pending&limit=100`,
      );
      expect(json.data.length).toBeGreaterThan(10);
      // One job at a time attempts the failing endpoint, one attempt after the other: each arrives about when
      // the previous one timed out (1 s; less the previous request's own delay on a loaded machine), however many
      // jobs the fan-outs queued for it meanwhile. Concurrent jobs arrived tens of ms apart.
      const arrivals = (await slow.waitFor(4)).map((r) => r.at);
      const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
      await organizer('PATCH', `/v1/webhook-endpoints/${hanging.id}`, { body: { enabled: false } });
    } finally {
      await slow.close();
    }
  });

  it('honours Retry-After within its bound', async () => {
    const endpoint = await createEndpoint({ event_types: ['order.cancelled'] });
    receiver.answer((request, index) =>
      request.headers['x-yardpass-event'] === 'order.cancelled' &&
      receiver.received.filter((r, i) => i < index && r.headers['x-yardpass-event'] === 'order.cancelled')
        .length === 0
        ? { status: 429, headers: { 'retry-after': '1' } }
        : { status: 200 },
    );
    const event = await trigger('order.cancelled');
    const delivery = await settled(event.id, endpoint.id, 'succeeded');
    const [first, second] = delivery.attempts as { attempted_at: string }[];
    expect(Date.parse(second!.attempted_at) - Date.parse(first!.attempted_at)).toBeGreaterThanOrEqual(900);
  });

  it('signs with both secrets during a rotation overlap, and with the new one only after it', async () => {
    receiver.answer(() => ({ status: 200 }));
    const endpoint = await createEndpoint({ event_types: ['payout.completed'] });
    const rotated = await organizer('POST', `/v1/webhook-endpoints/${endpoint.id}:rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.json.data.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.json.data.previous_secret_expires_at) - Date.now()).toBeGreaterThan(
      23 * 3600_000,
    );
    const event = await trigger('payout.completed');
    await settled(event.id, endpoint.id, 'succeeded');
    const arrival = receiver.received.find((r) => r.headers['webhook-id'] === event.id)!;
    expect(String(arrival.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect((await verify(arrival.body, arrival.headers, endpoint.secret)).id).toBe(event.id);
    expect((await verify(arrival.body, arrival.headers, rotated.json.data.secret)).id).toBe(event.id);

    const now = await organizer('POST', `/v1/webhook-endpoints/${endpoint.id}:rotate-secret`, {
      body: { overlap_seconds: 0 },
    });
    expect(now.json.data.previous_secret_expires_at).toBeNull();
    const next = await trigger('payout.completed');
    await settled(next.id, endpoint.id, 'succeeded');
    const later = receiver.received.find((r) => r.headers['webhook-id'] === next.id)!;
    expect(String(later.headers['webhook-signature']).split(' ')).toHaveLength(1);
    await expect(verify(later.body, later.headers, rotated.json.data.secret)).rejects.toThrow();
    expect((await verify(later.body, later.headers, now.json.data.secret)).id).toBe(next.id);
  });

  it('sends a ping to the tested endpoint only', async () => {
    receiver.answer(() => ({ status: 204 }));
    const endpoint = await createEndpoint();
    const other = await createEndpoint();
    const res = await organizer('POST', `/v1/webhook-endpoints/${endpoint.id}:test`);
    expect(res.status).toBe(202);
    expect(res.json.data).toMatchObject({ endpoint_id: endpoint.id, event_type: 'ping' });
    const delivery = await settled(res.json.data.event_id, endpoint.id, 'succeeded');
    expect(delivery.attempts).toMatchObject([{ status_code: 204 }]);
    expect(await deliveryOf(res.json.data.event_id, other.id)).toBeUndefined();
    const arrival = receiver.received.find((r) => r.headers['webhook-id'] === res.json.data.event_id)!;
    expect((await verify(arrival.body, arrival.headers, endpoint.secret)).type).toBe('ping');
  });
});

describe('webhook events', () => {
  it('lists every event type with a JSON Schema of its payload', async () => {
    const { status, json } = await organizer('GET', '/v1/webhook-event-types');
    expect(status).toBe(200);
    const types = json.data.map((t: { type: string }) => t.type);
    for (const type of [
      'order.funded',
      'proposal.accepted',
      'ping',
      'webhook_endpoint.disabled',
      'sla.breached',
    ])
      expect(types).toContain(type);
    const funded = json.data.find((t: { type: string }) => t.type === 'order.funded');
    expect(funded.schema).toMatchObject({
      required: ['id', 'type', 'created_at', 'data'],
      properties: { type: { const: 'order.funded' } },
    });
  });

  it('triggers, for every type, a sample that its own JSON Schema accepts', async () => {
    const { json } = await organizer('GET', '/v1/webhook-event-types');
    for (const { type, schema } of json.data as { type: string; schema: Record<string, unknown> }[]) {
      const event = await trigger(type);
      const result = z.fromJSONSchema(schema).safeParse(event);
      expect(result.error?.issues ?? [], type).toEqual([]);
      if (type === 'order.funded')
        expect(z.fromJSONSchema(schema).safeParse({ ...event, data: {} }).success).toBe(false);
    }
  });

  it('triggers a sample event of a type, and rejects an unknown type', async () => {
    const event = await trigger('proposal.accepted');
    expect(event.type).toBe('proposal.accepted');
    const listed = await organizer('GET', '/v1/webhook-events?type=proposal.accepted');
    expect(listed.json.data[0].id).toBe(event.id);
    const bad = await organizer('POST', '/v1/webhook-events:trigger', { body: { type: 'order.exploded' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('/type');
    expect((await api(server, server.sponsor)('GET', `/v1/webhook-events/${event.id}`)).status).toBe(404);
  });

  it('streams events as server-sent events and resumes after Last-Event-ID', async () => {
    const first = await trigger('package.published');
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}/v1/webhook-events/stream?types=package.published`, {
      headers: { authorization: `Bearer ${server.organizer.apiKey}`, 'last-event-id': first.id },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const missed = await trigger('package.published');
    await trigger('order.funded');
    const live = await trigger('package.published');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while ((text.match(/\n\n/g)?.length ?? 0) < 3) text += (await reader.read()).value ?? '';
    controller.abort();
    const messages = text.split('\n\n').filter((block) => block.startsWith('id:'));
    expect(messages.map((block) => block.split('\n')[0])).toEqual([`id: ${missed.id}`, `id: ${live.id}`]);
    expect(JSON.parse(messages[1]!.split('\n')[2]!.slice('data: '.length))).toMatchObject({
      id: live.id,
      type: 'package.published',
    });
  });
});

describe('the event stream', () => {
  it('serves many streams over one LISTEN connection, each its own organization only', async () => {
    const listeners = async () =>
      (
        await server.db.pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and query = 'listen yardpass_webhook_events'`,
        )
      ).rows[0]!.n;
    // The worker listens on the same channel on a connection of its own (it fans out on notification).
    const others = 1;
    const open = (key: string) => {
      const controller = new AbortController();
      const response = fetch(`${server.baseUrl}/v1/webhook-events/stream`, {
        headers: { authorization: `Bearer ${key}` },
        signal: controller.signal,
      });
      return { controller, response };
    };
    const streams = [
      open(server.organizer.apiKey),
      open(server.organizer.apiKey),
      open(server.sponsor.apiKey),
    ];
    const readers = await Promise.all(
      streams.map(async ({ response }) =>
        (await response).body!.pipeThrough(new TextDecoderStream()).getReader(),
      ),
    );
    for (const reader of readers) expect((await reader.read()).value).toContain(': connected');
    expect(await listeners()).toBe(others + 1);
    const event = await trigger('order.created');
    for (const reader of readers.slice(0, 2))
      expect((await reader.read()).value).toContain(`id: ${event.id}`);
    const sponsorEvent = await api(server, server.sponsor)('POST', '/v1/webhook-events:trigger', {
      body: { type: 'order.created' },
    });
    expect((await readers[2]!.read()).value).toContain(`id: ${sponsorEvent.json.data.id as string}`);
    for (const { controller } of streams) controller.abort();
    await vi.waitFor(async () => expect(await listeners()).toBe(others));
  });
});
