/**
 * Verify Yardpass webhooks (Standard Webhooks signatures). This is the Web Crypto build, loaded by the
 * `worker`, `browser`, `deno` and default export conditions and by `@yardpass/webhook-verifier/web`;
 * the `node` condition loads the node:crypto build, which exports the same API (listed in api.ts).
 * @packageDocumentation
 */
import { bindRuntime } from './bind-runtime';
import { webRuntime } from './runtime/web';

export * from './api';

export const { verify, sign } = bindRuntime(webRuntime);
