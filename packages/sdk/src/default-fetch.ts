import type * as undici from 'undici';
import type { Fetch } from './options.js';

type Undici = typeof undici;

/**
 * The `fetch` a client uses when none is given. On Node (≥ 20.18.1, what undici 7 supports) it is
 * undici's, over a keep-alive Agent of the client's own; everywhere else (Bun, Deno, edge runtimes,
 * browsers, older Node) the runtime's global `fetch`.
 */
export function defaultFetch(runtime: Runtime = currentRuntime()): Fetch {
  if (!supportsUndici(runtime)) return (url, init) => globalThis.fetch(url, init);
  // Once loaded, calls go straight to undici: no extra promise per request.
  let loaded: Fetch | undefined;
  let loading: Promise<Fetch> | undefined;
  return (url, init) =>
    loaded
      ? loaded(url, init)
      : (loading ??= loadUndici().then((fetch) => (loaded = fetch))).then((fetch) => fetch(url, init));
}

async function loadUndici(): Promise<Fetch> {
  // A computed specifier and the ignore comments keep bundlers for edge runtimes from pulling undici
  // (and node:net) in; where it cannot be loaded (a bundle without node_modules) the global fetch serves.
  const specifier = 'undici';
  try {
    const { Agent, fetch } = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as Undici;
    // The SDK bounds every attempt with its own `timeout`, so undici's timeouts (300 s by default) are
    // turned off: they must never cut a request that the caller allowed to take longer.
    const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
    return (url, init) =>
      fetch(url, { ...(init as Parameters<Undici['fetch']>[1]), dispatcher }) as Promise<Response>;
  } catch {
    return (url, init) => globalThis.fetch(url, init);
  }
}

/** What decides the default `fetch`: the Node version, if this is Node (and not Bun or Deno posing as it). */
export interface Runtime {
  node: string | undefined;
}

function currentRuntime(): Runtime {
  const node = typeof process === 'undefined' ? undefined : process.versions?.node;
  return { node: 'Bun' in globalThis || 'Deno' in globalThis ? undefined : node };
}

/** undici 7 declares Node ≥ 20.18.1; on older Node it must not even be loaded. */
export function supportsUndici({ node }: Runtime): boolean {
  if (node === undefined) return false;
  const [major = 0, minor = 0, patch = 0] = node.split('.').map(Number);
  return major > 20 || (major === 20 && (minor > 18 || (minor === 18 && patch >= 1)));
}
