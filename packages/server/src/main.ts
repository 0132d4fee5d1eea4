#!/usr/bin/env node
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, paymentsMode, type Command } from './config';
import { migrate } from './db/migrate';
import { createDb } from './db/pool';
import { CLI_PROFILES, runDev } from './dev';
import { createOrganization } from './domain/identity';
import { createOperator } from './domain/operators';
import { createLogger } from './logger';
import { runServer, waitForDatabase, type Running } from './runtime';
import { version } from '../package.json';

const USAGE = `Usage: yardpass-server <command> [options]

Commands:
  dev [--seed]                       Embedded PostgreSQL, API and worker in one process, sandbox payments.
                                     Logs the yardpass CLI in (profiles dev and dev-sponsor).
                                     --seed adds a demo organizer (onboarded for sandbox payouts),
                                     sponsor with attribution, event with 30 days of analytics, and
                                     a published package.
  start                              The API (production). Needs DATABASE_URL.
  worker                             The background worker as its own process. Needs DATABASE_URL.
  migrate                            Apply database migrations (safe to run concurrently).
  orgs create --name NAME [--json]   Create an organization with an owner API key.
  operators create --name NAME [--json]
                                     Create a platform operator key: reads every organization's inbox,
                                     integrity and metrics (\`yardpass ops …\`), and nothing else.

Configuration is read from environment variables: PORT, HOST, DATABASE_URL, YARDPASS_DATA_DIR,
YARDPASS_PAYMENTS, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, JWT_SECRET, JWT_JWKS_URL, JWT_ISSUER,
JWT_AUDIENCE, LOG_LEVEL (see the README for all of them).`;

/**
 * Resolves when SIGTERM or SIGINT arrives, then stops `running`. Call it before announcing the process is up:
 * whoever reads the announcement may signal at once, and a signal with no listener kills the process outright.
 */
function stopOnSignal(running: Running, log: ReturnType<typeof createLogger>): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      running.stop().then(resolve, (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'boolean' },
      name: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [command, subcommand] = positionals;
  if (values.version) {
    console.log(version);
    return 0;
  }
  if (values.help || !command || command === 'help') {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (!['dev', 'start', 'worker', 'migrate', 'orgs', 'operators'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env, command as Command);
  const log = createLogger(config.LOG_LEVEL);

  switch (command) {
    case 'dev': {
      const { running, credentials, credentialsPath, cli } = await runDev({
        config,
        log,
        seed: values.seed ?? false,
        home: homedir(),
      });
      // `pnpm yardpass` at the repository root; `yardpass` where the CLI is installed.
      const stopped = stopOnSignal(running, log);
      const yardpass = `pnpm yardpass${cli.current ? '' : ` --profile ${CLI_PROFILES.organizer}`}`;
      console.log(
        [
          '',
          `  Yardpass Sponsorships is running at ${running.url}  (payments: ${paymentsMode(config)})`,
          `  API reference:  ${running.url}/docs`,
          `  API key:        ${credentials.organizer.api_key}   (organization ${credentials.organizer.org_id})`,
          ...(credentials.sponsor
            ? [
                `  Sponsor key:    ${credentials.sponsor.api_key}   (organization ${credentials.sponsor.org_id})`,
              ]
            : []),
          ...(credentials.organizer.widget_public_id
            ? [`  Widget:         ${running.url}/v1/public/widgets/${credentials.organizer.widget_public_id}`]
            : []),
          `  Credentials:    ${credentialsPath}`,
          `  CLI profiles:   ${CLI_PROFILES.organizer} (organizer)${credentials.sponsor ? `, ${CLI_PROFILES.sponsor} (sponsor)` : ''} in ${cli.path}`,
          '',
          `  Try: ${yardpass} events list`,
          ...(credentials.organizer.workspace_id ? [`       ${yardpass} workspaces list`] : []),
          ...(credentials.sponsor
            ? [`       pnpm yardpass --profile ${CLI_PROFILES.sponsor} marketplace search`]
            : []),
          `       curl -H "Authorization: Bearer ${credentials.organizer.api_key}" ${running.url}/v1/events`,
          '',
        ].join('\n'),
      );
      await stopped;
      return 0;
    }
    case 'start':
    case 'worker': {
      const running = await runServer({
        config,
        databaseUrl: config.DATABASE_URL!,
        log,
        api: command === 'start',
        worker: command === 'worker',
      });
      const stopped = stopOnSignal(running, log);
      log.info({ url: running.url || undefined, role: command }, 'ready');
      await stopped;
      return 0;
    }
    case 'migrate': {
      const db = createDb({ databaseUrl: config.DATABASE_URL!, max: 1 });
      try {
        await waitForDatabase(db, config, log);
      } finally {
        await db.close();
      }
      const applied = await migrate(config.DATABASE_URL!, (line) => log.warn(line));
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    }
    case 'orgs': {
      if (subcommand !== 'create' || !values.name) {
        console.error('Usage: yardpass-server orgs create --name NAME [--json]');
        return 2;
      }
      const db = createDb({ databaseUrl: config.DATABASE_URL!, max: 2 });
      try {
        const { organization, apiKey } = await createOrganization(db, { name: values.name });
        console.log(
          values.json
            ? JSON.stringify({ organization, api_key: apiKey }, null, 2)
            : `Created organization "${organization.name}" (${organization.id}).\nOwner API key (shown once): ${apiKey}`,
        );
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'operators': {
      if (subcommand !== 'create' || !values.name) {
        console.error('Usage: yardpass-server operators create --name NAME [--json]');
        return 2;
      }
      const db = createDb({ databaseUrl: config.DATABASE_URL!, max: 2 });
      try {
        const { operator, key } = await createOperator(db, values.name);
        console.log(
          values.json
            ? JSON.stringify({ operator, operator_key: key }, null, 2)
            : `Created platform operator "${operator.name}" (${operator.id}).\nOperator key (shown once): ${key}\nUse it with \`yardpass ops …\` (YARDPASS_API_KEY); it can call nothing else.`,
        );
      } finally {
        await db.close();
      }
      return 0;
    }
  }
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      console.error(`${error.message}\n\n${USAGE}`);
    else console.error(`yardpass-server: ${(error as Error | undefined)?.message ?? String(error)}`);
    process.exit(1);
  },
);
