import type { APIPromise } from '../api-promise.js';
import type { operations } from '../generated/openapi.js';
import type { RequestOptions } from '../options.js';
import { APIResource } from '../resource.js';

type RoiQuery = Omit<operations['getRoiReport']['parameters']['query'], 'format'>;

/**
 * ROI reports of sponsorship orders, for either party of the order.
 *
 * @example
 * ```ts
 * const report = await yardpass.reports.roi({ order_id: orderId, from: '2026-06-01', to: '2026-07-01' });
 * console.log(report.roi_multiplier, report.cpm_cents);
 * ```
 */
export class Reports extends APIResource {
  /**
   * The report in the format asked for: an object for `json` (the default), the CSV text for `csv`, the
   * PDF's bytes (`Uint8Array`) for `pdf`. `roiCsv` and `roiPdf` say the same with exact types.
   *
   * @example
   * ```ts
   * const report = await yardpass.reports.roi({ order_id: orderId, utm_source: 'instagram' });
   * ```
   */
  roi = this.endpoint('getRoiReport', 'GET /v1/reports/roi', 'query');

  /**
   * The report as RFC 4180 CSV: a summary block, an empty line, then the daily series.
   *
   * @example
   * ```ts
   * await writeFile('roi.csv', await yardpass.reports.roiCsv({ order_id: orderId }));
   * ```
   */
  roiCsv(query: RoiQuery, options?: RequestOptions): APIPromise<string> {
    return this.roi({ ...query, format: 'csv' }, options) as APIPromise<string>;
  }

  /**
   * The report as a PDF (figures, a chart of the daily series, deliverables and SLAs).
   *
   * @example
   * ```ts
   * await writeFile('roi.pdf', await yardpass.reports.roiPdf({ order_id: orderId }));
   * ```
   */
  roiPdf(query: RoiQuery, options?: RequestOptions): APIPromise<Uint8Array> {
    return this.roi({ ...query, format: 'pdf' }, options) as unknown as APIPromise<Uint8Array>;
  }
}
