import type { Tx } from '../db/pool';
import { insertWebhookEvent } from './db/events';

/**
 * Records a webhook event for `orgId` in the transaction `tx` of the change that caused it (DESIGN §3):
 * its fan-out to the organization's endpoints is enqueued on the same transaction, so a change that rolls
 * back emits nothing and a committed one is delivered at least once. A change seen by both parties
 * (a proposal, an order) emits once per organization.
 */
export function emitEvent(tx: Tx, orgId: string, type: string, data: unknown) {
  return insertWebhookEvent(tx, { orgId, type, data });
}
