import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { loadConfig } from './config';
import { createDb } from './db/pool';
import { honoPath } from './http/router';
import { createLogger } from './logger';
import { loadSpec } from './spec';

describe('the server and openapi.yaml', () => {
  const spec = loadSpec();
  const db = createDb({ databaseUrl: 'postgres://unused@127.0.0.1:1/none', max: 1 });
  const { app, unimplemented } = createApp({
    config: loadConfig({ LOG_LEVEL: 'silent' }, 'dev'),
    db,
    log: createLogger('silent'),
    spec,
  });
  const served = new Set(
    app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`),
  );
  const documented = new Set(spec.operations.map((op) => `${op.method.toUpperCase()} ${honoPath(op.path)}`));

  it('serves every documented operation, each with its handler', () => {
    expect(unimplemented).toEqual([]);
    expect([...documented].filter((route) => !served.has(route))).toEqual([]);
  });

  it('serves nothing undocumented', () => {
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
  });

  it('gives every operation a unique operationId and a problem answer for bad credentials', () => {
    const ids = spec.operations.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    const document = spec.document.paths;
    for (const op of spec.operations.filter((o) => o.authenticated)) {
      const responses = (document[op.path]![op.method] as { responses: Record<string, unknown> }).responses;
      expect(Object.keys(responses), op.id).toContain('401');
    }
  });
});
