import { CommanderError } from 'commander';
import type { Context } from './context.js';
import { CliError, EXIT, type ExitCode } from './errors.js';
import type { Io } from './output.js';
import type { APIError } from '@yardpass/sdk';

/**
 * Says what went wrong in one line, then what to do about it, and answers the exit code.
 * Stack traces only with `--debug`.
 */
export async function reportError(options: {
  error: unknown;
  io: Io;
  context: Context | undefined;
}): Promise<ExitCode> {
  const { error, io, context } = options;
  // commander has already printed its own message (or the help / version that was asked for).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  const report = await describe(error, context);
  if (report.lines.length) {
    const [first = '', ...rest] = report.lines;
    io.note([`${io.err.red('error')} ${first}`, ...rest.map((line) => `  ${line}`)].join('\n'));
  }
  if (context?.debug && error instanceof Error && error.stack) io.note(io.err.dim(stackWithCauses(error)));
  return report.exitCode;
}

interface Report {
  lines: string[];
  exitCode: ExitCode;
}

async function describe(error: unknown, context: Context | undefined): Promise<Report> {
  if (error instanceof CliError) {
    return { lines: error.code === 'interrupted' ? [] : [error.message], exitCode: error.exitCode };
  }
  const sdk = await import('@yardpass/sdk');
  const settings = await context?.settings().catch(() => undefined);
  const server = settings?.baseUrl ?? 'the server';
  if (error instanceof sdk.APIUserAbortError) return { lines: [], exitCode: EXIT.interrupted };
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return {
      lines: [`${server} did not answer in time. Try again; if it persists, check the server.`],
      exitCode: EXIT.api,
    };
  }
  if (error instanceof sdk.APIConnectionError) {
    return {
      lines: [
        `Could not connect to ${server} (${rootCause(error).message}).`,
        'Is the server running there? Change the URL with `yardpass config set base_url <url>` or YARDPASS_BASE_URL.',
      ],
      exitCode: EXIT.api,
    };
  }
  if (error instanceof sdk.APIError) {
    const lines = [`${error.detail ?? error.title} (${error.status})`];
    for (const field of error.errors) lines.push(`${field.path || '(body)'}: ${field.message}`);
    const hint = hintFor(error, {
      profile: settings?.profile,
      fromEnv: settings?.apiKeySource === 'YARDPASS_API_KEY',
    });
    if (hint) lines.push(hint);
    if (error.requestId) lines.push(`Request ID: ${error.requestId}`);
    // Invalid input is a usage error (2) whether the CLI or the server caught it.
    const exitCode =
      error.status === 400 || error.status === 422
        ? EXIT.usage
        : error instanceof sdk.AuthenticationError
          ? EXIT.auth
          : EXIT.api;
    return { lines, exitCode };
  }
  if (error instanceof sdk.YardpassError) {
    // The SDK refused before sending anything, e.g. a malformed base URL from YARDPASS_BASE_URL.
    const exitCode =
      error.code === 'missing-credentials'
        ? EXIT.auth
        : error.code === 'invalid-option'
          ? EXIT.usage
          : EXIT.api;
    return { lines: [error.message], exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    lines: [
      `Unexpected error: ${message}`,
      ...(context?.debug ? [] : ['Run again with --debug to see where it happened.']),
    ],
    exitCode: EXIT.api,
  };
}

/**
 * What to do next, fitted to the problem's code (see docs/errors.md); a code this CLI does not know (a
 * proxy's answer, a newer server) is read by its status. Nothing when the detail says it all.
 */
function hintFor(
  error: APIError,
  options: { profile: string | undefined; fromEnv: boolean },
): string | undefined {
  const byStatus: Partial<Record<number, string>> = {
    401: 'unauthenticated',
    404: 'not-found',
    412: 'precondition-failed',
    429: 'rate-limited',
  };
  return hintForCode(error.code, error, options) ?? hintForCode(byStatus[error.status], error, options);
}

function hintForCode(
  code: string | undefined,
  error: APIError,
  options: { profile: string | undefined; fromEnv: boolean },
): string | undefined {
  const state = error.problem.current_status;
  switch (code) {
    case 'unauthenticated':
      return options.fromEnv
        ? 'The server rejected YARDPASS_API_KEY; set a valid key or unset it.'
        : `The server rejected the API key of profile "${options.profile ?? 'default'}"; run \`yardpass login\` to store a valid one.`;
    case 'forbidden':
      return "Your key's role does not allow this; use a key with a higher role, or ask an owner or admin.";
    case 'wrong-side':
      return "This is the other party's step: run it with their profile (`--profile <name>`) or ask them to.";
    case 'not-found':
      return 'Check the id: you see only what your organization owns or is a party to.';
    case 'route-not-found':
      return 'The server does not serve this command: is base_url the Yardpass API (`yardpass config get base_url`), and is the server as new as the CLI?';
    case 'lock-conflict':
    case 'idempotency-in-progress':
      return 'Another request was changing it at the same moment; run the command again.';
    case 'precondition-failed':
      return 'It changed since you read it; fetch it again and reapply your change.';
    case 'rate-limited': {
      const after = error.headers.get('retry-after');
      return `Too many requests; try again${after ? ` in ${after} s` : ' shortly'}.`;
    }
    default:
      if (error.status === 409 && typeof state === 'string')
        return `It is ${state} now; fetch it to see what it allows.`;
      return error.status >= 500
        ? 'The server failed; try again, and quote the request id if it keeps happening.'
        : undefined;
  }
}

/** `connect ECONNREFUSED 127.0.0.1:3000` rather than fetch's own `fetch failed`. */
function rootCause(error: Error): Error {
  return error.cause instanceof Error ? rootCause(error.cause) : error;
}

function stackWithCauses(error: Error): string {
  const parts = [error.stack ?? String(error)];
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause)
    parts.push(`Caused by: ${cause.stack ?? cause.message}`);
  return parts.join('\n');
}
