import { describe, expect, it } from 'vitest';
import { toRequest } from './resource.js';

describe('toRequest', () => {
  it.each([
    [
      'no path parameter',
      'GET /v1/organizations/current',
      undefined,
      [{ timeout: 5 }],
      { path: '/v1/organizations/current', timeout: 5 },
    ],
    ['a body', 'POST /v1/events', 'body', [{ title: 'T' }], { path: '/v1/events', body: { title: 'T' } }],
    [
      'a query',
      'GET /v1/events',
      'query',
      [{ city: 'Austin' }],
      { path: '/v1/events', query: { city: 'Austin' } },
    ],
    ['a lone id', 'GET /v1/events/{id}', undefined, ['e/1'], { path: '/v1/events/e%2F1' }],
    [
      'an id and a body',
      'PATCH /v1/events/{id}',
      'body',
      ['e1', { title: 'T' }, { orgId: 'o' }],
      { path: '/v1/events/e1', body: { title: 'T' }, orgId: 'o' },
    ],
    [
      'several path parameters, as one object',
      'PUT /v1/workspaces/{id}/widgets/{widget_id}',
      'body',
      [{ id: 'w 1', widget_id: 'feed' }, { size: 2 }],
      { path: '/v1/workspaces/w%201/widgets/feed', body: { size: 2 } },
    ],
    [
      'a custom action',
      'POST /v1/api-keys/{id}:revoke',
      undefined,
      ['k1', { idempotencyKey: 'x' }],
      { path: '/v1/api-keys/k1:revoke', idempotencyKey: 'x' },
    ],
  ])('reads %s', (_, route, input, args, expected) => {
    expect(toRequest(route, input as 'body' | 'query' | undefined, args)).toMatchObject({
      method: route.split(' ')[0],
      ...expected,
    });
  });

  it('names a missing path parameter', () => {
    expect(() =>
      toRequest('GET /v1/workspaces/{id}/widgets/{widget_id}', undefined, [{ id: 'w1' }]),
    ).toThrowError(
      expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining('`widget_id`') }),
    );
  });
});
