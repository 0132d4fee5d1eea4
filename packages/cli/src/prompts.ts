import { interrupted } from './errors.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

type Validate = (value: string) => true | string;

/** The questions the CLI can ask; tests pass scripted answers instead of a terminal. */
export interface Prompts {
  input(options: { message: string; default?: string; validate?: Validate }): Promise<string>;
  password(options: { message: string; validate?: Validate }): Promise<string>;
  select<T>(options: { message: string; choices: readonly Choice<T>[] }): Promise<T>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

/**
 * Prompts on the terminal with @inquirer/prompts, loaded on first use so that commands which never ask
 * start fast. Prompts draw on `output` (stderr), keeping stdout for data. Ctrl+C becomes `interrupted()`.
 */
export function createPrompts(output: NodeJS.WritableStream): Prompts {
  const load = () => import('@inquirer/prompts');
  const context = { output };
  return {
    input: async (options) => ask(async () => (await load()).input(options, context)),
    password: async (options) =>
      ask(async () => (await load()).password({ ...options, mask: true }, context)),
    select: async (options) =>
      ask(async () =>
        (await load()).select({ ...options, choices: [...options.choices], loop: false }, context),
      ),
    confirm: async (options) => ask(async () => (await load()).confirm(options, context)),
  };
}

async function ask<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw interrupted();
    throw error;
  }
}
