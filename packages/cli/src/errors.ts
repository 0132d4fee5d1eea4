/** Exit codes, documented in `yardpass help exit-codes`. */
export const EXIT = {
  ok: 0,
  api: 1,
  usage: 2,
  auth: 4,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

type CliErrorCode = 'usage' | 'config' | 'not_logged_in' | 'interrupted' | 'check_failed';

const exitCodes: Record<CliErrorCode, ExitCode> = {
  usage: EXIT.usage,
  config: EXIT.usage,
  not_logged_in: EXIT.auth,
  interrupted: EXIT.interrupted,
  // A check the user ran failed (`yardpass ops integrity`): the same code as an API error, for cron.
  check_failed: EXIT.api,
};

/** An error the CLI itself raises; its message is shown as is, and says what to do next. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(
    readonly code: CliErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCodes[code];
  }
}

export const usageError = (message: string) => new CliError('usage', message);

/** Ctrl+C in a prompt or while waiting: exit quietly. */
export const interrupted = () => new CliError('interrupted', 'Interrupted.');
