import PDFDocument from 'pdfkit';
import type { RoiReport } from '../domain/reports';

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const COLORS = {
  text: '#1f2933',
  muted: '#7b8794',
  grid: '#d9e2ec',
  impressions: '#3e7cb1',
  conversions: '#e4572e',
};

/** Money in the currency's own format (`$4,500.00`, `¥4,500`, `4.500,00 €` by locale rules of en-US). */
export function formatMoney(cents: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}
const formatCount = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
const formatDay = (date: string, options: Intl.DateTimeFormatOptions) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', ...options });

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) that covers `max` in `intervals` steps; at least 1 (whole counts). */
export function niceStep(max: number, intervals: number): number {
  const raw = Math.max(max, 1) / intervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw)!;
  return Math.max(1, step);
}

/** Every how many days a date label fits: daily up to 10 days, weekly up to 10 weeks, then every 4 weeks. */
export function dateLabelEvery(days: number): number {
  if (days <= 10) return 1;
  if (days <= 70) return 7;
  return 28;
}

function metricsText(metrics: Record<string, unknown>): string {
  const entries = Object.entries(metrics);
  const text = (value: unknown) => (typeof value === 'number' ? formatCount(value) : String(value));
  return entries.length === 0 ? '—' : entries.map(([key, value]) => `${key}: ${text(value)}`).join(', ');
}

/**
 * Bars of daily impressions (left scale) and a line of daily conversions (right scale) on round ticks, dates
 * labelled at intervals that fit, and a legend.
 */
function drawChart(doc: PDFKit.PDFDocument, report: RoiReport, top: number): number {
  const height = 170;
  const left = PAGE.margin + 40;
  const width = CONTENT_WIDTH - 80;
  const bottom = top + height;
  const days = report.daily;
  const intervals = 4;
  const impressionStep = niceStep(Math.max(0, ...days.map((day) => day.impressions)), intervals);
  const conversionStep = niceStep(Math.max(0, ...days.map((day) => day.conversions)), intervals);
  const maxImpressions = impressionStep * intervals;
  const maxConversions = conversionStep * intervals;
  const step = width / Math.max(1, days.length);

  doc
    .fontSize(12)
    .fillColor(COLORS.text)
    .text('Daily impressions and attributed conversions', PAGE.margin, top - 22);
  doc.lineWidth(0.5).strokeColor(COLORS.grid);
  for (let tick = 0; tick <= intervals; tick++) {
    const y = bottom - (height * tick) / intervals;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke();
    doc
      .fontSize(7)
      .fillColor(COLORS.impressions)
      .text(formatCount(impressionStep * tick), PAGE.margin, y - 3, { width: 36, align: 'right' });
    doc
      .fillColor(COLORS.conversions)
      .text(formatCount(conversionStep * tick), left + width + 4, y - 3, { width: 36 });
  }
  days.forEach((day, index) => {
    const barHeight = (height * day.impressions) / maxImpressions;
    doc
      .rect(left + index * step + step * 0.15, bottom - barHeight, step * 0.7, barHeight)
      .fill(COLORS.impressions);
  });
  const pointY = (conversions: number) => bottom - (height * conversions) / maxConversions;
  doc.lineWidth(1.5).strokeColor(COLORS.conversions);
  days.forEach((day, index) => {
    const x = left + index * step + step / 2;
    if (index === 0) doc.moveTo(x, pointY(day.conversions));
    else doc.lineTo(x, pointY(day.conversions));
  });
  if (days.length > 0) doc.stroke();
  days.forEach((day, index) => {
    doc.circle(left + index * step + step / 2, pointY(day.conversions), 1.8).fill(COLORS.conversions);
  });
  // Date labels under their bars, every day, week or four weeks from the first day.
  const every = dateLabelEvery(days.length);
  doc.lineWidth(0.5).strokeColor(COLORS.muted);
  days.forEach((day, index) => {
    if (index % every !== 0) return;
    const x = left + index * step + step / 2;
    doc
      .moveTo(x, bottom)
      .lineTo(x, bottom + 3)
      .stroke();
    doc
      .fontSize(7)
      .fillColor(COLORS.muted)
      .text(formatDay(day.date, { month: 'short', day: 'numeric' }), x - 25, bottom + 5, {
        width: 50,
        align: 'center',
      });
  });
  const legend = bottom + 20;
  doc.rect(left, legend, 8, 8).fill(COLORS.impressions);
  doc
    .fontSize(8)
    .fillColor(COLORS.text)
    .text('Impressions (left scale)', left + 12, legend);
  doc.rect(left + 140, legend + 3, 12, 2).fill(COLORS.conversions);
  doc.fillColor(COLORS.text).text('Attributed conversions (right scale)', left + 156, legend);
  return legend + 24;
}

