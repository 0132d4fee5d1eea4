import type { Db } from '../db/pool';
import { getRoiReport } from '../domain/reports';
import { type Handlers, ok, raw } from '../http/router';
import { roiCsv } from '../reports/csv';
import { roiPdf } from '../reports/pdf';

/** `format` wins; else the first of CSV or PDF the Accept header names; else JSON. */
function chooseFormat(format: string | undefined, accept: string | undefined): 'json' | 'csv' | 'pdf' {
  if (format === 'json' || format === 'csv' || format === 'pdf') return format;
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes('text/csv')) return 'csv';
  if (wanted.includes('application/pdf')) return 'pdf';
  return 'json';
}

export const reportRoutes = ({ db }: { db: Db }) =>
  ({
    getRoiReport: async (input) => {
      const { caller, query } = input;
      const report = await getRoiReport(db, caller, {
        orderId: query.order_id,
        from: query.from,
        to: query.to,
        utmSource: query.utm_source,
        now: new Date(),
      });
      const format = chooseFormat(query.format, input.header('accept'));
      if (format === 'json') return ok(report);
      const name = `roi-${report.order_id}-${report.period.from}-${report.period.to}${format === 'csv' && query.section ? `-${query.section}` : ''}`;
      if (format === 'csv') {
        return raw(
          new Response(roiCsv(report, query.section), {
            headers: {
              'content-type': 'text/csv; charset=utf-8; header=present',
              'content-disposition': `attachment; filename="${name}.csv"`,
            },
          }),
        );
      }
      return raw(
        new Response(new Uint8Array(await roiPdf(report)), {
          headers: {
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="${name}.pdf"`,
          },
        }),
      );
    },
  }) satisfies Partial<Handlers>;
