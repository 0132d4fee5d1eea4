import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDb, type Db } from '../src/db/pool';
import { createOrganization } from '../src/domain/identity';
import { listen } from '../src/listen';
import { createLogger } from '../src/logger';

let primary: Db;
let replica: Db;
let baseUrl: string;
let close: () => Promise<void>;
let apiKey: string;

/** A disabled webhook endpoint of `orgId` in `db`: one inbox item. */
const failingEndpoint = (db: Db, orgId: string, url: string) =>
  db.system((tx) =>
    tx.query(
      `insert into webhook_endpoints (org_id, url, secret, enabled, disabled_reason, failing_since)
         values ($1, $2, 'whsec_x', false, 'failing', now()) returning id`,
      [orgId, url],
    ),
  );

beforeAll(async () => {
  // Two databases stand for a primary and its replica; only the replica holds the stuck endpoint.
  const [primaryUrl, replicaUrl] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DATABASE_URL: primaryUrl, DATABASE_READ_URL: replicaUrl },
    'dev',
  );
  primary = createDb({ databaseUrl: primaryUrl, max: 5 });
  replica = createDb({ databaseUrl: config.DATABASE_READ_URL!, max: 5 });
  const { organization, apiKey: key } = await createOrganization(primary, { name: 'Organizer' });
  apiKey = key;
  await replica.system((tx) =>
    tx.query(`insert into organizations (id, name) values ($1, 'Organizer')`, [organization.id]),
  );
  await failingEndpoint(primary, organization.id, 'https://primary.example.com/hook');
  await failingEndpoint(replica, organization.id, 'https://replica.example.com/hook');
  const { app } = createApp({
    config,
    db: primary,
    readDb: replica,
    log: createLogger('silent'),
    validateResponses: true,
  });
  const server = await listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${server.port}`;
  close = async () => {
    await server.close();
    await Promise.all([primary.close(), replica.close()]);
  };
});
afterAll(() => close());

describe('DATABASE_READ_URL', () => {
  it('sends the ops reads to the replica while authentication reads the primary', async () => {
    const res = await fetch(`${baseUrl}/v1/ops/inbox`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { kind: string; id: string }[] };
    const { rows } = await replica.system((tx) =>
      tx.query<{ id: string }>('select id from webhook_endpoints'),
    );
    expect(data.map((item) => item.id)).toEqual([rows[0]!.id]);
  });

  it('is validated at start like DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'mysql://replica' }, 'dev')).toThrow(/DATABASE_READ_URL/);
  });
});
