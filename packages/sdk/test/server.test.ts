import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, BadRequestError, NotFoundError, Yardpass } from '@yardpass/sdk';
import { startTestServer, type TestServer } from '../../../test/server';

let server: TestServer;
let organizer: Yardpass;
beforeAll(async () => {
  server = await startTestServer();
  organizer = new Yardpass({ apiKey: server.organizer.apiKey, baseUrl: server.baseUrl });
});
afterAll(() => server.close());

describe('the SDK against a real server', () => {
  it('creates, retrieves, updates, pages through and deletes events', async () => {
    const created = await organizer.events.create({
      title: 'SDK Summit',
      starts_at: '2030-05-01T09:00:00Z',
      ends_at: '2030-05-01T17:00:00Z',
    });
    expect(created.owner_org_id).toBe(server.organizer.orgId);
    expect((await organizer.events.retrieve(created.id)).title).toBe('SDK Summit');
    expect((await organizer.events.update(created.id, { city: 'Berlin' })).city).toBe('Berlin');
    for (let i = 0; i < 4; i++) {
      await organizer.events.create({
        title: `Day ${i}`,
        starts_at: `2030-06-0${i + 1}T09:00:00Z`,
        ends_at: `2030-06-0${i + 1}T10:00:00Z`,
      });
    }
    const titles: string[] = [];
    for await (const event of organizer.events.list({ limit: 2 })) titles.push(event.title);
    expect(titles).toEqual(['SDK Summit', 'Day 0', 'Day 1', 'Day 2', 'Day 3']);
    await organizer.events.del(created.id);
    await expect(organizer.events.retrieve(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sends one Idempotency-Key per call and replays it on request', async () => {
    const body = { name: 'Replayed Brand' };
    const first = await organizer.sponsors.create(body, { idempotencyKey: 'sdk-replay' }).withResponse();
    const again = await organizer.sponsors.create(body, { idempotencyKey: 'sdk-replay' }).withResponse();
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.data.id).toBe(first.data.id);
    expect(again.requestId).toMatch(/^req_/);
  });

  it('turns problems into typed errors with field paths and the request id', async () => {
    const error = (await organizer.events
      .create({ title: '', starts_at: 'soon', ends_at: 'later' })
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.errors.map((e) => e.path).sort()).toEqual(['/ends_at', '/starts_at', '/title']);
    expect(error.requestId).toMatch(/^req_/);
  });

  it('stops working with a key the moment it is revoked', async () => {
    const key = await organizer.apiKeys.create({ name: 'temporary' });
    const temporary = new Yardpass({ apiKey: key.secret, baseUrl: server.baseUrl, maxRetries: 0 });
    expect((await temporary.organizations.retrieveCurrent()).caller.api_key_id).toBe(key.id);
    await organizer.apiKeys.revoke(key.id);
    await expect(temporary.organizations.retrieveCurrent()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
