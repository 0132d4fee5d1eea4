import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../errors';
import { createLogger } from '../logger';
import { loadSpec } from '../spec';
import { problemResponse } from './problem';

const context = { requestId: 'req_1', log: createLogger('silent') };

function databaseError(code: string) {
  const error = new pg.DatabaseError('could not serialize access', 0, 'error');
  error.code = code;
  return error;
}

describe('problemResponse', () => {
  it.each(['40001', '40P01', '55P03'])(
    'answers a lost race (%s) as a retryable 409 lock conflict',
    async (code) => {
      const response = problemResponse(databaseError(code), context);
      expect(response.status).toBe(409);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.json()).toMatchObject({
        type: 'https://yardpass.dev/problems/lock-conflict',
        request_id: 'req_1',
      });
    },
  );

  it('answers any other database error as a 500 that names only the request id', async () => {
    const response = problemResponse(databaseError('XX000'), context);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { detail: string };
    expect(body.detail).toContain('req_1');
    expect(body.detail).not.toContain('serialize');
  });
});

describe('the error codes of the contract', () => {
  const schema = loadSpec().document.components.schemas.ErrorCode as {
    enum: string[];
    'x-enum-descriptions': Record<string, string>;
    'x-doc-urls': Record<string, string>;
  };
  const listed = new Set(schema.enum);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const docs = readFileSync(fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url)), 'utf8');

  /**
   * Every `code: 'x'` (and `code = 'x'` default) in the server's source, and the first argument of the order
   * domain's `conflict('x', …)` helper (possibly on the next line), with where it is.
   */
  function thrownCodes(): Map<string, string> {
    const found = new Map<string, string>([['internal', 'http/problem.ts']]);
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.startsWith('generated')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/\bcode(?::| =)\s*'([a-z_]+)'|\bconflict\(\s*'([a-z_]+)'/g)) {
        const code = (match[1] ?? match[2]!).replaceAll('_', '-');
        const line = text.slice(0, match.index).split('\n').length;
        if (!found.has(code)) found.set(code, `${file}:${line}`);
      }
    }
    return found;
  }

  it('lists every code the server can put in a problem body', () => {
    const missing = [...thrownCodes()].filter(([code]) => !listed.has(code));
    expect(
      missing.map(
        ([code, where]) =>
          `"${code}" (thrown at packages/server/src/${where}) is not in the contract: add "${code}" to ` +
          `openapi.yaml → components.schemas.ErrorCode (to enum, a one-line meaning to x-enum-descriptions, ` +
          `"docs/errors.md#${code}" to x-doc-urls), a "## ${code}" section to docs/errors.md, then run pnpm gen.`,
      ),
    ).toEqual([]);
  });

  it('lists only codes the server can answer', () => {
    const thrown = thrownCodes();
    expect(
      schema.enum
        .filter((code) => !thrown.has(code))
        .map(
          (code) => `"${code}" is in openapi.yaml's ErrorCode but nothing in packages/server/src throws it`,
        ),
    ).toEqual([]);
  });

  it('gives each code a meaning and a link to its section of docs/errors.md', () => {
    for (const code of schema.enum) {
      expect(schema['x-enum-descriptions'][code], code).toMatch(/^\d{3}: \S/);
      expect(schema['x-doc-urls'][code], code).toBe(`docs/errors.md#${code}`);
      expect(docs, `docs/errors.md needs a "## ${code}" section`).toContain(`\n## ${code}\n`);
    }
  });

  it('puts the code in the body, in the spelling of the problem type', async () => {
    const conflict = problemResponse(
      new ConflictError({ code: 'in_use', detail: 'Other records still refer to this one.' }),
      context,
    );
    expect(await conflict.json()).toMatchObject({
      type: 'https://yardpass.dev/problems/in-use',
      code: 'in-use',
    });
    const unknown = problemResponse(new Error('boom'), context);
    expect(await unknown.json()).toMatchObject({ code: 'internal', status: 500 });
  });
});
