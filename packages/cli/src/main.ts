#!/usr/bin/env node
import packageJson from '../package.json' with { type: 'json' };
import { createProgram } from './program.js';
import { createPrompts } from './prompts.js';

const program = createProgram({
  // The SDK is loaded here, on first use, so that `yardpass --help` does not wait for it.
  async createClient({ apiKey, baseUrl, logger }) {
    const { Yardpass } = await import('@yardpass/sdk');
    return new Yardpass({
      apiKey,
      baseUrl,
      logger,
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
