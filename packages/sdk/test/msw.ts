import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { Yardpass, type ClientOptions } from '../src/index.js';

export const BASE_URL = 'https://yardpass.test';
export const API_KEY = 'yp_test_0123456789abcdef';

/** One msw server per test file; unhandled requests fail the test. */
export function useServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/**
 * A client whose requests msw answers: msw patches the global `fetch`, which the Node default
 * (undici's own fetch) bypasses, so the global one is looked up at call time.
 */
export function createClient(options: ClientOptions = {}): Yardpass {
  return new Yardpass({
    apiKey: API_KEY,
    baseUrl: BASE_URL,
    fetch: (url, init) => fetch(url, init),
    ...options,
  });
}

/** The `{ data }` envelope of one resource. */
export const envelope = <T>(data: T) => ({ data });
