import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Db } from '../db/pool';
import { createPublicWidgetCache } from '../domain/widget-cache';
import { recordWidgetEvent } from '../domain/widgets';
import { NotFoundError, ValidationError } from '../errors';
import type { Metrics } from '../http/metrics';
import { honoPath } from '../http/router';
import type { RateLimit } from '../http/rate-limit';
import { type AppEnv, jsonResponse, preparedResponse } from '../http/response';
import type { Spec } from '../spec';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, X-Request-Id',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function publicId(c: Context<AppEnv>): string {
  const id = c.req.param('publicId') ?? '';
  if (!UUID.test(id)) throw new NotFoundError('published widget');
  return id;
}

/** The client's address as the socket sees it (behind a proxy: the proxy's), for the rate limit. */
function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * `GET /v1/public/widgets/{publicId}` and `POST …/events` (operations `getPublicWidget`, `recordPublicWidgetEvent`):
 * served without credentials, outside the authenticated router, to any origin (CORS) so a frontend can embed them.
 */
export function registerPublicWidgetRoutes(
  app: Hono<AppEnv>,
  deps: { db: Db; spec: Spec; metrics: Metrics; rateLimit: RateLimit },
): void {
  // Preflights only: the answers themselves carry CORS_HEADERS from the start, since headers added to a finished
  // response cost the Node adapter a conversion on every request (see `preparedResponse`).
  const preflight: MiddlewareHandler<AppEnv> = cors({
    origin: '*',
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', 'If-None-Match'],
    maxAge: 86_400,
  });
  const widgetCors: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    // Problems (404, 429) are built by the app's error handler; an embedding page must be able to read them too.
    if (c.res.status >= 400) c.res.headers.set('access-control-allow-origin', '*');
  };
  app.use('/v1/public/widgets/*', widgetCors);

  const widgets = createPublicWidgetCache(deps.db);
  app.get(honoPath('/v1/public/widgets/{publicId}'), async (c) => {
    const { json, etag } = await widgets.get(publicId(c));
    const headers = { ...CORS_HEADERS, etag, 'cache-control': 'public, max-age=0, must-revalidate' };
    const held = c.req.header('if-none-match');
    if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
      return preparedResponse(c, 304, null, headers);
    return preparedResponse(c, 200, json, {
      'content-type': 'application/json',
      ...headers,
    });
  });

  const eventBody = deps.spec.operations.find(
    (operation) => operation.id === 'recordPublicWidgetEvent',
  )!.body!;
  app.post(honoPath('/v1/public/widgets/{publicId}/events'), async (c) => {
    const id = publicId(c);
    Object.assign(
      c.get('responseHeaders'),
      await deps.rateLimit(`widget:${id}:${clientAddress(c)}`, 'write'),
    );
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ValidationError('Send a JSON body such as {"type": "view"}.');
    }
    const parsed = eventBody.safeParse(raw);
    if (!parsed.success)
      throw new ValidationError(
        'The event is invalid: `type` is view, lead or error; `detail` at most 500 characters.',
        parsed.error.issues.map((issue) => ({ path: `/${issue.path.join('/')}`, message: issue.message })),
      );
    const event = parsed.data as { type: 'view' | 'lead' | 'error'; detail?: string };
    if (event.detail?.includes('\u0000'))
      throw new ValidationError('`detail` contains U+0000 (a NUL character); remove it.');
    await recordWidgetEvent(deps.db, id, event);
    deps.metrics.widgetEvent(event.type);
    return jsonResponse(c, 202, { data: { recorded: true } }, CORS_HEADERS);
  });
}
