#!/usr/bin/env node
import packageJson from '../package.json' with { type: 'json' };
import { EXIT } from './errors.js';
import { createProgram } from './program.js';
import { nodeFetch } from './node-fetch.js';
import { createPrompts } from './prompts.js';

// `yardpass events list --json | head` closes the pipe early: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.ok);
  });
}

// Ctrl+C while waiting on the server or a stream (a prompt handles its own): clear the spinner's line and
// exit quietly with 130, as after Ctrl+C in a prompt.
process.on('SIGINT', () => {
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
  process.exit(EXIT.interrupted);
});

const connections = nodeFetch();
const program = createProgram({
  // The SDK is loaded here, on first use, so that `yardpass --help` does not wait for it.
  async createClient({ apiKey, baseUrl, logger }) {
    const { Yardpass } = await import('@yardpass/sdk');
    return new Yardpass({
      apiKey,
      baseUrl,
      logger,
      // node:http over agents this process closes when the command is done (see node-fetch.ts); it also
      // starts faster than the undici package the SDK loads otherwise (~80 ms).
      fetch: connections.fetch,
      defaultHeaders: { 'user-agent': `yardpass-cli/${packageJson.version}` },
    });
  },
  prompts: createPrompts(process.stderr),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: packageJson.version,
});

process.exitCode = await program.run(process.argv.slice(2));
// The command has answered: end the client's kept-alive connections so the process exits now.
connections.close();
