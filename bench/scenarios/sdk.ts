import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Yardpass } from '@yardpass/sdk';
import { formatMarkdown, formatText, type Row } from '../lib/table';

const CONCURRENCY = 50;
const WARMUP_MS = 1000;
const ROUND_MS = 1500;
const ROUNDS = 5;
const API_KEY = 'yp_test_bench0000000000000000';
const EVENT_ID = '5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21';

/** An event as the API answers it: the answer every contender asks for and parses. */
const EVENT = {
  id: EVENT_ID,
  owner_org_id: '11111111-1111-4111-8111-111111111111',
  title: 'Summer Fest',
  description: 'Three stages by the river, 12,000 visitors a day.',
  starts_at: '2026-07-01T18:00:00Z',
  ends_at: '2026-07-01T23:00:00Z',
  venue: 'Zilker Park',
  city: 'Austin',
  country: 'US',
  category: 'music',
  target_audience: { age_range: '18-34', interests: ['music', 'outdoor'] },
  brand_safety_tags: ['family'],
  created_at: '2026-06-01T11:57:00Z',
  updated_at: '2026-06-01T11:57:00Z',
};

/**
 * The server, in a worker thread of its own so that it does not share the client's event loop: bare
 * node:http answering every request with the event in its envelope, as JSON with a request id.
 */
