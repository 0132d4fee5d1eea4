import type { Env } from './config.js';
import { usageError } from './errors.js';
import { isRecord, type JsonObject } from './json.js';

/** What the CLI needs of process.stdout / process.stderr; tests pass a buffer with the same shape. */
export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type Paint = (text: string) => string;
export interface Style {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
}

/** Data goes to stdout; messages, progress and prompts to stderr. */
export interface Io {
  /** For the width of tables: they are cut to a terminal's width. */
  stdout: OutStream;
  /** Styles for text written to stdout / stderr (each stream decides on its own whether to color). */
  out: Style;
  err: Style;
  print(text: string): void;
  json(value: unknown): void;
  /** Raw bytes to stdout (a PDF); refused on a terminal, where they would garble the screen. */
  bytes(data: Uint8Array, what: string): void;
  note(text: string): void;
  success(text: string): void;
  warn(text: string): void;
  spinner(text: string): () => void;
  now(): Date;
}

/** A table column: an item's key, formatted by its name (`*_cents` as money, `*_at` as a time). */
export type Column = string | { key: string; header?: string; as?: 'time' };

export function createIo(options: { stdout: OutStream; stderr: OutStream; env: Env; now?: () => Date }): Io {
  const { stdout, stderr, env } = options;
  const err = createStyle(colorEnabled(stderr, env));
  const line = (stream: OutStream, text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`);
  return {
    stdout,
    out: createStyle(colorEnabled(stdout, env)),
    err,
    print: (text) => line(stdout, text),
    json: (value) => line(stdout, JSON.stringify(value, null, 2)),
    bytes: (data, what) => {
      if (stdout.isTTY) {
        throw usageError(
          `The answer is ${what} (${data.length} bytes): redirect it to a file, e.g. \`> report.pdf\`.`,
        );
      }
      stdout.write(data);
    },
    note: (text) => line(stderr, text),
    success: (text) => line(stderr, `${err.green('✓')} ${text}`),
    warn: (text) => line(stderr, `${err.yellow('!')} ${text}`),
    spinner: (text) => (stderr.isTTY ? startSpinner(stderr, text) : () => undefined),
    now: options.now ?? (() => new Date()),
  };
}

/** NO_COLOR and FORCE_COLOR as Node itself reads them (FORCE_COLOR wins), else color only on a terminal. */
export function colorEnabled(stream: OutStream, env: Env): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

function createStyle(enabled: boolean): Style {
  const sgr =
    (open: number, close: number): Paint =>
    (text) =>
      enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
  };
}

// Waits a moment before drawing, so quick requests do not flicker.
function startSpinner(stream: OutStream, text: string): () => void {
  const frames = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
  let frame = 0;
  let drawn = false;
  const timer = setInterval(() => {
    drawn = true;
    stream.write(`\r${frames[frame++ % frames.length] ?? ''} ${text}`);
  }, 80);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (drawn) stream.write('\r\u001b[2K');
  };
}

export function table(options: { items: readonly JsonObject[]; columns: readonly Column[]; io: Io }): string {
  const { items, io } = options;
  const columns = options.columns.map((column) => (typeof column === 'string' ? { key: column } : column));
  const now = io.now();
  const header = columns.map((column) => column.header ?? humanize(column.key).toUpperCase());
  const rows = items.map((item) =>
    columns.map((column) =>
      column.as === 'time' ? formatTime(item[column.key]) : formatCell({ key: column.key, item, now }),
    ),
  );
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd();
  // Cut to the terminal's width before styling, so escape codes are never counted or cut.
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  const fit = (text: string) =>
    width && text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return [io.out.bold(fit(render(header))), ...rows.map((row) => fit(render(row)))].join('\n');
}