function drawTable(
  doc: PDFKit.PDFDocument,
  options: { title: string; top: number; columns: { label: string; width: number }[]; rows: string[][] },
): number {
  let y = options.top;
  doc.fontSize(12).fillColor(COLORS.text).text(options.title, PAGE.margin, y);
  y += 18;
  const header = (at: number) => {
    let x = PAGE.margin;
    doc.fontSize(8).fillColor(COLORS.muted);
    for (const column of options.columns) {
      doc.text(column.label, x, at, { width: column.width - 6 });
      x += column.width;
    }
    doc
      .moveTo(PAGE.margin, at + 11)
      .lineTo(PAGE.margin + CONTENT_WIDTH, at + 11)
      .lineWidth(0.5)
      .strokeColor(COLORS.grid)
      .stroke();
    return at + 15;
  };
  y = header(y);
  if (options.rows.length === 0) {
    doc.fontSize(9).fillColor(COLORS.muted).text('None.', PAGE.margin, y);
    return y + 16;
  }
  for (const row of options.rows) {
    const heights = row.map((cell, index) =>
      doc.fontSize(9).heightOfString(cell, { width: options.columns[index]!.width - 6 }),
    );
    const rowHeight = Math.max(...heights) + 4;
    if (y + rowHeight > PAGE.height - PAGE.margin) {
      doc.addPage();
      y = header(PAGE.margin);
    }
    let x = PAGE.margin;
    doc.fontSize(9).fillColor(COLORS.text);
    row.forEach((cell, index) => {
      doc.text(cell, x, y, { width: options.columns[index]!.width - 6 });
      x += options.columns[index]!.width;
    });
    y += rowHeight;
  }
  return y + 8;
}

