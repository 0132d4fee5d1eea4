import type { Context, Hono } from 'hono';
import type { Config } from '../config';
import type { Db } from '../db/pool';
import type { Caller } from '../caller';
import { AppError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors';
import type { operations } from '../generated/openapi';
import type { Logger } from '../logger';
import { coerceQuery, type Operation, type OperationId, type Spec } from '../spec';
import type { Authenticate } from './auth';
import { withIdempotency } from './idempotency';
import { problemResponse } from './problem';
import type { Bucket, RateLimit } from './rate-limit';
import { type AppEnv, jsonResponse } from './response';

/** Operations served outside the router: no authentication, not JSON resources. */
export type SystemOperationId =
  | 'getHealth'
  | 'getReadiness'
  | 'getMetrics'
  | 'getOpenApiJson'
  | 'getOpenApiYaml'
  | 'getDocs'
  | 'getDocsAsset'
  | 'receiveStripeWebhook'
  | 'getPublicWidget'
  | 'recordPublicWidgetEvent';
export type ApiOperationId = Exclude<OperationId, SystemOperationId>;

type Parameters<K extends OperationId> = operations[K]['parameters'];
type PathOf<K extends OperationId> =
  Parameters<K> extends { path: infer P extends Record<string, string> } ? P : Record<string, never>;
type QueryOf<K extends OperationId> =
  Parameters<K> extends { query?: infer Q }
    ? [Q] extends [undefined]
      ? Record<string, never>
      : NonNullable<Q>
    : Record<string, never>;
type BodyOf<K extends OperationId> = operations[K] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : operations[K] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined;

export interface HandlerInput<K extends OperationId> {
  params: PathOf<K>;
  query: QueryOf<K>;
  body: BodyOf<K>;
  caller: Caller;
  header(name: string): string | undefined;
  /** The request body exactly as received (empty for bodiless requests). */
  rawBody: string;
  /** Aborted when the client goes away: long-running answers (streams) stop on it. */
  signal: AbortSignal;
}
export type Reply =
  | {
      status: number;
      body: unknown;
      headers?: Record<string, string>;
      /** `body` as JSON text when it is already made (a page kept in memory): not serialized again. */
      json?: string;
    }
  /** A ready answer that is not a JSON resource (CSV, PDF, an event stream); sent as it is. */
  | { response: Response };
export type Handler<K extends OperationId> = (input: HandlerInput<K>) => Promise<Reply>;
/** Every operation of the contract has exactly one handler: the compiler checks it, and so does a test. */
export type Handlers = { [K in ApiOperationId]: Handler<K> };

export const ok = (data: unknown): Reply => ({ status: 200, body: { data } });
export const created = (data: unknown): Reply => ({ status: 201, body: { data } });
export const raw = (response: Response): Reply => ({ response });
export const page = (
  result: { data: unknown[]; has_more: boolean; next_cursor: string | null },
  json?: string,
): Reply => ({ status: 200, body: result, json });

export interface RouterDeps {
  db: Db;
  config: Config;
  log: Logger;
  authenticate: Authenticate;
  rateLimit: RateLimit;
  /** Checks every answer against the contract's response schema (on in tests). */
  validateResponses: boolean;
  /**
   * Called when a write operation's answer is final (committed, for a keyed request), before it is sent: what
   * this process keeps in memory of what the write may have changed goes, so the client's next read sees it.
   */
  afterWrite: () => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fieldErrors(issues: { path: PropertyKey[]; message: string }[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({
    path:
      `${prefix}/${issue.path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`.replace(
        /\/$/,
        '',
      ) || '/',
    message: issue.message,
  }));
}

/** `/v1/api-keys/{id}:revoke` → `/v1/api-keys/:id{[^/:]+:revoke}`: the action is part of the segment. */
export function honoPath(path: string): string {
  return path.replace(
    /\{(\w+)\}(:[\w-]+)?/g,
    (_, name: string, action?: string) => `:${name}{[^/:]+${action ?? ''}}`,
  );
}

/**
 * The methods the contract serves at a concrete path (`/v1/events/3f…`), so a request with any other method
 * is answered 405 with `Allow` rather than 404.
 */
export function methodsAt(spec: Spec): (path: string) => string[] {
  const routes = spec.operations.map((operation) => ({
    method: operation.method.toUpperCase(),
    pattern: new RegExp(
      `^${operation.path
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/:]+')}$`,
    ),
  }));
  return (path) => [
    ...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method)),
  ];
}

