import { type EventStreamOptions, streamEvents } from '../event-stream.js';
import type { components } from '../generated/openapi.js';
import { APIResource } from '../resource.js';
import type { Send } from '../transport.js';

/**
 * One message of a command center's live stream: a new feed row (`feed.row`, `data` is the row) or a change of
 * the workspace's orders, deliverables or proposals (`order.changed`, `deliverable.changed`, `proposal.changed`).
 */
export type CommandCenterEvent = components['schemas']['CommandCenterEvent'];

/**
 * A workspace's command center: its KPIs every 5 minutes (the feed), the live stream of what changes, and Slack
 * notifications when a threshold is crossed.
 *
 * @example
 * ```ts
 * await yardpass.commandCenter.enable(workspaceId, {
 *   notify_slack_webhook: 'https://hooks.slack.com/services/T000/B000/XXXX',
 *   thresholds: { gmv_goal_percent: [50, 100] },
 * });
 * const [latest] = await yardpass.commandCenter.feed(workspaceId, { limit: 1 }).toArray();
 * ```
 */
export class CommandCenter extends APIResource {
  readonly #send: Send;

  constructor(send: Send) {
    super(send);
    this.#send = send;
  }

  /**
   * Enables the command center (editor); settings left out keep their value.
   *
   * @example
   * ```ts
   * const center = await yardpass.commandCenter.enable(workspaceId, { capture_rollups: true, currency: 'USD' });
   * ```
   */
  enable = this.endpoint(
    'enableCommandCenter',
    'POST /v1/sponsorship-workspaces/{id}/command-center:enable',
    'body',
  );

  /**
   * Disables the command center (editor); settings and feed are kept.
   *
   * @example
   * ```ts
   * await yardpass.commandCenter.disable(workspaceId);
   * ```
   */
  disable = this.endpoint(
    'disableCommandCenter',
    'POST /v1/sponsorship-workspaces/{id}/command-center:disable',
  );

  /**
   * The feed, one row per 5 minutes, newest first.
   *
   * @example
   * ```ts
   * for await (const row of yardpass.commandCenter.feed(workspaceId)) console.log(row.slot, row.kpis.gmv_cents);
   * ```
   */
  feed = this.listEndpoint(
    'listCommandCenterFeed',
    'GET /v1/sponsorship-workspaces/{id}/command-center/feed',
  );

  /**
   * The command center live (server-sent events) as an async iterable: first the latest feed row and the changes
   * since, then each change as it commits, in order, each once. A dropped connection resumes after the last event
   * received (`Last-Event-ID`); end it with `signal`.
   *
   * @example
   * ```ts
   * const controller = new AbortController();
   * for await (const event of yardpass.commandCenter.stream(workspaceId, { signal: controller.signal })) {
   *   if (event.type === 'order.changed') console.log(event.data.order_id, event.data.status);
   * }
   * ```
   */
  stream: ((workspaceId: string, options?: EventStreamOptions) => AsyncIterable<CommandCenterEvent>) & {
    readonly operationId: 'streamCommandCenter';
    readonly route: 'GET /v1/sponsorship-workspaces/{id}/command-center/stream';
  } = Object.assign(
    (workspaceId: string, options: EventStreamOptions = {}) =>
      streamEvents<CommandCenterEvent>(this.#send, {
        ...options,
        path: `/v1/sponsorship-workspaces/${encodeURIComponent(workspaceId)}/command-center/stream`,
      }),
    {
      operationId: 'streamCommandCenter' as const,
      route: 'GET /v1/sponsorship-workspaces/{id}/command-center/stream' as const,
    },
  );
}