/** The ROI report as a one- or two-page PDF: figures, a chart of the daily series, deliverables and SLAs. */
export function roiPdf(report: RoiReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: `ROI report — ${report.organizer_name} × ${report.sponsor_name} — ${report.event_title}`,
      Author: 'Yardpass Sponsorships',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const period = `${formatDay(report.period.from, { dateStyle: 'medium' })} – ${formatDay(
    new Date(Date.parse(report.period.to) - 86_400_000).toISOString().slice(0, 10),
    { dateStyle: 'medium' },
  )} (${formatCount(report.daily.length)} days, UTC)`;
  const { attribution } = report;
  const rule = attribution.utm_source_filter
    ? `utm_source "${attribution.utm_source_filter}" (filtered)`
    : [
        ...attribution.utm_sources.map((source) => `utm_source "${source}"`),
        ...attribution.promo_codes.map((code) => `promo code "${code}"`),
      ].join(' or ');
  doc
    .fontSize(20)
    .fillColor(COLORS.text)
    .text(`${report.organizer_name} × ${report.sponsor_name}`, PAGE.margin, PAGE.margin, {
      width: CONTENT_WIDTH,
    });
  doc
    .fontSize(11)
    .fillColor(COLORS.text)
    .text(`ROI report · ${report.event_title}${report.variant ? ` · ${report.variant.title}` : ''}`);
  doc
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text(`Period: ${period} · order ${report.order_id}`)
    .text(
      attribution.configured
        ? `Attribution: a conversion is a ticket purchase with ${rule}, on the day it was made.`
        : `Attribution: ${attribution.note}`,
      { width: CONTENT_WIDTH },
    );

  const figures: [string, string][] = [
    ['Investment', formatMoney(report.investment_cents, report.currency)],
    [
      'Released / held in escrow',
      `${formatMoney(report.escrow.released_cents, report.currency)} / ${formatMoney(report.escrow.held_cents, report.currency)}`,
    ],
    ['Impressions', formatCount(report.impressions)],
    [
      'Attributed conversions',
      attribution.configured ? formatCount(report.conversions) : '— (no attribution)',
    ],
    [
      'Conversion value',
      attribution.configured ? formatMoney(report.conversion_value_cents, report.currency) : '—',
    ],
    ['ROI multiplier', attribution.configured ? `${formatCount(report.roi_multiplier)}×` : '—'],
    [
      'Cost per 1,000 impressions',
      report.cpm_cents === null ? '—' : formatMoney(Math.round(report.cpm_cents), report.currency),
    ],
  ];
  let y = doc.y + 16;
  const cell = CONTENT_WIDTH / 3;
  figures.forEach(([label, value], index) => {
    const x = PAGE.margin + (index % 3) * cell;
    const top = y + Math.floor(index / 3) * 44;
    doc
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(label, x, top, { width: cell - 8 });
    doc
      .fontSize(14)
      .fillColor(COLORS.text)
      .text(value, x, top + 11, { width: cell - 8 });
  });
  y += 2 * 44 + 30;

  y = drawChart(doc, report, y);
  const proven = Object.entries(report.proof_metrics);
  if (proven.length > 0) {
    const measured: Record<string, number> = {
      impressions: report.impressions,
      conversions: report.conversions,
    };
    y = drawTable(doc, {
      title: 'Measured and proven',
      top: y,
      columns: [
        { label: 'Metric', width: 170 },
        { label: 'Measured (analytics, this period)', width: 170 },
        { label: 'Proven (approved proofs)', width: CONTENT_WIDTH - 340 },
      ],
      rows: proven.map(([name, value]) => [
        name,
        measured[name] === undefined ? '—' : formatCount(measured[name]),
        formatCount(value),
      ]),
    });
  }
  y = drawTable(doc, {
    title: 'Deliverables',
    top: y,
    columns: [
      { label: 'Type', width: 110 },
      { label: 'Status', width: 75 },
      { label: 'Due', width: 75 },
      { label: 'Proven metrics', width: CONTENT_WIDTH - 260 },
    ],
    rows: report.deliverables.map((d) => [
      d.type,
      d.status,
      d.due_at?.slice(0, 10) ?? '—',
      metricsText(d.proven_metrics),
    ]),
  });
  if (report.slas.length > 0) {
    y = drawTable(doc, {
      title: 'SLAs',
      top: y,
      columns: [
        { label: 'Metric', width: 170 },
        { label: 'Target', width: 90 },
        { label: 'Actual', width: 90 },
        { label: 'Outcome', width: CONTENT_WIDTH - 350 },
      ],
      rows: report.slas.map((s) => [
        s.metric,
        formatCount(s.target),
        s.actual === null ? '—' : formatCount(s.actual),
        s.status,
      ]),
    });
  }
  // The guarantees as sold, under their outcomes.
  const sold = report.slas.flatMap((s) => (s.terms?.summary ? [`${s.metric}: ${s.terms.summary}`] : []));
  if (sold.length > 0) {
    doc.fontSize(8).fillColor(COLORS.muted).text(sold.join('\n'), PAGE.margin, y, { width: CONTENT_WIDTH });
    y = doc.y + 12;
  }
  doc
    .fontSize(7)
    .fillColor(COLORS.muted)
    .text(
      `Generated ${report.generated_at}. Snapshots: ${report.snapshot_ids.join(', ') || 'none'}.`,
      PAGE.margin,
      Math.min(y, PAGE.height - PAGE.margin - 20),
      { width: CONTENT_WIDTH },
    );
  doc.end();
  return done;
}