/** A detail view: a title line, then every field as an aligned `Label  value` line. */
export function detail(options: { item: JsonObject; title?: string; io: Io }): string {
  const { item, io } = options;
  const now = io.now();
  const labels = Object.keys(item).map(humanize);
  const width = Math.max(...labels.map((label) => label.length));
  const indent = ' '.repeat(width + 2);
  const lines = options.title ? [io.out.bold(options.title)] : [];
  Object.keys(item).forEach((key, index) => {
    const label = io.out.dim((labels[index] ?? key).padEnd(width));
    const value = item[key];
    const text = isRecord(value)
      ? formatObject(value, item)
      : key.endsWith('_at') && typeof value === 'string'
        ? `${formatTime(value)} ${io.out.dim(`(${relativeTime(new Date(value), now)})`)}`
        : formatDetail(key, item);
    lines.push(`${label}  ${text.split('\n').join(`\n${indent}`)}`);
  });
  return lines.join('\n');
}

/** A nested object, one `key: value` line each, read as a detail is (money in its own or its parent's currency). */
function formatObject(value: JsonObject, parent: JsonObject): string {
  const entries = Object.entries(value);
  if (entries.length === 0) return '-';
  const withCurrency = typeof value.currency === 'string' ? value : { ...value, currency: parent.currency };
  return entries
    .map(
      ([key, nested]) =>
        `${key}: ${isRecord(nested) ? JSON.stringify(nested) : formatDetail(key, withCurrency)}`,
    )
    .join('\n');
}

/** One value of a detail view, for people: money (`$4,500.00`), local times, numbers with separators. */
function formatDetail(key: string, item: JsonObject): string {
  const value = item[key];
  // `price_cents`, and metrics such as `ticket_revenue_cents_30d`.
  if (/_cents(?:_\w+)?$/.test(key) && typeof value === 'number')
    return formatMoney(value, typeof item.currency === 'string' ? item.currency : 'USD', { code: false });
  if (key.endsWith('_at') && typeof value === 'string') return formatTime(value);
  if (typeof value === 'number') return (numbers ??= new Intl.NumberFormat('en-US')).format(value);
  return formatScalar(value);
}
let numbers: Intl.NumberFormat | undefined;

function formatCell(options: { key: string; item: JsonObject; now: Date }): string {
  const { key, item, now } = options;
  const value = item[key];
  if (key.endsWith('_cents') && typeof value === 'number') {
    return formatMoney(value, typeof item.currency === 'string' ? item.currency : 'USD');
  }
  if (key.endsWith('_at') && typeof value === 'string') return relativeTime(new Date(value), now);
  return formatScalar(value);
}

function formatScalar(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(formatScalar).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

/**
 * Integer minor units and an ISO-4217 code, e.g. `150000, 'USD'` → `$1,500.00 USD`; with `code: false`
 * only as Intl writes it (`$1,500.00`, `CA$1,500.00`), for a view that shows the currency beside it.
 */
export function formatMoney(minorUnits: number, currency: string, options: { code?: boolean } = {}): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  } catch {
    return `${minorUnits} ${currency} (minor units)`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = format.format(minorUnits / 10 ** digits);
  return options.code === false ? amount : `${amount} ${currency}`;
}

/**
 * An RFC 3339 time in the local time zone (`TZ`, else the system's), e.g. `2026-07-01 13:00 CDT`;
 * `timeZone` picks another one.
 */
export function formatTime(value: unknown, timeZone?: string): string {
  if (typeof value !== 'string') return formatScalar(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const format = timeZone === undefined ? (localTimes ??= timeFormat(undefined)) : timeFormat(timeZone);
  const part = Object.fromEntries(format.formatToParts(date).map(({ type, value: text }) => [type, text]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${part.timeZoneName}`;
}
// Made on first use, as the other formatters: `--help` should not wait for locale data.
let localTimes: Intl.DateTimeFormat | undefined;

function timeFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
}

const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];
// Made on first use: creating an Intl formatter loads locale data, which `--help` should not wait for.
let relative: Intl.RelativeTimeFormat | undefined;

/** `3 minutes ago`, `in 2 weeks`, `just now`. */
export function relativeTime(date: Date, now: Date): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '-';
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      relative ??= new Intl.RelativeTimeFormat('en', { numeric: 'always' });
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

/** `brand_safety_tags` → `Brand safety tags`; `price_cents` → `Price` (its value is shown as money). */
export function humanize(key: string): string {
  const words = key.replace(/_cents$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
