import type { RoiReport } from '../domain/reports';

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (values: (string | number | null | undefined)[]) => `${values.map(field).join(',')}\r\n`;

/**
 * The ROI report as RFC 4180 CSV (CRLF line ends): a `metric,value` summary block, an empty line, then the
 * daily series with its own header row, and, when the order has SLAs, an empty line and the SLAs (outcome and
 * the terms as sold) with their own header row.
 */
export function roiCsv(report: RoiReport): string {
  const summary: [string, string | number | null][] = [
    ['order_id', report.order_id],
    ['event', report.event_title],
    ['sponsor', report.sponsor_name],
    ['variant', report.variant?.title ?? null],
    ['currency', report.currency],
    ['from', report.period.from],
    ['to', report.period.to],
    ['utm_source_filter', report.attribution.utm_source_filter],
    ['investment_cents', report.investment_cents],
    ['impressions', report.impressions],
    ['conversions', report.conversions],
    ['conversion_value_cents', report.conversion_value_cents],
    ['roi_multiplier', report.roi_multiplier],
    ['cpm_cents', report.cpm_cents],
    ['snapshot_ids', report.snapshot_ids.join(' ')],
    ['generated_at', report.generated_at],
  ];
  return [
    line(['metric', 'value']),
    ...summary.map((row) => line(row)),
    '\r\n',
    line(['date', 'impressions', 'conversions', 'conversion_value_cents']),
    ...report.daily.map((day) =>
      line([day.date, day.impressions, day.conversions, day.conversion_value_cents]),
    ),
    ...(report.slas.length === 0
      ? []
      : [
          '\r\n',
          line(['sla_metric', 'target', 'actual', 'status', 'terms']),
          ...report.slas.map((s) => line([s.metric, s.target, s.actual, s.status, s.terms?.summary])),
        ]),
  ].join('');
}
