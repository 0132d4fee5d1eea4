/**
 * A worker process whose Stripe never answers (msw holds every call), for the crash test in
 * `payout-crash.test.ts`: it prints `held <method> <path> <idempotency key>` for each Stripe call it is kept
 * waiting on, until the test kills it with SIGKILL.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { loadConfig } from '../src/config';
import { createDb } from '../src/db/pool';
import { startWorker } from '../src/jobs/worker';
import { createLogger } from '../src/logger';

const stripe = setupServer(
  http.all('https://api.stripe.com/*', async ({ request }) => {
    const key = request.headers.get('idempotency-key') ?? '-';
    process.stdout.write(`held ${request.method} ${new URL(request.url).pathname} ${key}\n`);
    await new Promise(() => {});
  }),
);
stripe.listen({ onUnhandledRequest: 'bypass' });
const config = loadConfig(
  {
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
    STRIPE_SECRET_KEY: 'sk_test_msw',
    STRIPE_WEBHOOK_SECRET: 'whsec_test',
    YARDPASS_STRIPE_TIMEOUT_MS: '120000',
    YARDPASS_STRIPE_MAX_RETRIES: '0',
  },
  'dev',
);
const db = createDb({ databaseUrl: config.DATABASE_URL!, max: 5 });
await startWorker({ db, config, log: createLogger('silent') });
process.stdout.write('working\n');
