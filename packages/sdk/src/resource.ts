import { APIPromise } from './api-promise.js';
import { YardpassError } from './errors.js';
import type {
  InputKind,
  ListItem,
  ListOperationId,
  OperationArgs,
  OperationId,
  OperationResult,
  RouteOf,
} from './operations.js';
import type { HttpMethod, QueryParams, RequestOptions, RequestParams } from './options.js';
import { PagePromise } from './pagination.js';
import type { Send } from './transport.js';

/**
 * An SDK method, tagged with the operation of openapi.yaml it performs and where that is served.
 *
 * @example
 * ```ts
 * yardpass.apiKeys.revoke.operationId; // 'revokeApiKey'
 * yardpass.apiKeys.revoke.route; // 'POST /v1/api-keys/{id}:revoke'
 * ```
 */
export type Endpoint<K extends OperationId, Result> = ((...args: OperationArgs<K>) => Result) & {
  readonly operationId: K;
  readonly route: RouteOf<K>;
};

/** Whether the method's input is the body or the query, when it has one (checked against the spec). */
type InputParam<K extends OperationId> = [InputKind<K>] extends [never] ? [] : [input: InputKind<K>];

/**
 * The base of `yardpass.events`, `yardpass.sponsors` and the others. A resource declares each method
 * in one line, e.g. `retrieve = this.endpoint('getEvent', 'GET /v1/events/{id}')`; its parameters and
 * result are the operation's, from the generated types.
 */
export abstract class APIResource {
  readonly #send: Send;

  constructor(send: Send) {
    this.#send = send;
  }

  /** A method for an operation that answers one resource (unwrapped from `{ data }`) or nothing. */
  protected endpoint<K extends Exclude<OperationId, ListOperationId>>(
    operationId: K,
    route: RouteOf<K>,
    ...input: InputParam<K>
  ): Endpoint<K, APIPromise<OperationResult<K>>> {
    const send = this.#send;
    const parsed = parseRoute(route);
    const call = (...args: OperationArgs<K>) =>
      new APIPromise(
        // Bad arguments reject the returned promise rather than throw where the method is called.
        Promise.resolve().then(() => send(requestFor(parsed, input[0], args))),
        (raw) => unwrap(raw.body) as OperationResult<K>,
      );
    return Object.assign(call, { operationId, route });
  }

  /** A method for an operation that answers a list envelope: it pages with `starting_after`. */
  protected listEndpoint<K extends ListOperationId>(
    operationId: K,
    route: RouteOf<K>,
  ): Endpoint<K, PagePromise<ListItem<K>>> {
    const send = this.#send;
    const parsed = parseRoute(route);
    const call = (...args: OperationArgs<K>) => {
      const first = Promise.resolve().then(() => requestFor(parsed, 'query', args));
      return PagePromise.list<ListItem<K>>(async (cursor) => {
        const request = await first;
        return send(
          cursor === undefined
            ? request
            : { ...request, query: { ...request.query, starting_after: cursor } },
        );
      });
    };
    return Object.assign(call, { operationId, route });
  }
}

/** A route read once, when its method is declared: the method, the path's literal parts and parameters. */
interface ParsedRoute {
  method: HttpMethod;
  /** The literal text around the parameters: always one more than `names`. */
  parts: string[];
  names: string[];
}

function parseRoute(route: string): ParsedRoute {
  const [method, template = ''] = route.split(' ') as [HttpMethod, string?];
  const pieces = template.split(/\{(\w+)\}/);
  return {
    method,
    parts: pieces.filter((_, index) => index % 2 === 0),
    names: pieces.filter((_, index) => index % 2 === 1),
  };
}

/** Reads a method's arguments (path ids, then its input, then options) into a request. */
export function toRequest(
  route: string,
  input: 'body' | 'query' | undefined,
  args: readonly unknown[],
): RequestParams {
  return requestFor(parseRoute(route), input, args);
}

function requestFor(
  route: ParsedRoute,
  input: 'body' | 'query' | undefined,
  args: readonly unknown[],
): RequestParams {
  const { method, parts, names } = route;
  let next = 0;
  // A lone path parameter comes as a string, several as one object (see OperationArgs).
  const params =
    names.length === 1 ? { [String(names[0])]: args[next++] } : names.length > 1 ? args[next++] : {};
  let path = parts[0] ?? '';
  for (let index = 0; index < names.length; index++) {
    path += pathSegment(names[index] ?? '', params) + (parts[index + 1] ?? '');
  }
  const value = input === undefined ? undefined : args[next++];
  const options = args[next] as RequestOptions | undefined;
  return {
    ...options,
    method,
    path,
    ...(input === 'body' ? { body: value } : { query: value as QueryParams }),
  };
}

/** One path parameter, percent-encoded; the `:action` suffix of a route stays literal. */
function pathSegment(name: string, values: unknown): string {
  const value =
    typeof values === 'object' && values !== null ? (values as Record<string, unknown>)[name] : undefined;
  // An empty id would turn `GET /v1/events/{id}` into the list; `.` and `..` would climb the path.
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new YardpassError(`\`${name}\` must be an id (a non-empty string); got ${JSON.stringify(value)}.`, {
      code: 'invalid-argument',
    });
  }
  return encodeURIComponent(value);
}

function unwrap(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'data' in body ? body.data : body;
}
