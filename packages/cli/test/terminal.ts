import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { BINARY } from './binary.js';

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * Real terminals for tests: each `start` runs the built binary in a tmux pane of its own server (socket),
 * and the test types into it and reads the screen. `close` ends them all.
 */
export function createTerminals() {
  const socket = `yardpass-test-${randomUUID().slice(0, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (pane: string) => tmux('capture-pane', '-p', '-t', pane);

  return {
    /** Starts `yardpass …` with exactly `env`; the pane prints `[exit N]` when it ends. */
    start(env: Record<string, string>, args: string[]): string {
      const name = `p${randomUUID().slice(0, 8)}`;
      const assignments = Object.entries(env).map(([key, value]) => `${key}=${quote(value)}`);
      // `env -i`: the pane must not inherit the test runner's environment (CI=true would turn prompts off).
      const command = [
        'env',
        '-i',
        ...assignments,
        quote(process.execPath),
        quote(BINARY),
        ...args.map(quote),
      ];
      // The trap keeps the shell alive through Ctrl+C (the whole pane gets SIGINT) to print the exit code.
      const shell = `trap true INT; ${command.join(' ')}; echo "[exit $?]"; sleep 60`;
      tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '50', `sh -c ${quote(shell)}`);
      return name;
    },
    screen,
    async waitFor(pane: string, text: string): Promise<string> {
      for (let waited = 0; waited < 15_000; waited += 50) {
        const shown = screen(pane);
        if (shown.includes(text)) return shown;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`"${text}" never appeared; the screen shows:\n${screen(pane)}`);
    },
    keys: (pane: string, ...sequence: string[]) => tmux('send-keys', '-t', pane, ...sequence),
    close() {
      try {
        tmux('kill-server');
      } catch {
        // No session was started.
      }
    },
  };
}
