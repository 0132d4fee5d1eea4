import type { TestOrg, TestServer } from '../../../test/server';
import { api } from '../../../test/server';

/** One thing another organization must not be able to read or change. */
export interface TenancyCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

/**
 * The tenancy matrix: each area registers the requests an outsider might try against an owner's resources
 * (built from ids the owner created), and `probe` runs them all as the outsider. Every one must answer 404,
 * and the owner's view must be unchanged afterwards.
 */
export type TenancyArea = (server: TestServer, owner: TestOrg) => Promise<TenancyCase[]>;

export async function probe(server: TestServer, outsider: TestOrg, cases: TenancyCase[]) {
  const call = api(server, outsider);
  return Promise.all(
    cases.map(async (attempt) => {
      const res = await call(attempt.method, attempt.path, { body: attempt.body });
      return { name: attempt.name, status: res.status, type: res.json?.type as string | undefined };
    }),
  );
}
