import type { Runner, TaskList } from 'graphile-worker';
import type { Config } from '../config';
import type { Db } from '../db/pool';
import { attemptDelivery, fanOutEvent, sweepWebhookWork } from '../webhooks/delivery';
import type { Logger } from '../logger';
import { createSender } from '../webhooks/send';
import { webhookSettings } from '../webhooks/settings';

// Deliveries overdue by this much with no lease are taken to be stranded by a crashed worker.
const SWEEP_GRACE_MS = 60_000;

/**
 * The webhook tasks: `webhooks.fan-out` (one event → one delivery per matching endpoint, enqueued by
 * `emitEvent`), `webhooks.deliver` (one attempt of one delivery; the next is enqueued with `run_at`), and
 * `webhooks.sweep` (every minute, and once at start: recovers work a crashed worker held).
 */
export function webhookTasks(deps: { db: Db; config: Config; log: Logger; clock: () => Date }): TaskList {
  const { db, log, clock } = deps;
  const settings = webhookSettings(deps.config);
  const sender = createSender({ timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
  const delivery = { db, settings, sender, log, clock };
  return {
    'webhooks.fan-out': async (payload) => {
      await fanOutEvent(delivery, (payload as { event_id: string }).event_id);
    },
    'webhooks.deliver': async (payload) => {
      await attemptDelivery(delivery, (payload as { delivery_id: string }).delivery_id);
    },
    'webhooks.sweep': async (payload) => {
      const graceMs = (payload as { grace_ms?: number } | null)?.grace_ms ?? SWEEP_GRACE_MS;
      const requeued = await sweepWebhookWork(db, { graceMs, now: clock() });
      if (requeued.events + requeued.deliveries > 0)
        log.info({ job: 'webhooks.sweep', ...requeued }, 'webhook work recovered');
    },
  };
}

export const webhookCron = { task: 'webhooks.sweep', match: '* * * * *', identifier: 'webhooks.sweep' };

/** Right after start, recover what a previous worker left (it may have been killed mid-delivery). */
export async function recoverWebhookWork(runner: Runner): Promise<Runner> {
  await runner.addJob('webhooks.sweep', { grace_ms: 0 });
  return runner;
}
