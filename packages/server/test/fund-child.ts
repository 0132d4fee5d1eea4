/**
 * A server process whose Stripe never answers (msw holds every POST), for the crash test in
 * `fund-outside-locks.test.ts`: it prints `listening <url>`, then `held <path>` for each Stripe call it is kept
 * waiting on, until the test kills it with SIGKILL.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/pool';
import { listen } from '../src/listen';
import { createLogger } from '../src/logger';

const stripe = setupServer(
  http.post('https://api.stripe.com/*', async ({ request }) => {
    process.stdout.write(`held ${new URL(request.url).pathname}\n`);
    await new Promise(() => {});
  }),
);
stripe.listen({ onUnhandledRequest: 'bypass' });
const config = loadConfig(
  {
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
    STRIPE_SECRET_KEY: 'sk_test_msw',
    YARDPASS_STRIPE_TIMEOUT_MS: '120000',
    YARDPASS_STRIPE_MAX_RETRIES: '0',
  },
  'dev',
);
const db = createDb({ databaseUrl: config.DATABASE_URL!, max: 5 });
const { app } = createApp({ config, db, log: createLogger('silent') });
const { port } = await listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
process.stdout.write(`listening http://127.0.0.1:${port}\n`);
