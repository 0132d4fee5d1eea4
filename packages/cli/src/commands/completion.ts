import { Argument, type Command, type Option } from 'commander';
import type { Bind } from '../context.js';
import { withExamples } from './help.js';

// Each script asks `yardpass __complete -- <words…>` for the candidates, so completion always matches
// the installed version, including profile names.
const scripts = {
  bash: `# yardpass completion for bash: source <(yardpass completion bash)
_yardpass() {
  local IFS=$'\\n'
  COMPREPLY=($(yardpass __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _yardpass yardpass`,
  zsh: `#compdef yardpass
# yardpass completion for zsh: yardpass completion zsh > "\${fpath[1]}/_yardpass"
_yardpass() {
  local -a candidates
  candidates=("\${(@f)$(yardpass __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
if [ "$funcstack[1]" = "_yardpass" ]; then _yardpass "$@"; else compdef _yardpass yardpass; fi`,
  fish: `# yardpass completion for fish: yardpass completion fish > ~/.config/fish/completions/yardpass.fish
function __yardpass_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    yardpass __complete -- $tokens[2..-1] "$current" 2>/dev/null
end
complete -c yardpass -f -a '(__yardpass_complete)'`,
};

function isShell(name: string | undefined): name is keyof typeof scripts {
  return name !== undefined && Object.hasOwn(scripts, name);
}

/** Adds `yardpass completion <shell>` and the hidden `__complete` the scripts call. */
export function addCompletionCommands({ program, bind }: { program: Command; bind: Bind }): void {
  const completion = program
    .command('completion')
    .description('Print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(Object.keys(scripts)));
  withExamples(completion, [
    'yardpass completion bash > ~/.local/share/bash-completion/completions/yardpass',
    'yardpass completion zsh > "${fpath[1]}/_yardpass"',
    'yardpass completion fish > ~/.config/fish/completions/yardpass.fish',
  ]);
  bind(completion, (context) => {
    const [shell] = completion.args;
    // commander has checked the choice already; the guard only tells TypeScript.
    if (isShell(shell)) context.io.print(scripts[shell]);
  });

  const complete = program
    .command('__complete', { hidden: true })
    .description('Print completion candidates for the words after --')
    .argument('[words...]');
  bind(complete, async (context) => {
    const profiles = Object.keys((await context.readConfig()).profiles);
    const candidates = completeWords({ program, words: complete.args, profiles });
    if (candidates.length) context.io.print(candidates.join('\n'));
  });
}

/** The words that may follow `words` (the last one is the word being typed, possibly empty). */
export function completeWords(options: {
  program: Command;
  words: readonly string[];
  profiles: readonly string[];
}): string[] {
  const { program, words, profiles } = options;
  const typing = words.at(-1) ?? '';
  let command = program;
  let pending: Option | undefined;
  let position = 0;
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = undefined;
    } else if (word.startsWith('-')) {
      const option = optionsOf(command).find(
        (candidate) => candidate.long === word || candidate.short === word,
      );
      if (option && (option.required || option.optional)) pending = option;
    } else {
      const next = command.commands.find((candidate) => candidate.name() === word);
      if (next) command = next;
      else position += 1;
    }
  }
  const argument = command.registeredArguments[position];
  const candidates = pending
    ? pending.long === '--profile'
      ? profiles
      : (pending.argChoices ?? [])
    : typing.startsWith('-')
      ? [...optionsOf(command).flatMap((option) => (option.long ? [option.long] : [])), '--help']
      : command.commands.length
        ? command
            .createHelp()
            .visibleCommands(command)
            .map((candidate) => candidate.name())
        : argument?.name() === 'profile'
          ? profiles
          : (argument?.argChoices ?? []);
  return candidates.filter((candidate) => candidate.startsWith(typing));
}

/** A command's own options and those of the commands above it (which commander accepts anywhere). */
function optionsOf(command: Command): Option[] {
  const options: Option[] = [];
  for (let at: Command | null = command; at; at = at.parent)
    options.push(...at.options.filter((option) => !option.hidden));
  return options;
}
