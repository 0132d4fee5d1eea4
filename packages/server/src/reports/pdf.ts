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

export function formatMoney(cents: number, currency: string): string {
  return `${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}
const formatCount = (value: number) => value.toLocaleString('en-US');

function metricsText(metrics: Record<string, unknown>): string {
  const entries = Object.entries(metrics);
  return entries.length === 0 ? '—' : entries.map(([key, value]) => `${key}: ${String(value)}`).join(', ');
}

/** Bars of daily impressions (left scale) and a line of daily conversions (right scale), with a legend. */
function drawChart(doc: PDFKit.PDFDocument, report: RoiReport, top: number): number {
  const height = 170;
  const left = PAGE.margin + 40;
  const width = CONTENT_WIDTH - 80;
  const bottom = top + height;
  const days = report.daily;
  const maxImpressions = Math.max(1, ...days.map((day) => day.impressions));
  const maxConversions = Math.max(1, ...days.map((day) => day.conversions));
  const step = width / Math.max(1, days.length);

  doc
    .fontSize(12)
    .fillColor(COLORS.text)
    .text('Daily impressions and conversions', PAGE.margin, top - 22);
  doc.lineWidth(0.5).strokeColor(COLORS.grid);
  for (let tick = 0; tick <= 4; tick++) {
    const y = bottom - (height * tick) / 4;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke();
    doc
      .fontSize(7)
      .fillColor(COLORS.impressions)
      .text(formatCount(Math.round((maxImpressions * tick) / 4)), PAGE.margin, y - 3, {
        width: 36,
        align: 'right',
      });
    doc
      .fillColor(COLORS.conversions)
      .text(formatCount(Math.round((maxConversions * tick) / 4)), left + width + 4, y - 3, { width: 36 });
  }
  days.forEach((day, index) => {
    const barHeight = (height * day.impressions) / maxImpressions;
    doc
      .rect(left + index * step + step * 0.15, bottom - barHeight, step * 0.7, barHeight)
      .fill(COLORS.impressions);
  });
  doc.lineWidth(1.5).strokeColor(COLORS.conversions);
  days.forEach((day, index) => {
    const x = left + index * step + step / 2;
    const y = bottom - (height * day.conversions) / maxConversions;
    if (index === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  });
  if (days.length > 0) doc.stroke();
  days.forEach((day, index) => {
    const x = left + index * step + step / 2;
    doc.circle(x, bottom - (height * day.conversions) / maxConversions, 1.8).fill(COLORS.conversions);
  });
  const first = days[0]?.date ?? '';
  const last = days.at(-1)?.date ?? '';
  doc
    .fontSize(7)
    .fillColor(COLORS.muted)
    .text(first, left, bottom + 4);
  doc.text(last, left + width - 60, bottom + 4, { width: 60, align: 'right' });
  const legend = bottom + 18;
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
    info: { Title: `ROI report — ${report.event_title}`, Author: 'Yardpass Sponsorships' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.fontSize(20).fillColor(COLORS.text).text('ROI report', PAGE.margin, PAGE.margin);
  doc
    .fontSize(10)
    .fillColor(COLORS.muted)
    .text(
      `${report.event_title} · ${report.sponsor_name}${report.variant ? ` · ${report.variant.title}` : ''}`,
    )
    .text(`Period: ${report.period.from} to ${report.period.to} (exclusive) · order ${report.order_id}`);
  if (report.attribution.utm_source_filter)
    doc.text(`Conversions with utm_source ${report.attribution.utm_source_filter}`);

  const figures: [string, string][] = [
    ['Investment', formatMoney(report.investment_cents, report.currency)],
    ['Impressions', formatCount(report.impressions)],
    ['Attributed conversions', formatCount(report.conversions)],
    ['Conversion value', formatMoney(report.conversion_value_cents, report.currency)],
    ['ROI multiplier', `${report.roi_multiplier}x`],
    [
      'Cost per 1,000 impressions',
      report.cpm_cents === null ? '—' : formatMoney(report.cpm_cents, report.currency),
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
        String(s.target),
        s.actual === null ? '—' : String(s.actual),
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
