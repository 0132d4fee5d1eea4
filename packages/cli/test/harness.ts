import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Yardpass } from '@yardpass/sdk';
import type { Resource } from '../src/commands/resource.js';
import type { ConfigFile } from '../src/config.js';
import { interrupted } from '../src/errors.js';
import { createProgram } from '../src/program.js';
import type { Choice, Prompts } from '../src/prompts.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Headers;
  body: unknown;
}

interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `'GET /v1/events'` → what the fake server answers; unlisted requests fail the test. */
export type Routes = Record<string, (request: RecordedRequest) => Answer>;

/** A scripted answer to the next prompt: text, a yes or no, or `interrupt` to act as Ctrl+C. */
export type PromptAnswer = string | boolean | typeof interrupt;
export const interrupt = { interrupt: true } as const;

export const BASE_URL = 'http://yardpass.test';
export const API_KEY = 'yp_test_0123456789abcdef';

/**
 * A program wired to a fake server (an injected `fetch`), scripted prompts, buffers for stdout and
 * stderr, and a config directory of its own.
 */
export async function harness(options: {
  routes?: Routes;
  answers?: PromptAnswer[];
  tty?: boolean;
  env?: Record<string, string>;
  config?: ConfigFile;
  stdin?: string;
  resources?: readonly Resource[];
}) {
  const configHome = await mkdtemp(join(tmpdir(), 'yardpass-cli-'));
  const configFile = join(configHome, 'yardpass', 'config.json');
  const config = options.config ?? {
    current_profile: 'default',
    profiles: { default: { base_url: BASE_URL, api_key: API_KEY } },
  };
  await mkdir(join(configHome, 'yardpass'), { recursive: true });
  await writeFile(configFile, JSON.stringify(config));

  const requests: RecordedRequest[] = [];
  const asked: string[] = [];
  const answers = [...(options.answers ?? [])];
  const routes = options.routes ?? {};
  const tty = options.tty ?? false;

  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) throw new Error(`Unexpected request: ${request.method} ${url.pathname}`);
    const answer = route(recorded);
    const status = answer.status ?? 200;
    const problem = status >= 400;
    const body =
      answer.body === undefined
        ? null
        : typeof answer.body === 'string' || answer.body instanceof Uint8Array
          ? answer.body
          : JSON.stringify(answer.body);
    return new Response(body as BodyInit | null, {
      status,
      headers: {
        'content-type': problem ? 'application/problem+json' : 'application/json',
        'x-request-id': 'req_test_1',
        ...answer.headers,
      },
    });
  };

  const next = (message: string): string | boolean => {
    asked.push(message);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`Unexpected prompt: ${message}`);
    if (typeof answer === 'object') throw interrupted();
    return answer;
  };
  const prompts: Prompts = {
    input: ({ message, validate }) => {
      const answer = String(next(message));
      const verdict = validate?.(answer) ?? true;
      if (verdict !== true) throw new Error(`Prompt "${message}" rejected "${answer}": ${verdict}`);
      return Promise.resolve(answer);
    },
    password: ({ message }) => Promise.resolve(String(next(message))),
    confirm: ({ message }) => Promise.resolve(next(message) === true),
    select: <T>({ message, choices }: { message: string; choices: readonly Choice<T>[] }) => {
      const answer = next(message);
      const choice = choices.find((candidate) => candidate.name === answer || candidate.value === answer);
      if (!choice)
        throw new Error(`No choice "${String(answer)}" in ${choices.map((c) => c.name).join(', ')}`);
      return Promise.resolve(choice.value);
    },
  };

  const output = () => {
    let text = '';
    const bytes: Uint8Array[] = [];
    return {
      write: (chunk: string | Uint8Array) =>
        typeof chunk === 'string' ? (text += chunk) : bytes.push(chunk),
      isTTY: tty,
      columns: 200,
      text: () => text,
      bytes: () => Buffer.concat(bytes),
    };
  };
  const stdout = output();
  const stderr = output();
  const env = { XDG_CONFIG_HOME: configHome, HOME: configHome, NO_COLOR: '1', ...options.env };
  const stdinText = options.stdin ?? '';

  const run = async (...argv: string[]) => {
    const program = createProgram({
      createClient: ({ apiKey, baseUrl }) =>
        Promise.resolve(new Yardpass({ apiKey, baseUrl, fetch: fakeFetch, maxRetries: 0 })),
      prompts,
      stdin: Object.assign(Readable.from([stdinText]), { isTTY: tty }),
      stdout,
      stderr,
      env,
      version: '1.2.3',
      now: () => new Date('2026-06-01T12:00:00Z'),
      resources: options.resources,
    });
    const code = await program.run(argv);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  return {
    run,
    /** What was written to stdout as bytes (binary answers), across runs. */
    stdoutBytes: () => stdout.bytes(),
    requests,
    asked,
    configFile,
    readConfig: async (): Promise<ConfigFile> => JSON.parse(await readFile(configFile, 'utf8')) as ConfigFile,
  };
}

export const event = {
  id: '5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21',
  owner_org_id: '11111111-1111-4111-8111-111111111111',
  title: 'Summer Fest',
  description: null,
  starts_at: '2026-07-01T18:00:00Z',
  ends_at: '2026-07-01T23:00:00Z',
  venue: 'Zilker Park',
  city: 'Austin',
  country: 'US',
  category: 'music',
  target_audience: { age_range: '18-34' },
  brand_safety_tags: ['family'],
  created_at: '2026-06-01T11:57:00Z',
  updated_at: '2026-06-01T11:57:00Z',
};

export const page = (data: unknown[], next?: string) => ({
  body: { data, has_more: next !== undefined, next_cursor: next ?? null },
});
