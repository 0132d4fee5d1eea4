import type { Sign, Verify } from './api';
import type { Runtime } from './runtime/runtime';
import { signWith } from './sign';
import { verifyWith } from './verify';

/** `verify` and `sign` on one build's crypto. */
export function bindRuntime(runtime: Runtime): { verify: Verify; sign: Sign } {
  return {
    verify: (payload, headers, secret, options) => verifyWith(runtime, payload, headers, secret, options),
    sign: (input) => signWith(runtime, input),
  };
}
