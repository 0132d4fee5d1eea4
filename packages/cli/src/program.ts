import { Command } from 'commander';
import { apiCommand } from './commands/api.js';
import { authCommands } from './commands/auth.js';
import { buildResource } from './commands/build-resource.js';
import { addCompletionCommands } from './commands/completion.js';
import { configCommand } from './commands/config.js';
import { helpCommand, withExamples } from './commands/help.js';
import { resources as allResources } from './commands/index.js';
import { createContext, type Bind, type Context, type GlobalOptions, type ProgramDeps } from './context.js';
import { EXIT, type ExitCode } from './errors.js';
import { createIo } from './output.js';
import { reportError } from './report.js';

export interface Program {
  /** The whole command tree (every group built). */
  readonly command: Command;
  /** Runs one command line (without `node` and the script) and answers its exit code; never exits. */
  run(argv: readonly string[]): Promise<ExitCode>;
}

export function createProgram(deps: ProgramDeps): Program {
  const io = createIo({ stdout: deps.stdout, stderr: deps.stderr, env: deps.env, now: deps.now });
  let context: Context | undefined;
  const bind: Bind = (command, handler) =>
    command.action(async () => {
      context = createContext({ deps, io, globals: command.optsWithGlobals<GlobalOptions>() });
      await handler(context);
    });

  const program = new Command('yardpass')
    .description('Sell, fund and fulfil event sponsorships from the terminal.')
    .version(deps.version, '-v, --version', 'Print the version')
    .option('--profile <name>', 'Use this profile instead of the current one')
    .option('--no-input', 'Never prompt: fail at once when a value is missing')
    .option('--debug', 'Show stack traces and HTTP requests')
    .helpCommand(false);
  withExamples(program, [
    'yardpass login',
    'yardpass events list',
    'yardpass events create --title "Summer Fest"',
  ]);

  program.commandsGroup('Getting started:');
  for (const command of [...authCommands({ bind }), configCommand({ bind })]) program.addCommand(command);
  program.commandsGroup('Resources:');
  const resources = deps.resources ?? allResources;
  // Each group is added by name and summary; its commands are built only when it is used, so that
  // `yardpass --help` and the commands of one group do not pay for all of them.
  const unbuilt = new Map(resources.map((resource) => [resource.name, resource]));
  for (const resource of resources) program.command(resource.name).description(resource.summary);
  program.commandsGroup('More:');
  program.addCommand(apiCommand({ bind }));
  addCompletionCommands({ program, bind });
  helpCommand({ program, bind });

  const configure = (root: Command) => {
    for (const command of allCommands(root)) {
      if (command !== program && command.commands.length)
        command.helpCommand('help [command]', 'Show help for a command');
      command
        .helpOption('-h, --help', 'Show help')
        .configureHelp({ showGlobalOptions: true })
        .exitOverride()
        .showHelpAfterError('(run with --help for usage)')
        .configureOutput({
          writeOut: (text) => deps.stdout.write(text),
          writeErr: (text) => deps.stderr.write(text),
          outputError: (text, write) => write(io.err.red(text)),
        });
    }
  };
  const build = (names: Iterable<string>) => {
    for (const name of names) {
      const resource = unbuilt.get(name);
      const group = program.commands.find((command) => command.name() === name);
      if (!resource || !group) continue;
      unbuilt.delete(name);
      configure(buildResource({ resource, resources, bind, group }));
    }
  };
  configure(program);

  return {
    get command() {
      build([...unbuilt.keys()]);
      return program;
    },
    async run(argv) {
      // Completion walks every command; `help <group> …` and `<group> …` need only theirs.
      const [first, second] = words(argv);
      build(
        first === '__complete' || first === 'completion'
          ? [...unbuilt.keys()]
          : [first === 'help' ? second : first].filter((word) => word !== undefined),
      );
      try {
        await program.parseAsync([...argv], { from: 'user' });
        return EXIT.ok;
      } catch (error) {
        return reportError({ error, io, context });
      }
    },
  };
}

/** The words of a command line that are not options (nor `--profile`'s value). */
function words(argv: readonly string[]): string[] {
  return argv.filter((word, index) => !word.startsWith('-') && argv[index - 1] !== '--profile');
}

export function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}
