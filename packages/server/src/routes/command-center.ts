import type { Config } from '../config';
import type { Db } from '../db/pool';
import {
  createCommandCenterHub,
  disableCommandCenterFor,
  enableCommandCenterFor,
  listFeedPage,
  openCommandCenterStream,
} from '../domain/command-center';
import { type Handlers, ok, page, raw } from '../http/router';
import { sseResponse } from '../http/sse';

export const commandCenterRoutes = ({
  db,
  config,
  shutdown,
}: {
  db: Db;
  config: Config;
  /** Aborted when the server shuts down: open streams end. */
  shutdown: AbortSignal;
}) => {
  const hub = createCommandCenterHub(db);
  const urls = { allowPrivate: config.YARDPASS_ALLOW_PRIVATE_WEBHOOK_URLS ?? false };
  return {
    enableCommandCenter: async ({ caller, params, body }) =>
      ok(await enableCommandCenterFor(db, urls, caller, params.id, body ?? {})),
    disableCommandCenter: async ({ caller, params }) =>
      ok(await disableCommandCenterFor(db, caller, params.id)),
    listCommandCenterFeed: async ({ caller, params, query }) =>
      page(await listFeedPage(db, caller, params.id, query)),
    streamCommandCenter: async (input) =>
      raw(
        sseResponse(
          await openCommandCenterStream(db, hub, input.caller, input.params.id, {
            lastEventId: input.header('last-event-id'),
            signal: AbortSignal.any([input.signal, shutdown]),
          }),
        ),
      ),
  } satisfies Partial<Handlers>;
};
