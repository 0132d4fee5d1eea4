import type { Tx } from './pool';

export interface WebhookEventRow {
  id: string;
  org_id: string;
  type: string;
  data: unknown;
  created_at: string;
}

/**
 * Writes the event and enqueues its fan-out job on the caller's transaction (graphile-worker's `add_job`
 * is plain SQL): a change that rolls back leaves neither, a commit leaves both.
 */
export async function insertWebhookEvent(
  tx: Tx,
  event: { orgId: string; type: string; data: unknown },
): Promise<WebhookEventRow> {
  const { rows } = await tx.query<WebhookEventRow>(
    `with event as (
       insert into webhook_events (org_id, type, data) values ($1, $2, $3) returning *
     ), job as (
       select graphile_worker.add_job('webhooks.fan-out', json_build_object('event_id', event.id)) from event
     )
     select event.* from event, (select count(*) from job) as enqueued`,
    [event.orgId, event.type, JSON.stringify(event.data)],
  );
  return rows[0]!;
}
