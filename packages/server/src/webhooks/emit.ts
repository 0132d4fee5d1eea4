import type { Tx } from '../db/pool';
import { insertWebhookEvent } from './db/events';

/**
 * Records a webhook event for `orgId` in the transaction `tx` of the change that caused it (DESIGN §3):
 * a change that rolls back emits nothing and a committed one is delivered at least once (the worker fans
 * it out when its notification arrives at commit, or the sweep does). A change seen by both parties
 * (a proposal, an order) emits once per organization.
 */
export function emitEvent(tx: Tx, orgId: string, type: string, data: unknown) {
  return insertWebhookEvent(tx, { orgId, type, data });
}
