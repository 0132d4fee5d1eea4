import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
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
