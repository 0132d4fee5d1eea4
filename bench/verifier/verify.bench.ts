import { availableParallelism, cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { sign, verify, type YardpassWebhookEvent } from '@yardpass/webhook-verifier';
import { verify as verifyWeb } from '@yardpass/webhook-verifier/web';
import { Webhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { formatMarkdown, formatText, type Row } from '../lib/table';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const PAYLOAD_BYTES = 1024;
const WARMUP_MS = 500;
const ROUND_MS = 1000;
const ROUNDS = 5;
const BASELINE = 'verify 1 KiB: standardwebhooks';

interface Contender {
  name: string;
  verify: () => unknown;
}

/** An order.funded event padded to exactly `PAYLOAD_BYTES` of UTF-8 JSON. */
function payload(): string {
  const event: YardpassWebhookEvent<'order.funded'> = {
    id: 'evt_01JD4Z0Q3K8M2Y6V9T5R7W1X3C',
    type: 'order.funded',
    created_at: '2026-11-23T10:00:00Z',
    data: {
      id: '6f1c2e0a-6c1b-4a43-9f4e-2f7d9f1f1b11',
      event_id: '0b9a4c5d-3e2f-4a1b-8c7d-6e5f4a3b2c1d',
      sponsor_id: '9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a',
      package_id: '1a2b3c4d-5e6f-4a1b-8c7d-9e8f7a6b5c4d',
      proposal_id: null,
      organizer_org_id: '2b3c4d5e-6f7a-4b1c-8d9e-0f1a2b3c4d5e',
      sponsor_org_id: '3c4d5e6f-7a8b-4c1d-8e9f-1a2b3c4d5e6f',
      created_by_side: 'sponsor',
      variant_id: null,
      sla_terms: null,
      release_policy: 'whole_order',
      release_weights: {},
      released_cents: 0,
      amount_cents: 150000,
      currency: 'EUR',
      status: 'active',
      escrow_state: 'funded',
      payment_status: 'succeeded',
      payment_error: '',
      stripe_payment_intent_id: 'pi_3Q1',
      application_fee_cents: null,
      platform_fee_bps: 1000,
      refunded_cents: 0,
      disputed: false,
      cancellation_policy: { window_days: 14, penalty_pct: 0.1 },
      lock_reason: null,
      funded_at: '2026-11-23T10:00:00Z',
      locked_at: null,
      released_at: null,
      cancelled_at: null,
      created_at: '2026-11-23T09:00:00Z',
      updated_at: '2026-11-23T10:00:00Z',
    },
  };
  const unpadded = Buffer.byteLength(JSON.stringify(event));
  // Padding in a free-text field brings the body to exactly PAYLOAD_BYTES.
  event.data.payment_error = 'f'.repeat(PAYLOAD_BYTES - unpadded);
  return JSON.stringify(event);
}

/** Operations per second of `fn` over about `ms` milliseconds; awaits only when `fn` returns a promise. */
async function opsPerSecond(fn: () => unknown, ms: number): Promise<number> {
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(ms) * 1_000_000n;
  let operations = 0;
  let now = started;
  while (now < deadline) {
    // Batches keep the clock reads out of the measured cost.
    for (let i = 0; i < 100; i++) {
      const result = fn();
      if (result instanceof Promise) await result;
    }
    operations += 100;
    now = process.hrtime.bigint();
  }
  return operations / (Number(now - started) / 1e9);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Verifications per second of a signed 1 KiB webhook for standardwebhooks (the baseline), svix and this
 * package's node:crypto and Web Crypto builds. Every contender does the same work: check one v1
 * signature and the timestamp, parse the JSON. Rounds alternate between contenders so drift in the
 * machine's speed hits all of them alike; each row is the median of the rounds.
 */
export async function runVerifierBench(): Promise<Row[]> {
  const body = payload();
  const headers = await sign({ payload: body, secret: SECRET, id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W' });
  const standard = new Webhook(SECRET);
  const svix = new SvixWebhook(SECRET);
  const contenders: Contender[] = [
    { name: BASELINE, verify: () => standard.verify(body, headers) },
    { name: 'verify 1 KiB: svix', verify: () => svix.verify(body, headers) },
    {
      name: 'verify 1 KiB: @yardpass/webhook-verifier (node:crypto)',
      verify: () => verify(body, headers, SECRET),
    },
    {
      name: 'verify 1 KiB: @yardpass/webhook-verifier (Web Crypto)',
      verify: () => verifyWeb(body, headers, SECRET),
    },
  ];

  const expected: unknown = JSON.parse(body);
  for (const contender of contenders) {
    // A benchmark of failures measures nothing: every contender must verify and return the event.
    if (!isDeepStrictEqual(await contender.verify(), expected))
      throw new Error(`${contender.name} did not verify`);
    await opsPerSecond(contender.verify, WARMUP_MS);
  }
  const samples = new Map(contenders.map((contender) => [contender.name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const contender of contenders)
      samples.get(contender.name)?.push(await opsPerSecond(contender.verify, ROUND_MS));
  }
  return contenders.map(({ name }) => ({
    scenario: name,
    requestsPerSecond: median(samples.get(name) ?? []),
    baseline: name === BASELINE ? undefined : BASELINE,
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    // Anything else running on the machine skews every number; the load average at the start tells.
    const loadAtStart = (loadavg()[0] ?? 0).toFixed(2);
    const rows = await runVerifierBench();
    const machine = `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
    console.log(
      `\n${machine}; ${ROUNDS} rounds of ${ROUND_MS} ms after ${WARMUP_MS} ms warm-up, median ops/s; load average ${loadAtStart} at start\n`,
    );
    console.log(formatText(rows));
    console.log(`\n${formatMarkdown(rows)}`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