const SERVER_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const created = JSON.stringify({ data: workerData.event });
let n = 0;
const server = http.createServer((req, res) => {
  let size = 0;
  req.on('data', (chunk) => { size += chunk.length; });
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 201 : 200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(created),
      'x-request-id': 'req_' + (++n).toString(36),
    });
    res.end(created);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`;

async function startServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const worker = new Worker(SERVER_SOURCE, { eval: true, workerData: { event: EVENT } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

/** What the bench uses of undici: an Agent, its request API, and a fetch that takes it. */
interface Undici {
  Agent: new (options: { headersTimeout: number; bodyTimeout: number }) => {
    close(): Promise<void>;
    request(options: {
      origin: string;
      path: string;
      method: string;
      headers: Record<string, string>;
    }): Promise<{ statusCode: number; body: { text(): Promise<string> } }>;
  };
  fetch(url: string, init: RequestInit & { dispatcher: unknown }): Promise<Response>;
}

/** The undici the SDK itself loads on Node (its own dependency), for a raw baseline on the same client. */
async function loadSdkUndici(): Promise<Undici> {
  const sdkPackage = createRequire(import.meta.url).resolve('@yardpass/sdk/package.json');
  return (await import(pathToFileURL(createRequire(sdkPackage).resolve('undici')).href)) as Undici;
}

interface Contender {
  name: string;
  baseline?: string;
  /** One call: it must resolve to the event. */
  call: () => Promise<{ id: string }>;
}

interface Sample {
  callsPerSecond: number;
  latenciesMs: number[];
}

/** Keeps `CONCURRENCY` calls in flight for `ms`; each finished call starts the next one. */
async function load(call: Contender['call'], ms: number): Promise<Sample> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + ms;
  const lane = async () => {
    while (performance.now() < deadline) {
      const before = performance.now();
      await call();
      latenciesMs.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return { callsPerSecond: latenciesMs.length / ((performance.now() - started) / 1000), latenciesMs };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

const oneDecimal = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Calls per second of the SDK against the same calls made with `fetch` directly, 50 in flight at a time,
 * to a local server that answers at once: what remains is the client's own cost per call (building the
 * request, the idempotency key, the timeout timer, the retry loop, parsing and unwrapping the answer).
 * Each SDK row is compared with the raw `fetch` it runs on: the runtime's global `fetch`, or undici's
 * over a keep-alive Agent (the SDK's default on Node). Rounds alternate between contenders so drift in
 * the machine's speed hits all of them alike; each row is the median of its rounds.
 */
export async function runSdkBench(): Promise<Row[]> {
  const server = await startServer();
  const { origin } = server;
  const headers = { authorization: `Bearer ${API_KEY}`, accept: 'application/json' };
  const undici = await loadSdkUndici();
  const agent = new undici.Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const sdkGlobal = new Yardpass({
    apiKey: API_KEY,
    baseUrl: origin,
    fetch: (url, init) => fetch(url, init),
  });
  const sdkDefault = new Yardpass({ apiKey: API_KEY, baseUrl: origin });
  const body = { title: 'Summer Fest', starts_at: EVENT.starts_at, ends_at: EVENT.ends_at };
  const post = {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
  };
  const unwrap = async (response: Response) => {
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return ((await response.json()) as { data: { id: string } }).data;
  };

  const RAW_GET = 'sdk: raw fetch GET (global)';
  const RAW_GET_UNDICI = 'sdk: raw fetch GET (undici Agent)';
  const RAW_REQUEST_UNDICI = 'sdk: raw undici.request GET (Agent)';
  const RAW_POST = 'sdk: raw fetch POST (global)';
  const contenders: Contender[] = [
    { name: RAW_GET, call: async () => unwrap(await fetch(`${origin}/v1/events/${EVENT_ID}`, { headers })) },
    {
      name: 'sdk: events.retrieve (global fetch)',
      baseline: RAW_GET,
      call: () => sdkGlobal.events.retrieve(EVENT_ID),
    },
    {
      name: RAW_GET_UNDICI,
      call: async () =>
        unwrap(await undici.fetch(`${origin}/v1/events/${EVENT_ID}`, { headers, dispatcher: agent })),
    },
    {
      name: 'sdk: events.retrieve (default: undici Agent)',
      baseline: RAW_GET_UNDICI,
      call: () => sdkDefault.events.retrieve(EVENT_ID),
    },
    {
      // What the SDK's default sends with: its own cost on top of it, not only against fetch.
      name: RAW_REQUEST_UNDICI,
      call: async () => {
        const answer = await agent.request({
          origin,
          path: `/v1/events/${EVENT_ID}`,
          method: 'GET',
          headers,
        });
        const text = await answer.body.text();
        if (answer.statusCode !== 200) throw new Error(`the server answered ${answer.statusCode}`);
        return (JSON.parse(text) as { data: { id: string } }).data;
      },
    },
    {
      name: 'sdk: events.retrieve (default) vs undici.request',
      baseline: RAW_REQUEST_UNDICI,
      call: () => sdkDefault.events.retrieve(EVENT_ID),
    },
    {
      // The raw call sends a key too, so both sides do the same HTTP work.
      name: RAW_POST,
      call: async () =>
        unwrap(
          await fetch(`${origin}/v1/events`, {
            ...post,
            headers: { ...post.headers, 'idempotency-key': crypto.randomUUID() },
            body: JSON.stringify(body),
          }),
        ),
    },
    {
      name: 'sdk: events.create (global fetch)',
      baseline: RAW_POST,
      call: () => sdkGlobal.events.create(body),
    },
  ];

  try {
    for (const contender of contenders) {
      // A benchmark of failures measures nothing: every contender must get the event back.
      if ((await contender.call()).id !== EVENT_ID)
        throw new Error(`${contender.name} did not get the event`);
      await load(contender.call, WARMUP_MS);
    }
    const samples = new Map(contenders.map((contender) => [contender.name, [] as Sample[]]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const contender of contenders)
        samples.get(contender.name)?.push(await load(contender.call, ROUND_MS));
    }
    return contenders.map(({ name, baseline }) => {
      const rounds = samples.get(name) ?? [];
      const latencies = rounds.flatMap((sample) => sample.latenciesMs).sort((a, b) => a - b);
      return {
        scenario: name,
        requestsPerSecond: median(rounds.map((sample) => sample.callsPerSecond)),
        p50Ms: oneDecimal(percentile(latencies, 50)),
        p99Ms: oneDecimal(percentile(latencies, 99)),
        baseline,
      };
    });
  } finally {
    await agent.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    // Anything else running on the machine skews every number; the load average at the start tells.
    const loadAtStart = (loadavg()[0] ?? 0).toFixed(2);
    const rows = await runSdkBench();
    const machine = `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
    console.log(
      `\n${machine}; ${CONCURRENCY} calls in flight, ${ROUNDS} rounds of ${ROUND_MS} ms, median calls/s; load average ${loadAtStart} at start\n`,
    );
    console.log(formatText(rows));
    console.log(`\n${formatMarkdown(rows)}`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
