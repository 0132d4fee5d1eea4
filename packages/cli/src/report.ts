import { CommanderError } from 'commander';
import type { Context } from './context.js';
import { CliError, EXIT, type ExitCode } from './errors.js';
import type { Io } from './output.js';

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
    const hint = hintFor(error.status, {
      profile: settings?.profile,
      fromEnv: settings?.apiKeySource === 'YARDPASS_API_KEY',
      retryAfter: error.headers.get('retry-after') ?? undefined,
    });
    if (hint) lines.push(hint);
    if (error.requestId) lines.push(`Request ID: ${error.requestId}`);
    return { lines, exitCode: error instanceof sdk.AuthenticationError ? EXIT.auth : EXIT.api };
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

function hintFor(
  status: number,
  options: { profile: string | undefined; fromEnv: boolean; retryAfter: string | undefined },
): string | undefined {
  switch (status) {
    case 401:
      return options.fromEnv
        ? 'The server rejected YARDPASS_API_KEY; set a valid key or unset it.'
        : `The server rejected the API key of profile "${options.profile ?? 'default'}"; run \`yardpass login\` to store a valid one.`;
    case 403:
      return "Your key's role does not allow this; use a key with a higher role, or ask an owner or admin.";
    case 404:
      return 'Check the id: you see only what your organization owns or is a party to.';
    case 409:
    case 412:
      return 'It changed or is being changed; fetch it again and retry.';
    case 429:
      return `Too many requests; try again${options.retryAfter ? ` in ${options.retryAfter} s` : ' shortly'}.`;
    default:
      return status >= 500
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
