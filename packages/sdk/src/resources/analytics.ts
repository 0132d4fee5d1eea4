import { APIResource } from '../resource.js';

/**
 * Raw event analytics: impressions, post views and ticket interactions, sent in batches.
 *
 * @example
 * ```ts
 * await yardpass.analytics.ingest(eventId, {
 *   batch_id: crypto.randomUUID(),
 *   records: [{ kind: 'impression', occurred_at: new Date().toISOString(), utm_source: 'instagram' }],
 * });
 * ```
 */
export class Analytics extends APIResource {
  /**
   * Stores up to 10,000 records of an event, all or nothing. Sending the same `batch_id` again stores
   * nothing twice and resolves to the first batch with `replayed: true`, so a failed upload can be retried.
   *
   * @example
   * ```ts
   * const batch = await yardpass.analytics.ingest(eventId, { batch_id, records });
   * console.log(batch.records, batch.replayed);
   * ```
   */
  ingest = this.endpoint('ingestAnalytics', 'POST /v1/events/{id}/analytics:ingest', 'body');
}
