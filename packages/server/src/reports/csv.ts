import type { RoiReport } from '../domain/reports';

/** The tables of the CSV export, in the order the full export holds them. */
export const CSV_SECTIONS = ['summary', 'daily', 'deliverables', 'slas'] as const;
export type CsvSection = (typeof CSV_SECTIONS)[number];

type Cell = string | number | boolean | null | undefined;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function field(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (values: Cell[]) => `${values.map(field).join(',')}\r\n`;

/** `metric,value`: the figures, money in integer cents (the CPM rounded to a whole cent). */
function summary(report: RoiReport): string {
  const rows: [string, Cell][] = [
    ['order_id', report.order_id],
    ['event', report.event_title],
    ['organizer', report.organizer_name],
    ['sponsor', report.sponsor_name],
    ['variant', report.variant?.title ?? null],
    ['currency', report.currency],
    ['from', report.period.from],
    ['to', report.period.to],
    ['attribution_utm_sources', report.attribution.utm_sources.join(' ')],
    ['attribution_promo_codes', report.attribution.promo_codes.join(' ')],
    ['utm_source_filter', report.attribution.utm_source_filter],
    ['attribution_configured', report.attribution.configured],
    ['attribution_note', report.attribution.note],
    ['investment_cents', report.investment_cents],
    ['release_policy', report.escrow.release_policy],
    ['released_cents', report.escrow.released_cents],
    ['held_cents', report.escrow.held_cents],
    ['impressions', report.impressions],
    ['conversions', report.conversions],
    ['conversion_value_cents', report.conversion_value_cents],
    ['roi_multiplier', report.roi_multiplier],
    ['cpm_cents', report.cpm_cents === null ? null : Math.round(report.cpm_cents)],
    ...Object.entries(report.proof_metrics).map(([name, value]): [string, Cell] => [`proven_${name}`, value]),
    ['snapshot_ids', report.snapshot_ids.join(' ')],
    ['generated_at', report.generated_at],
  ];
  return [line(['metric', 'value']), ...rows.map((row) => line(row))].join('');
}

function daily(report: RoiReport): string {
  return [
    line(['date', 'impressions', 'conversions', 'conversion_value_cents']),
    ...report.daily.map((day) =>
      line([day.date, day.impressions, day.conversions, day.conversion_value_cents]),
    ),
  ].join('');
}

/** One row per proven metric of each deliverable (a deliverable without proof: one row, metric empty). */
function deliverables(report: RoiReport): string {
  const rows = report.deliverables.flatMap((d) => {
    const metrics = Object.entries(d.proven_metrics);
    const base = [d.id, d.type, d.status, d.due_at];
    return metrics.length === 0
      ? [line([...base, null, null])]
      : metrics.map(([name, value]) =>
          line([...base, name, typeof value === 'string' ? value : JSON.stringify(value)]),
        );
  });
  return [line(['id', 'type', 'status', 'due_at', 'metric', 'value']), ...rows].join('');
}

function slas(report: RoiReport): string {
  return [
    line(['sla_metric', 'target', 'actual', 'status', 'terms']),
    ...report.slas.map((s) => line([s.metric, s.target, s.actual, s.status, s.terms?.summary])),
  ].join('');
}

const writers: Record<CsvSection, (report: RoiReport) => string> = { summary, daily, deliverables, slas };

/**
 * The ROI report as RFC 4180 CSV (CRLF line ends): one table when `section` is given, else every table in
 * `CSV_SECTIONS` order, each with its header row, separated by one empty line (openapi.yaml documents both).
 */
export function roiCsv(report: RoiReport, section?: CsvSection): string {
  if (section) return writers[section](report);
  return CSV_SECTIONS.map((name) => writers[name](report)).join('\r\n');
}
