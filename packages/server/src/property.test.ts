import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: '100000' });
});
afterAll(() => server.close());

const countRows = async () =>
  (
    await server.db.system((tx) =>
      tx.query<{ n: number }>(
        `select (select count(*) from events) + (select count(*) from sponsors) + (select count(*) from org_members)
              + (select count(*) from api_keys) + (select count(*) from sponsor_profiles) as n`,
      ),
    )
  ).rows[0]!.n;

/** Random JSON, plus near-misses of real bodies (right keys, wrong types and sizes). */
const body = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      name: fc.oneof(fc.string({ maxLength: 300 }), fc.boolean()),
      email: fc.oneof(fc.emailAddress(), fc.string()),
      starts_at: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string(),
      ),
      ends_at: fc.oneof(fc.string(), fc.integer()),
      role: fc.oneof(fc.constantFrom('owner', 'admin', 'member', 'viewer', 'root'), fc.integer()),
      budget_min_cents: fc.oneof(fc.integer(), fc.double(), fc.string()),
      brand_safety_tags: fc.oneof(fc.array(fc.string()), fc.string()),
    },
    { requiredKeys: [] },
  ),
);
const endpoints = ['/v1/events', '/v1/sponsors', '/v1/members', '/v1/api-keys'];

describe('create endpoints under random input', () => {
  it('never answer 5xx, always answer a problem when they refuse, and write nothing when they refuse', async () => {
    const { json } = await api(server, server.organizer)('POST', '/v1/sponsors', {
      body: { name: 'Profiled' },
    });
    const paths = [...endpoints, `/v1/sponsors/${json.data.id as string}/profile`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, async (path, input) => {
        const before = await countRows();
        const res = await api(server, server.organizer)(path.endsWith('profile') ? 'PUT' : 'POST', path, {
          body: input,
        });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toBe('application/problem+json');
          expect(res.json).toMatchObject({
            type: expect.any(String),
            title: expect.any(String),
            status: res.status,
          });
          expect(await countRows()).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});
