import { APIResource } from '../resource.js';

/**
 * Rolled-up stats of an event (hourly snapshots) and its shareable audience.
 *
 * @example
 * ```ts
 * const stats = await yardpass.stats.retrieve(eventId);
 * console.log(stats.metrics.impressions_24h, stats.snapshot_ids.impressions_24h);
 * ```
 */
export class Stats extends APIResource {
  /**
   * The latest snapshot of every metric, their ids (SLA evidence) and the series of rollups in a window.
   *
   * @example
   * ```ts
   * const stats = await yardpass.stats.retrieve(eventId, { from: '2026-06-01T00:00:00Z', points: 24 });
   * ```
   */
  retrieve = this.endpoint('getEventStats', 'GET /v1/events/{id}/stats', 'query');

  /**
   * Runs the rollup for the event now instead of waiting for the hourly job.
   *
   * @example
   * ```ts
   * const stats = await yardpass.stats.refresh(eventId);
   * ```
   */
  refresh = this.endpoint('refreshEventStats', 'POST /v1/events/{id}/stats:refresh');
}
