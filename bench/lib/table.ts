/** One line of the results table. */
export interface Row {
  scenario: string;
  /** Requests per second for HTTP scenarios; operations per second for in-process ones. */
  requestsPerSecond: number;
  p50Ms?: number;
  p99Ms?: number;
  /** The row this one is compared with: ratio = requestsPerSecond ÷ the baseline's requestsPerSecond. */
  baseline?: string;
}

const HEADER = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'baseline', 'ratio'];
/** Columns holding numbers are right-aligned. */
const NUMERIC = [false, true, true, true, false, true];

function cells(rows: Row[]): string[][] {
  const rate = new Map(rows.map((row) => [row.scenario, row.requestsPerSecond]));
  return rows.map((row) => {
    const base = row.baseline === undefined ? undefined : rate.get(row.baseline);
    return [
      row.scenario,
      Math.round(row.requestsPerSecond).toLocaleString('en-US'),
      row.p50Ms === undefined ? '–' : String(row.p50Ms),
      row.p99Ms === undefined ? '–' : String(row.p99Ms),
      row.baseline ?? '–',
      base === undefined ? '–' : (row.requestsPerSecond / base).toFixed(2),
    ];
  });
}

/** A plain-text table with aligned columns, for the terminal. */
export function formatText(rows: Row[]): string {
  const body = cells(rows);
  const widths = HEADER.map((title, i) => Math.max(title.length, ...body.map((line) => line[i]!.length)));
  const format = (line: string[]) =>
    line.map((cell, i) => (NUMERIC[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [format(HEADER), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(format)].join(
    '\n',
  );
}

/** The same table as GitHub markdown, for bench/README.md. */
export function formatMarkdown(rows: Row[]): string {
  const line = (cellsOfLine: string[]) => `| ${cellsOfLine.join(' | ')} |`;
  return [
    line(HEADER),
    line(NUMERIC.map((numeric) => (numeric ? '---:' : '---'))),
    ...cells(rows).map(line),
  ].join('\n');
}
