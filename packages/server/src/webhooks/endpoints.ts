import { readOne, readPage } from '../db/reads';
import type { Db } from '../db/pool';
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookEndpointSecret,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
} from './db/endpoints';
import { insertTargetedWebhookEvent } from './db/events';
import { replayFailedWebhookDeliveries } from './db/deliveries';
import { NotFoundError, UnprocessableError, ValidationError } from '../errors';
import { refusedUrl } from './address-guard';
import type { WebhookSettings } from './settings';
import { generateSecret } from './signing';
import { recordAudit } from '../db/audit';
import { type Caller, requireRole } from '../caller';
import { getWebhookDeliveryById } from './events';

export interface WebhookEndpointInput {
  url: string;
  description?: string | null;
  event_types?: string[] | null;
  enabled?: boolean;
}

/**
 * Rejects at once what delivery would refuse anyway: a non-https URL (outside dev mode), a literal private
 * address, and unknown event types. Host names are checked again after DNS at every attempt.
 */
function checkEndpointInput(settings: WebhookSettings, input: Partial<WebhookEndpointInput>): void {
  const refused = input.url === undefined ? null : refusedUrl(new URL(input.url), settings.allowPrivate);
  if (refused)
    throw new ValidationError('Webhook endpoints must use https on the public internet.', [
      { path: '/url', message: refused },
    ]);
  const known = new Set(settings.eventTypes.map((type) => type.type));
  const unknown = (input.event_types ?? []).findIndex((type) => !known.has(type));
  if (unknown >= 0)
    throw new ValidationError('Unknown event type.', [
      {
        path: `/event_types/${unknown}`,
        message: `Not an event type; GET /v1/webhook-event-types lists them.`,
      },
    ]);
}

export function createWebhookEndpoint(
  db: Db,
  settings: WebhookSettings,
  caller: Caller,
  input: WebhookEndpointInput,
) {
  requireRole(caller, 'admin', 'manage webhook endpoints');
  checkEndpointInput(settings, input);
  const secret = generateSecret();
  return db.tenant(caller.orgId, async (tx) => {
    const endpoint = await insertWebhookEndpoint(tx, {
      orgId: caller.orgId,
      url: input.url,
      description: input.description ?? null,
      eventTypes: input.event_types ?? null,
      enabled: input.enabled ?? true,
      secret,
    });
    await recordAudit(tx, caller, {
      action: 'webhook_endpoint.create',
      resourceType: 'webhook_endpoint',
      resourceId: endpoint.id,
    });
    return { ...endpoint, secret };
  });
}

export function getWebhookEndpoint(db: Db, caller: Caller, id: string): Promise<WebhookEndpointRow> {
  return readOne(db, caller.orgId, 'webhook endpoint', (tx) => findWebhookEndpoint(tx, id));
}

export function listWebhookEndpointsPage(
  db: Db,
  caller: Caller,
  query: { limit?: number; starting_after?: string },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listWebhookEndpoints(tx, page),
    (row) => row.created_at,
  );
}

export function updateWebhookEndpointById(
  db: Db,
  settings: WebhookSettings,
  caller: Caller,
  id: string,
  changes: Partial<WebhookEndpointInput>,
) {
  requireRole(caller, 'admin', 'manage webhook endpoints');
  checkEndpointInput(settings, changes);
  return db.tenant(caller.orgId, async (tx) => {
    const endpoint = await updateWebhookEndpoint(tx, id, changes);
    if (!endpoint) throw new NotFoundError('webhook endpoint');
    await recordAudit(tx, caller, {
      action: 'webhook_endpoint.update',
      resourceType: 'webhook_endpoint',
      resourceId: id,
    });
    return endpoint;
  });
}

export function deleteWebhookEndpointById(db: Db, caller: Caller, id: string) {
  requireRole(caller, 'admin', 'manage webhook endpoints');
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await deleteWebhookEndpoint(tx, id))) throw new NotFoundError('webhook endpoint');
    await recordAudit(tx, caller, {
      action: 'webhook_endpoint.delete',
      resourceType: 'webhook_endpoint',
      resourceId: id,
    });
    return { id, deleted: true as const };
  });
}

export function rotateWebhookSecret(
  db: Db,
  settings: WebhookSettings,
  caller: Caller,
  id: string,
  input: { overlap_seconds?: number } | undefined,
) {
  requireRole(caller, 'admin', 'rotate webhook secrets');
  const secret = generateSecret();
  const overlapMs =
    input?.overlap_seconds === undefined ? settings.secretOverlapMs : input.overlap_seconds * 1000;
  return db.tenant(caller.orgId, async (tx) => {
    const endpoint = await rotateWebhookEndpointSecret(tx, id, { secret, overlapMs });
    if (!endpoint) throw new NotFoundError('webhook endpoint');
    await recordAudit(tx, caller, {
      action: 'webhook_endpoint.rotate_secret',
      resourceType: 'webhook_endpoint',
      resourceId: id,
    });
    return { ...endpoint, secret };
  });
}

/** Sends a `ping` to this endpoint only; answers its delivery (pending until the worker sends it). */
export async function testWebhookEndpoint(db: Db, caller: Caller, id: string) {
  requireRole(caller, 'member', 'test webhook endpoints');
  const deliveryId = await db.tenant(caller.orgId, async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, id);
    if (!endpoint) throw new NotFoundError('webhook endpoint');
    if (!endpoint.enabled)
      throw new UnprocessableError({
        code: 'endpoint_disabled',
        detail: 'The endpoint is disabled; enable it before testing it.',
      });
    const { deliveryId } = await insertTargetedWebhookEvent(tx, {
      orgId: caller.orgId,
      type: 'ping',
      data: { message: 'Hello from Yardpass: this endpoint receives webhooks.' },
      endpointId: id,
    });
    return deliveryId;
  });
  return getWebhookDeliveryById(db, caller, deliveryId);
}

export function replayFailedDeliveries(
  db: Db,
  caller: Caller,
  id: string,
  query: { since: string; until?: string },
) {
  requireRole(caller, 'member', 'replay webhook deliveries');
  const until = query.until ?? new Date().toISOString();
  if (Date.parse(until) <= Date.parse(query.since))
    throw new ValidationError('The time range is empty.', [
      { path: '/query/until', message: 'Must be after `since`.' },
    ]);
  return db.tenant(caller.orgId, async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, id);
    if (!endpoint) throw new NotFoundError('webhook endpoint');
    if (!endpoint.enabled)
      throw new UnprocessableError({
        code: 'endpoint_disabled',
        detail: 'The endpoint is disabled; enable it before replaying to it.',
      });
    const replayed = await replayFailedWebhookDeliveries(tx, { endpointId: id, since: query.since, until });
    await recordAudit(tx, caller, {
      action: 'webhook_endpoint.replay_failed',
      resourceType: 'webhook_endpoint',
      resourceId: id,
    });
    return { replayed };
  });
}
