import type { Command } from 'commander';
import type { Bind } from '../context.js';
import { usageError } from '../errors.js';

const topics = {
  'exit-codes': `Exit codes:
  0    Success.
  1    The API refused the request (other than for its input), or the server could not be reached.
  2    Invalid input, whether the CLI or the server (400, 422) caught it: an unknown command or
       flag, a missing or invalid value, or a confirmation that was declined or could not be
       asked for (pass --yes).
  4    Authentication: no API key is configured, or the server rejected it.
  130  Interrupted (Ctrl+C).`,
  environment: `Environment variables:
  YARDPASS_API_KEY   An API key to use instead of the profile's.
  YARDPASS_BASE_URL  A server URL to use instead of the profile's.
  YARDPASS_PROFILE   The profile to use, like --profile.
  XDG_CONFIG_HOME    Profiles live in $XDG_CONFIG_HOME/yardpass/config.json (default ~/.config).
  CI                 When set, the CLI never prompts; missing values are errors.
  NO_COLOR           When set, no colors. FORCE_COLOR=1 forces them, even into a pipe.`,
};

type Topic = keyof typeof topics;

function isTopic(name: string): name is Topic {
  return Object.hasOwn(topics, name);
}

/** Adds an "Examples:" section to a command's `--help`. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  const lines = examples.filter(Boolean).map((example) => `  $ ${example}`);
  return command.addHelpText('after', `\nExamples:\n${lines.join('\n')}\n`);
}

/** `yardpass sponsors profile get`, for messages that show what to type. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** `yardpass help [command…|topic]`, replacing commander's own so that topics work too. */
export function helpCommand(options: { program: Command; bind: Bind }): Command {
  const { program } = options;
  const command = program
    .command('help')
    .description(`Show help for a command, or a topic: ${Object.keys(topics).join(', ')}`)
    .argument('[topic...]', 'A command (e.g. events create) or a topic');
  withExamples(command, ['yardpass help events create', 'yardpass help exit-codes']);
  options.bind(command, (context) => {
    const words = command.args;
    const [first] = words;
    if (words.length === 1 && first !== undefined && isTopic(first)) return context.io.print(topics[first]);
    let target = program;
    for (const word of words) {
      const next = target.commands.find(
        (candidate) => candidate.name() === word || candidate.aliases().includes(word),
      );
      if (!next)
        throw usageError(`No help for "${words.join(' ')}". Run \`yardpass help\` to see the commands.`);
      target = next;
    }
    target.outputHelp();
  });
  return command;
}
