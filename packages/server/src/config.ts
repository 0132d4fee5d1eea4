import { z } from 'zod';

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const optionalText = z.string().trim().min(1).optional();
const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** `250ms`, `5s`, `5m`, `2h`, `1d`, or plain seconds → milliseconds. */
const durationMs = (text: string): number | undefined => {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  return match ? Math.round(Number(match[1]) * DURATION_UNITS_MS[(match[2] ?? 's') as 'ms']) : undefined;
};
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((text) => durationMs(text) !== undefined, 'must be a duration such as 500ms, 5s, 5m, 2h or 1d')
    .transform((text) => durationMs(text)!);
const durationList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(
      (text) => text.split(',').every((part) => durationMs(part) !== undefined),
      'must be comma-separated durations such as 0,5s,5m,30m',
    )
    .transform((text) => text.split(',').map((part) => durationMs(part)!));

const schema = z
  .object({
    PORT: integer(3000, 0, 65535),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /** A read replica for the ops views and business metrics; unset: they read the primary. */
    DATABASE_READ_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    YARDPASS_DATA_DIR: z.string().min(1).default('.yardpass'),
    // Where `dev` logs the `yardpass` CLI in: the CLI's own config file under these (see dev.ts).
    XDG_CONFIG_HOME: optionalText,
    HOME: optionalText,
    YARDPASS_PAYMENTS: z.enum(['stripe', 'sandbox']).optional(),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_ or rk_')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_JWKS_URL: z.url().optional(),
    JWT_ISSUER: optionalText,
    JWT_AUDIENCE: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    YARDPASS_DB_POOL_SIZE: integer(20, 1, 500),
    YARDPASS_DB_START_TIMEOUT_SECONDS: integer(30, 0, 3600),
    YARDPASS_SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 600_000),
    YARDPASS_RATE_LIMIT_READ_PER_MINUTE: integer(1200, 1, 10_000_000),
    YARDPASS_RATE_LIMIT_WRITE_PER_MINUTE: integer(300, 1, 10_000_000),
    YARDPASS_RATE_LIMIT_REPORT_PER_MINUTE: integer(30, 1, 10_000_000),
    YARDPASS_IDEMPOTENCY_TTL_HOURS: integer(24, 1, 24 * 30),
    YARDPASS_AUDIT_RETENTION_DAYS: integer(30, 1, 3650),
    /** Platform fee in basis points (1000 = 10 %): the default, and the range organizers may choose from. */
    YARDPASS_PLATFORM_FEE_BPS: integer(1000, 0, 10_000),
    YARDPASS_PLATFORM_FEE_MIN_BPS: integer(0, 0, 10_000),
    YARDPASS_PLATFORM_FEE_MAX_BPS: integer(3000, 0, 10_000),
    YARDPASS_STRIPE_TIMEOUT_MS: integer(20_000, 100, 120_000),
    YARDPASS_STRIPE_MAX_RETRIES: integer(2, 0, 10),
    /** k-anonymity: audience segments with fewer people are never stored or shared. */
    YARDPASS_AUDIENCE_MIN_SEGMENT: integer(50, 1, 1_000_000),
    /** Days without activity after which an open proposal thread expires. */
    YARDPASS_PROPOSAL_EXPIRY_DAYS: integer(14, 1, 3650),
    // Webhook delivery (issue 7). The schedule is Standard Webhooks': the delay before each attempt.
    YARDPASS_WEBHOOK_RETRY_SCHEDULE: durationList('0,5s,5m,30m,2h,5h,10h,14h,20h,24h'),
    YARDPASS_WEBHOOK_RETRY_JITTER: z.coerce.number().min(0).max(0.5).default(0.2),
    YARDPASS_WEBHOOK_RETRY_AFTER_MAX: duration('24h'),
    YARDPASS_WEBHOOK_TIMEOUT: duration('10s'),
    YARDPASS_WEBHOOK_DISABLE_AFTER: duration('5d'),
    YARDPASS_WEBHOOK_SECRET_OVERLAP: duration('24h'),
    // Unset: allowed in `dev` only. Tests and local receivers set it to true.
    YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS: z
      .enum(['true', 'false'])
      .transform((text) => text === 'true')
      .optional(),
  })
  .refine((env) => !(env.JWT_SECRET && env.JWT_JWKS_URL), {
    message: 'set either JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256), not both',
    path: ['JWT_SECRET'],
  });

export type Config = z.infer<typeof schema>;
export type Command = 'dev' | 'start' | 'worker' | 'migrate' | 'orgs' | 'operators';

/** Thrown for a bad or missing variable; its message is the one line start-up prints. */
export class ConfigError extends Error {}

/** The only reader of the environment: validates it once, at start. */
export function loadConfig(env: Record<string, string | undefined>, command: Command): Config {
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const value = given[name];
    throw new ConfigError(
      `Invalid ${name}: ${issue.message}${value === undefined ? '' : ` (got "${value}")`}`,
    );
  }
  const config = parsed.data;
  if (command !== 'dev' && !config.DATABASE_URL) {
    throw new ConfigError(
      `Missing DATABASE_URL: \`yardpass-server ${command}\` needs a PostgreSQL URL (\`dev\` runs an embedded one).`,
    );
  }
  if (command === 'start' && config.YARDPASS_PAYMENTS !== 'sandbox') {
    const missing = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'].find(
      (name) => !config[name as keyof Config],
    );
    if (missing)
      throw new ConfigError(`Missing ${missing}: required in production unless YARDPASS_PAYMENTS=sandbox.`);
  }
  config.YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS ??= command === 'dev';
  return config;
}

/** Payments run in the sandbox when asked to, or when no Stripe key is configured. */
export function paymentsMode(config: Config): 'stripe' | 'sandbox' {
  return config.YARDPASS_PAYMENTS ?? (config.STRIPE_SECRET_KEY ? 'stripe' : 'sandbox');
}
