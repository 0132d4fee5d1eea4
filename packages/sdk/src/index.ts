export { Yardpass } from './client.js';
export { APIPromise, type WithResponse } from './api-promise.js';
export { Page, PagePromise } from './pagination.js';
export {
  YardpassError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type ClientErrorCode,
  type Problem,
  type ProblemFieldError,
  type YardpassErrorCode,
} from './errors.js';
export type {
  ClientOptions,
  Fetch,
  HttpMethod,
  LogEvent,
  Logger,
  QueryParams,
  RequestOptions,
  RequestParams,
} from './options.js';
export type { OperationBody, OperationId, OperationQuery, OperationResult } from './operations.js';
export type { Endpoint } from './resource.js';
export type { WebhookEvent, WebhookEventType, WebhookStreamOptions } from './resources/webhooks.js';
export type { CommandCenterEvent } from './resources/command-center.js';
export type { EventStreamOptions } from './event-stream.js';
/** The contract's types, generated from openapi.yaml, e.g. `components['schemas']['Sponsor']`. */
export type { components, operations, paths } from './generated/openapi.js';
