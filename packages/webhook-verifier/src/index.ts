/**
 * Verify Yardpass webhooks (Standard Webhooks signatures). This is the Node build, on node:crypto; the
 * `worker`, `browser`, `deno` and default export conditions load the Web Crypto build (`./web`), which
 * exports the same API (listed in api.ts).
 * @packageDocumentation
 */
import { bindRuntime } from './bind-runtime';
import { nodeRuntime } from './runtime/node';

export * from './api';

export const { verify, sign } = bindRuntime(nodeRuntime);
