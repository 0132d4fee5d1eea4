import type { HttpMethod } from '@yardpass/sdk';
import { Command } from 'commander';
import type { Bind, Context } from '../context.js';
import { usageError } from '../errors.js';
import { readData } from '../fields.js';
import { withExamples } from './help.js';

const methods: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `yardpass api <method> <path>`: any request, authenticated from the profile, like `gh api`. */
export function apiCommand({ bind }: { bind: Bind }): Command {
  const api = new Command('api')
    .description('Send any request to the API, authenticated from your profile, and print the JSON answer')
    .argument('<method>', methods.join(', '))
    .argument('<path>', 'The path, e.g. /v1/events')
    .option('--data <json>', 'The request body as JSON, @file.json, or - for standard input')
    .option('-q, --query <key=value>', 'A query parameter; repeat for more', collect, []);
  withExamples(api, [
    'yardpass api GET /v1/organizations/current',
    'yardpass api GET /v1/events -q limit=5 -q city=Austin',
    `yardpass api POST /v1/sponsors --data '{"name": "Fizz Cola"}'`,
  ]);
  bind(api, (context) =>
    runApi(context, { ...api.opts(), method: api.args[0] ?? '', path: api.args[1] ?? '' }),
  );
  return api;
}

async function runApi(
  context: Context,
  options: { method: string; path: string; data?: string; query: string[] },
): Promise<void> {
  const method = options.method.toUpperCase();
  if (!isMethod(method))
    throw usageError(`Unknown method "${options.method}"; use one of ${methods.join(', ')}.`);
  const query = Object.fromEntries(options.query.map(parsePair));
  const body = options.data === undefined ? undefined : await readData(options.data, context.deps.stdin);
  const client = await context.client();
  const stop = context.io.spinner(`${method} ${options.path}…`);
  let answer: unknown;
  try {
    answer = await client.request({ method, path: `/${options.path.replace(/^\/+/, '')}`, query, body });
  } finally {
    stop();
  }
  // Answers that are not JSON (`/metrics`, `/openapi.yaml`) come back as text and are printed as they are.
  if (typeof answer === 'string') context.io.print(answer);
  else if (answer instanceof Uint8Array) context.io.bytes(answer, 'binary');
  else if (answer !== undefined) context.io.json(answer);
}

function isMethod(method: string): method is HttpMethod {
  return methods.some((known) => known === method);
}

function parsePair(pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at < 1) throw usageError(`-q takes key=value; got "${pair}".`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