function resourceName(path: string): string {
  const segment = path.split('/')[2] ?? 'resource';
  return segment.replace(/s$/, '').replaceAll('-', ' ');
}

async function readJsonBody(
  c: Context<AppEnv>,
  operation: Operation,
): Promise<{ raw: string; value: unknown }> {
  const raw = await c.req.text();
  if (raw.trim() === '') {
    if (operation.bodyRequired)
      throw new ValidationError('This request needs a JSON body.', [{ path: '/', message: 'Required.' }]);
    return { raw, value: undefined };
  }
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError({
      code: 'unsupported_media_type',
      status: 415,
      title: 'Unsupported media type',
      detail: `Send the body as JSON with \`Content-Type: application/json\` (got \`${type || 'none'}\`).`,
    });
  }
  try {
    return { raw, value: JSON.parse(raw) as unknown };
  } catch (error) {
    throw new ValidationError(`The body is not valid JSON: ${(error as Error).message}`);
  }
}

function refuseUnstorable(part: 'query' | 'body', errors: FieldError[]): void {
  if (errors.length > 0)
    throw new ValidationError(
      `The ${part} has a value the database cannot store: ${errors[0]!.message}`,
      errors,
    );
}

const notImplemented: Handler<ApiOperationId> = () => {
  throw new AppError({
    code: 'not_implemented',
    status: 501,
    title: 'Not implemented',
    detail: 'This operation is in the contract but this server does not implement it yet.',
  });
};

/** Binds every authenticated operation of the contract to its handler, with the shared pipeline in front. */
export function registerOperations(
  app: Hono<AppEnv>,
  spec: Spec,
  handlers: Handlers,
  deps: RouterDeps,
): { unimplemented: string[] } {
  const unimplemented: string[] = [];
  for (const operation of spec.operations) {
    if (!operation.authenticated) continue;
    if (!handlers[operation.id as ApiOperationId]) unimplemented.push(operation.id);
    // The `Handlers` type makes a missing handler a compile error and the contract test checks it too;
    // at run time such an operation answers 501 rather than taking the whole server down.
    const handler =
      (handlers[operation.id as ApiOperationId] as Handler<ApiOperationId> | undefined) ?? notImplemented;
    app.on(operation.method.toUpperCase(), honoPath(operation.path), (c) =>
      handle(c, operation, handler, deps),
    );
  }
  return { unimplemented };
}

