import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Db } from '../db/pool';
import { createPublicWidgetCache, type PublicWidgetAnswer } from '../domain/widget-cache';
import { recordWidgetEvent } from '../domain/widgets';
import { NotFoundError, ValidationError } from '../errors';
import type { Metrics } from '../http/metrics';
import { honoPath } from '../http/router';
import type { RateLimit } from '../http/rate-limit';
import { requestIdOf } from '../http/request-id';
import { type AppEnv, jsonResponse, preparedResponse } from '../http/response';
import type { EarlyAnswer } from '../listen';
import type { Logger } from '../logger';
import type { Spec } from '../spec';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, X-Request-Id',
};
const WIDGET_PATH = '/v1/public/widgets/';
const WIDGET_ROUTE = honoPath('/v1/public/widgets/{publicId}');
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

/** A published widget's answer (status, body, headers): 304 when the client holds its ETag. */
function widgetAnswer(
  answer: PublicWidgetAnswer,
  ifNoneMatch: string | undefined,
  requestId: string,
): { status: number; body: string | null; headers: Record<string, string> } {
  // One literal, not spreads: the answer to a hit is built on every page view of an embedding page.
  const headers: Record<string, string> = {
    'x-request-id': requestId,
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'ETag, X-Request-Id',
    etag: answer.etag,
    'cache-control': 'public, max-age=0, must-revalidate',
  };
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === answer.etag))
    return { status: 304, body: null, headers };
  headers['content-type'] = 'application/json';
  return { status: 200, body: answer.json, headers };
}

/**
 * `GET /v1/public/widgets/{publicId}` and `POST …/events` (operations `getPublicWidget`, `recordPublicWidgetEvent`):
 * served without credentials, outside the authenticated router, to any origin (CORS) so a frontend can embed them.
 */
export function registerPublicWidgetRoutes(
  app: Hono<AppEnv>,
  deps: { db: Db; spec: Spec; metrics: Metrics; rateLimit: RateLimit; log: Logger },
): { answerHit: EarlyAnswer } {
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
  app.get(WIDGET_ROUTE, async (c) => {
    const { status, body, headers } = widgetAnswer(
      await widgets.get(publicId(c)),
      c.req.header('if-none-match'),
      c.get('requestId'),
    );
    return preparedResponse(c, status, body, headers);
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

  return {
    /**
     * A published widget's read while it is cached, answered before the Fetch adapter and the router; any other
     * request, and a miss (which the router serves and caches), is left to them. A widget is fetched by every view
     * of every page that embeds it, and a hit needs nothing of the pipeline: no credentials, no body, no database.
     * It carries what the router's answer carries: the request id, CORS, the ETag (304), the request metrics and
     * log line.
     */
    answerHit(incoming, outgoing) {
      if (incoming.method !== 'GET') return false;
      const started = performance.now();
      const url = incoming.url ?? '';
      const queryAt = url.indexOf('?');
      const path = queryAt === -1 ? url : url.slice(0, queryAt);
      // Only a cached id hits: any other (no UUID, unknown, unpublished) is the router's to answer.
      const answer = path.startsWith(WIDGET_PATH) ? widgets.hit(path.slice(WIDGET_PATH.length)) : undefined;
      if (!answer) return false;
      const requestId = requestIdOf(incoming.headers['x-request-id'] as string | undefined);
      const { status, body, headers } = widgetAnswer(answer, incoming.headers['if-none-match'], requestId);
      if (body !== null) headers['content-length'] = String(answer.bytes);
      outgoing.writeHead(status, headers);
      outgoing.end(body ?? undefined);
      deps.metrics.observeRequest(deps.log, {
        requestId,
        method: 'GET',
        path,
        route: WIDGET_ROUTE,
        status,
        seconds: (performance.now() - started) / 1000,
      });
      return true;
    },
  };
}
