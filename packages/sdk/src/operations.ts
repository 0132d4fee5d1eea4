import type { operations, paths } from './generated/openapi.js';
import type { RequestOptions } from './options.js';

/**
 * The name of an operation in openapi.yaml (its `operationId`).
 *
 * @example
 * ```ts
 * const id: OperationId = 'createEvent';
 * ```
 */
export type OperationId = keyof operations;

type Operation<K extends OperationId> = operations[K];
type SpecMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** Every `METHOD /path` of the spec that operation `K` is served at (one, in a sane spec). */
export type RouteOf<K extends OperationId> = {
  [P in keyof paths]: {
    [M in SpecMethod]: paths[P][M] extends Operation<K>
      ? Operation<K> extends paths[P][M]
        ? `${Uppercase<M>} ${P & string}`
        : never
      : never;
  }[SpecMethod];
}[keyof paths];

type JsonContent<T> = T extends { content: infer C } ? C[keyof C] : never;

/**
 * The JSON request body of operation `K`, as the spec declares it.
 *
 * @example
 * ```ts
 * const body: OperationBody<'createEvent'> = { title: 'Summer Fest', starts_at, ends_at };
 * ```
 */
export type OperationBody<K extends OperationId> = JsonContent<NonNullable<Operation<K>['requestBody']>>;

/**
 * The query parameters of operation `K`.
 *
 * @example
 * ```ts
 * const query: OperationQuery<'listEvents'> = { city: 'Austin', limit: 50 };
 * ```
 */
export type OperationQuery<K extends OperationId> = NonNullable<Operation<K>['parameters']['query']>;

type PathParams<K extends OperationId> = Operation<K>['parameters'] extends { path: infer P } ? P : never;

type Responses<K extends OperationId> = Operation<K>['responses'];
type SuccessStatus = 200 | 201 | 202 | 203 | 204;
type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;
/** The parsed body of a successful answer to operation `K` (a union when it has several). */
type SuccessBody<K extends OperationId> = ContentOf<Responses<K>[keyof Responses<K> & SuccessStatus]>;

type Unwrapped<B> = B extends { data: infer D } ? D : B;

/**
 * What an SDK method for operation `K` resolves to: the `data` of the `{ "data": … }` envelope
 * (or the body itself when it has no envelope; `undefined` for 204).
 *
 * @example
 * ```ts
 * const event: OperationResult<'getEvent'> = await yardpass.events.retrieve(id);
 * ```
 */
export type OperationResult<K extends OperationId> = Unwrapped<SuccessBody<K>>;

/** The operations that answer a list envelope, and the type of one item of their list. */
export type ListOperationId = {
  [K in OperationId]: SuccessBody<K> extends { has_more: boolean; data: unknown[] } ? K : never;
}[OperationId];
export type ListItem<K extends ListOperationId> =
  SuccessBody<K> extends { data: infer D extends unknown[] } ? D[number] : never;

/** Which argument carries the operation's input: its JSON body or its query string. */
export type InputKind<K extends OperationId> = [OperationBody<K>] extends [never]
  ? [OperationQuery<K>] extends [never]
    ? never
    : 'query'
  : 'body';

/** A lone path parameter is passed positionally (`retrieve(id)`); several as one object. */
type PathArgs<K extends OperationId> = [PathParams<K>] extends [never]
  ? []
  : IsUnion<keyof PathParams<K>> extends true
    ? [path: PathParams<K>]
    : [id: string];

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

type InputArgs<K extends OperationId> = [InputKind<K>] extends [never]
  ? []
  : [InputKind<K>] extends ['body']
    ? undefined extends Operation<K>['requestBody']
      ? [body?: OperationBody<K>]
      : [body: OperationBody<K>]
    : Record<string, never> extends OperationQuery<K>
      ? [query?: OperationQuery<K>]
      : [query: OperationQuery<K>];

/** The parameters of the SDK method for operation `K`: path ids, then body or query, then options. */
export type OperationArgs<K extends OperationId> = [
  ...PathArgs<K>,
  ...InputArgs<K>,
  options?: RequestOptions,
];