async function handle(
  c: Context<AppEnv>,
  operation: Operation,
  handler: Handler<ApiOperationId>,
  deps: RouterDeps,
) {
  const requestId = c.get('requestId');
  const orgHeader = c.req.header('x-org-id');
  if (orgHeader !== undefined && !UUID.test(orgHeader))
    throw new ValidationError(
      'X-Org-Id must be the UUID of an organization; remove the header with an API key.',
      [{ path: '/headers/x-org-id', message: 'Must be a UUID.' }],
    );
  const identity = await deps.authenticate({
    authorization: c.req.header('authorization'),
    orgId: c.req.header('x-org-id'),
  });
  const caller: Caller = { ...identity, requestId };
  const mutating = operation.method !== 'get';
  if (caller.kind === 'operator') {
    if (!operation.forOperators)
      throw new ForbiddenError(
        'A platform operator key may only call the operations views (`/v1/ops/…`, `/v1/metrics/business`); use an API key of the organization for anything else.',
      );
  } else if (mutating && caller.role === 'viewer')
    throw new ForbiddenError('Viewers have read-only access; ask an admin for the member role.');

  const bucket: Bucket = operation.rateLimitBucket ?? (mutating ? 'write' : 'read');
  Object.assign(
    c.get('responseHeaders'),
    await deps.rateLimit(caller.apiKeyId ?? caller.operatorId ?? caller.userId ?? caller.orgId, bucket),
  );

  const body = operation.body ? await readJsonBody(c, operation) : { raw: '', value: undefined };
  const run = async (): Promise<Response> => {
    try {
      return await execute(c, operation, handler, caller, body, deps);
    } catch (error) {
      return problemResponse(error, { requestId, log: deps.log, instance: c.req.path });
    }
  };
  // Idempotency keys are scoped to an organization; an operator's actions (a reconciliation run) are safe to repeat.
  const key = mutating && caller.kind !== 'operator' ? c.req.header('idempotency-key') : undefined;
  if (key === undefined) {
    const response = await run();
    if (mutating) deps.afterWrite();
    return response;
  }
  if (key === '')
    throw new ValidationError(
      'Idempotency-Key is empty; send a unique value (a UUID) or leave the header out.',
      [{ path: '/headers/idempotency-key', message: 'At least 1 character.' }],
    );
  const url = new URL(c.req.url);
  const response = await withIdempotency(
    deps.db,
    { orgId: caller.orgId, key, method: operation.method, url: url.pathname + url.search, body: body.raw },
    deps.config.YARDPASS_IDEMPOTENCY_TTL_HOURS,
    run,
  );
  deps.afterWrite();
  return response;
}

async function execute(
  c: Context<AppEnv>,
  operation: Operation,
  handler: Handler<ApiOperationId>,
  caller: Caller,
  requestBody: { raw: string; value: unknown },
  deps: RouterDeps,
): Promise<Response> {
  const params: Record<string, string> = {};
  for (const name of operation.pathParams) {
    const value = (c.req.param(name) ?? '').split(':')[0]!;
    // A malformed id names nothing, so it is "not found" rather than a validation error.
    if (name === 'id' && !UUID.test(value)) throw new NotFoundError(resourceName(operation.path));
    params[name] = value;
  }

  let query: Record<string, unknown> = {};
  if (operation.query) {
    const parsed = operation.query.safeParse(coerceQuery(c.req.query(), operation.queryTypes));
    if (!parsed.success)
      throw new ValidationError('Invalid query parameters.', fieldErrors(parsed.error.issues, '/query'));
    refuseUnstorable('query', operation.unstorable('query', parsed.data));
    query = parsed.data;
  } else if (Object.keys(c.req.query()).length > 0) {
    throw new ValidationError('This operation takes no query parameters.', [
      { path: '/query', message: 'Remove the query string.' },
    ]);
  }

  let body: unknown;
  if (operation.body && requestBody.value !== undefined) {
    const parsed = operation.body.safeParse(requestBody.value);
    if (!parsed.success)
      throw new ValidationError('The request body is invalid.', fieldErrors(parsed.error.issues));
    refuseUnstorable('body', operation.unstorable('body', parsed.data));
    body = parsed.data;
  }

  const reply = await handler({
    params,
    query,
    body,
    caller,
    header: (name) => c.req.header(name),
    rawBody: requestBody.raw,
    // A getter: the adapter builds the full Request (tens of µs) only for the handlers that need it.
    get signal() {
      return c.req.raw.signal;
    },
  } as HandlerInput<ApiOperationId>);
  if ('response' in reply) return reply.response;

  if (deps.validateResponses) {
    const schema = operation.responses.get(reply.status);
    const result = schema?.safeParse(reply.body);
    if (!schema || !result?.success) {
      throw new Error(
        `Response of ${operation.id} (${reply.status}) does not match the contract: ${JSON.stringify(result?.error?.issues ?? 'no schema for this status')}`,
      );
    }
  }
  return jsonResponse(c, reply.status, reply.body, reply.headers, reply.json);
}
