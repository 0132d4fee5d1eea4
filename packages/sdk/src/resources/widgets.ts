import { APIResource } from '../resource.js';

/**
 * Embeddable widgets of a workspace (marketplace card, package list, KPI tile, leaderboard) and their public,
 * cached data.
 *
 * @example
 * ```ts
 * const widget = await yardpass.widgets.put(
 *   { id: workspaceId, widgetId: 'hero-card' },
 *   { widget_type: 'marketplace_card', package_id: packageId, config: { highlight: 'Platinum' }, published: true },
 * );
 * const card = await yardpass.widgets.retrievePublic(widget.public_id);
 * ```
 */
export class Widgets extends APIResource {
  /**
   * Creates or replaces a widget (idempotent by workspace and widget id).
   *
   * @example
   * ```ts
   * await yardpass.widgets.put({ id: workspaceId, widgetId: 'gmv' }, { widget_type: 'kpi_tile', config: { metric: 'gmv_cents' } });
   * ```
   */
  put = this.endpoint('putWidget', 'PUT /v1/sponsorship-workspaces/{id}/widgets/{widgetId}', 'body');

  /**
   * Lists a workspace's widgets with their metrics.
   *
   * @example
   * ```ts
   * for await (const widget of yardpass.widgets.list(workspaceId)) console.log(widget.widget_id, widget.metrics);
   * ```
   */
  list = this.listEndpoint('listWidgets', 'GET /v1/sponsorship-workspaces/{id}/widgets');

  /**
   * Retrieves a widget with its metrics (views, leads, conversion rate).
   *
   * @example
   * ```ts
   * const { metrics } = await yardpass.widgets.retrieve({ id: workspaceId, widgetId: 'hero-card' });
   * ```
   */
  retrieve = this.endpoint('getWidget', 'GET /v1/sponsorship-workspaces/{id}/widgets/{widgetId}');

  /**
   * Deletes a widget; its public id stops answering.
   *
   * @example
   * ```ts
   * await yardpass.widgets.del({ id: workspaceId, widgetId: 'hero-card' });
   * ```
   */
  del = this.endpoint('deleteWidget', 'DELETE /v1/sponsorship-workspaces/{id}/widgets/{widgetId}');

  /**
   * A published widget's public data, as an embedding page reads it (no credentials needed).
   *
   * @example
   * ```ts
   * const card = await yardpass.widgets.retrievePublic(publicId);
   * ```
   */
  retrievePublic = this.endpoint('getPublicWidget', 'GET /v1/public/widgets/{publicId}');

  /**
   * Records a view, a "Request Proposal" click (`lead`) or an error of an embedded widget.
   *
   * @example
   * ```ts
   * await yardpass.widgets.recordEvent(publicId, { type: 'lead' });
   * ```
   */
  recordEvent = this.endpoint('recordPublicWidgetEvent', 'POST /v1/public/widgets/{publicId}/events', 'body');
}
