import { writeFile } from 'node:fs/promises';
import { usageError } from '../errors.js';
import { detail, formatMoney, table } from '../output.js';
import { idOption } from './id-option.js';
import type { Resource } from './resource.js';

const FORMATS = ['json', 'csv', 'pdf'];
const SECTIONS = ['summary', 'daily', 'deliverables', 'slas'] as const;

export const reports: Resource = {
  name: 'reports',
  noun: 'report',
  summary: 'ROI reports of sponsorship orders',
  label: ['order_id'],
  commands: [
    {
      kind: 'custom',
      path: 'roi',
      operationId: 'getRoiReport',
      summary:
        'The ROI of an order: impressions, attributed conversions, ROI multiplier, CPM, deliverables, SLAs',
      examples: [
        'yardpass reports roi --order-id 5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21',
        'yardpass reports roi --order-id <id> --from 2026-06-01 --to 2026-07-01 --format pdf --out roi.pdf',
        'yardpass reports roi --order-id <id> --utm-source instagram --format csv > roi.csv',
        'yardpass reports roi --order-id <id> --format csv --section daily --out daily.csv',
      ],
      configure: (command) =>
        idOption(command, 'order', 'The sponsorship order')
          .option('--from <date>', 'First day (UTC), e.g. 2026-06-01')
          .option('--to <date>', 'Day after the last (UTC, exclusive)')
          .option('--utm-source <source>', 'Count only purchases with this utm_source')
          .option('--format <format>', `One of ${FORMATS.join(', ')}; without it, a summary for people`)
          .option('--section <table>', `With --format csv, one table: ${SECTIONS.join(', ')}`)
          .option('--out <file>', 'Write the report to this file instead of standard output'),
      async run({ client, options, json, io }) {
        const order = options.orderId as string | undefined;
        if (!order) throw usageError('Missing --order-id: the id of the sponsorship order.');
        const format = options.format as string | undefined;
        if (format !== undefined && !FORMATS.includes(format))
          throw usageError(`--format must be one of ${FORMATS.join(', ')}.`);
        const section = SECTIONS.find((name) => name === options.section);
        if (options.section !== undefined && (format !== 'csv' || !section))
          throw usageError(`--section takes one of ${SECTIONS.join(', ')}, with --format csv.`);
        const query = {
          order_id: order,
          ...(typeof options.from === 'string' ? { from: options.from } : {}),
          ...(typeof options.to === 'string' ? { to: options.to } : {}),
          ...(typeof options.utmSource === 'string' ? { utm_source: options.utmSource } : {}),
          ...(section ? { section } : {}),
        };
        const out = options.out as string | undefined;
        const stop = io.spinner('Building the report');
        try {
          if (format === 'csv') {
            const text = await client.reports.roiCsv(query);
            stop();
            if (out) await writeFile(out, text);
            else io.print(text.replace(/\r\n$/, ''));
          } else if (format === 'pdf') {
            const bytes = await client.reports.roiPdf(query);
            stop();
            if (out) await writeFile(out, bytes);
            else io.bytes(bytes, 'a PDF');
          } else {
            const report = await client.reports.roi(query);
            stop();
            if (typeof report === 'string')
              throw usageError('The server answered text where JSON was expected.');
            if (out) await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
            else if (json || format === 'json') io.json(report);
            else {
              const money = (cents: number) => formatMoney(cents, report.currency);
              io.print(
                detail({
                  title: `ROI of ${report.sponsor_name} at ${report.event_title}, ${report.period.from} to ${report.period.to}`,
                  item: {
                    investment: money(report.investment_cents),
                    impressions: report.impressions,
                    conversions: report.conversions,
                    conversion_value: money(report.conversion_value_cents),
                    roi_multiplier: report.attribution.configured
                      ? `${report.roi_multiplier}x`
                      : '— (no attribution)',
                    cost_per_1000_impressions: report.cpm_cents === null ? '—' : money(report.cpm_cents),
                  },
                  io,
                }),
              );
              if (report.attribution.note) io.print(`\n${report.attribution.note}`);
              io.print('');
              io.print(
                table({
                  items: report.daily,
                  columns: ['date', 'impressions', 'conversions', 'conversion_value_cents'],
                  io,
                }),
              );
            }
          }
        } finally {
          stop();
        }
        if (out) io.success(`Wrote ${out}`);
      },
    },
  ],
};
