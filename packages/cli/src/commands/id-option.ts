import { Option, type Command } from 'commander';

/**
 * Adds `--<noun>-id <id>`, the one spelling of an id flag (as `--order-id` and `--event-id` of the resource
 * commands), and keeps the old `--<noun> <id>` working, hidden from `--help`. Both set `options.<noun>Id`.
 */
export function idOption(
  command: Command,
  noun: 'order' | 'event' | 'sponsor',
  description: string,
): Command {
  command
    .option(`--${noun}-id <id>`, description)
    .addOption(new Option(`--${noun} <id>`, `Old spelling of --${noun}-id`).hideHelp())
    .on(`option:${noun}`, (value: string) => command.setOptionValueWithSource(`${noun}Id`, value, 'cli'));
  return command;
}
