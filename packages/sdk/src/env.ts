/**
 * Reads an environment variable where there is one: Node, Bun and Deno (which throws without
 * `--allow-env`); edge runtimes and browsers have no `process`. The SDK's only reader of `process.env`.
 */
export function readEnv(name: string): string | undefined {
  try {
    const value = typeof process === 'undefined' ? undefined : process.env?.[name]?.trim();
    return value || undefined;
  } catch {
    return undefined;
  }
}
