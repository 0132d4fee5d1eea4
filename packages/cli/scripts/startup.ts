// How long `yardpass --help` (and a few other start-ups) take, hyperfine-style: warm-up runs, then
// repeated runs of the built binary, reporting the mean, median and spread next to bare `node`.
// Usage: pnpm bench:startup [runs], i.e. tsx scripts/startup.ts [runs]   (after `pnpm build`; exits 1 when the median of
// `yardpass --help` is over the 150 ms budget of issue #9).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const BINARY = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const BUDGET_MS = 150;
const WARMUP = 3;
const runs = Number(process.argv[2] ?? 30);

if (!existsSync(BINARY)) {
  console.error(`${BINARY} is missing: run \`pnpm build\` first.`);
  process.exit(1);
}

const commands = [
  { name: 'node -e ""  (baseline)', args: ['-e', ''] },
  { name: 'yardpass --help', args: [BINARY, '--help'] },
  { name: 'yardpass --version', args: [BINARY, '--version'] },
  { name: 'yardpass events create --help', args: [BINARY, 'events', 'create', '--help'] },
];

function time(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${String(result.stderr)}`);
  return ms;
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  const mean = samples.reduce((sum, ms) => sum + ms, 0) / samples.length;
  const sd = Math.sqrt(samples.reduce((sum, ms) => sum + (ms - mean) ** 2, 0) / samples.length);
  return { mean, sd, min: sorted[0] ?? 0, median: at(0.5), max: sorted.at(-1) ?? 0 };
};

console.log(
  `Node ${process.version}, ${availableParallelism()} cores, load average ${(loadavg()[0] ?? 0).toFixed(2)}; ${runs} runs after ${WARMUP} warm-up runs each\n`,
);
const results = new Map(commands.map(({ name }) => [name, [] as number[]]));
for (const { args } of commands) for (let i = 0; i < WARMUP; i++) time(args);
// Interleaved, so that a burst of load elsewhere hits every command alike.
for (let i = 0; i < runs; i++) for (const { name, args } of commands) results.get(name)?.push(time(args));

const f = (ms: number) => ms.toFixed(1).padStart(6);
console.log(`${'command'.padEnd(32)}  mean ± sd        median     min     max`);
for (const [name, samples] of results) {
  const s = stats(samples);
  console.log(`${name.padEnd(32)}  ${f(s.mean)} ± ${f(s.sd)}  ${f(s.median)}  ${f(s.min)}  ${f(s.max)}  ms`);
}
const help = stats(results.get('yardpass --help') ?? []).median;
console.log(`\nyardpass --help: median ${help.toFixed(1)} ms (budget ${BUDGET_MS} ms)`);
if (help > BUDGET_MS) process.exitCode = 1;
