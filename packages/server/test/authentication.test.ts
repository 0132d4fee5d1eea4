import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server';
import { loadSpec } from '../src/spec';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const operations = loadSpec().operations.filter((operation) => operation.authenticated);

describe('every authenticated operation', () => {
  it.each(operations.map((operation) => [operation.id, operation] as const))(
    '%s answers 401 without credentials',
    async (_, operation) => {
      const path = operation.path.replace(/\{\w+\}/g, () => randomUUID());
      const res = await api(server, undefined)(operation.method.toUpperCase(), path, {
        body: operation.body ? {} : undefined,
      });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ type: 'https://yardpass.dev/problems/unauthenticated', status: 401 });
    },
  );
});
