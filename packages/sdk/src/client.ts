import { APIPromise } from './api-promise.js';
import { readEnv } from './env.js';
import { YardpassError } from './errors.js';
import { defaultHttp, fetchHttp } from './http.js';
import type { ClientOptions, RequestParams } from './options.js';
import { Analytics } from './resources/analytics.js';
import { ApiKeys } from './resources/api-keys.js';
import { AuditLog } from './resources/audit-log.js';
import { CommandCenter } from './resources/command-center.js';
import { AudienceConsents } from './resources/consents.js';
import { Deliverables } from './resources/deliverables.js';
import { EventSponsorships } from './resources/event-sponsorships.js';
import { Events } from './resources/events.js';
import { Marketplace } from './resources/marketplace.js';
import { Matches } from './resources/matches.js';
import { Members } from './resources/members.js';
import { Organizations } from './resources/organizations.js';
import { PackageTemplates } from './resources/package-templates.js';
import { Packages } from './resources/packages.js';
import { Proposals } from './resources/proposals.js';
import { Reports } from './resources/reports.js';
import { Slas } from './resources/slas.js';
import { Sponsors } from './resources/sponsors.js';
import { Orders } from './resources/orders.js';
import { Ops } from './resources/ops.js';
import { Payouts } from './resources/payouts.js';
import { PayoutConfig } from './resources/payout-config.js';
import { Ledger } from './resources/ledger.js';
import { Webhooks } from './resources/webhooks.js';
import { Widgets } from './resources/widgets.js';
import { Workspaces } from './resources/workspaces.js';
import { Stats } from './resources/stats.js';
import { createTransport, type Send } from './transport.js';

const DEFAULT_BASE_URL = 'http://localhost:3000';
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/**
 * The Yardpass Sponsorships API client.
 *
 * @example
 * ```ts
 * import { Yardpass } from '@yardpass/sdk';
 *
 * const yardpass = new Yardpass({ apiKey: process.env.YARDPASS_API_KEY, baseUrl: 'https://yardpass.example.com' });
 * const event = await yardpass.events.create({
 *   title: 'Summer Fest',
 *   starts_at: '2026-07-01T18:00:00Z',
 *   ends_at: '2026-07-01T23:00:00Z',
 * });
 * for await (const sponsor of yardpass.sponsors.list()) console.log(sponsor.name);
 * ```
 */
export class Yardpass {
  /** The server's URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Milliseconds each attempt may take. */
  readonly timeout: number;
  /** Retries of a failed attempt. */
  readonly maxRetries: number;

  /** The caller's organization. */
  readonly organizations: Organizations;
  /** Members of the organization and invitations. */
  readonly members: Members;
  /** The organization's API keys. */
  readonly apiKeys: ApiKeys;
  /** Every successful write, kept 30 days. */
  readonly auditLog: AuditLog;
  /** Events the organization runs. */
  readonly events: Events;
  /** Brands that sponsor events, and their profiles. */
  readonly sponsors: Sponsors;
  /** Webhooks to your backend: endpoints, events, deliveries, event types, the live stream. */
  readonly webhooks: Webhooks;
  /** Sponsorship packages of the organization's events, and their variants. */
  readonly packages: Packages;
  /** Reusable package templates. */
  readonly packageTemplates: PackageTemplates;
  /** Published public packages of every organizer. */
  readonly marketplace: Marketplace;
  /** Which sponsors fit which events, why, and each side's feedback. */
  readonly matches: Matches;
  /** Negotiation threads between organizers and sponsors. */
  readonly proposals: Proposals;
  /** Raw event analytics, sent in batches. */
  readonly analytics: Analytics;
  /** Rolled-up event stats and the shareable audience. */
  readonly stats: Stats;
  /** Which audience segments of an event may be shared. */
  readonly audienceConsents: AudienceConsents;
  /** ROI reports of sponsorship orders (JSON, CSV, PDF). */
  readonly reports: Reports;
  /** What each party owes under an order: the fulfilment queue, proofs and reviews. */
  readonly deliverables: Deliverables;
  /** Service levels of orders and their evaluation. */
  readonly slas: Slas;
  /** Who sponsors which event at which tier, and its activation. */
  readonly eventSponsorships: EventSponsorships;
  /** Sponsorship orders: escrow, release, cancellation and refunds. */
  readonly orders: Orders;
  /** Transfers to the organization's Stripe Connect account. */
  readonly payouts: Payouts;
  /** The operator's views: stuck work, integrity checks, business metrics. */
  readonly ops: Ops;
  /** The organization's Stripe Connect account and platform fee. */
  readonly payoutConfig: PayoutConfig;
  /** The double-entry ledger of the organization's orders. */
  readonly ledger: Ledger;
  /** Sponsorship workspaces: members, roles, the events, packages and orders they group, their audit log. */
  readonly workspaces: Workspaces;
  /** Workspaces' embeddable widgets and their public data. */
  readonly widgets: Widgets;
  /** Workspaces' command centers: the KPI feed, the live stream, Slack notifications. */
  readonly commandCenter: CommandCenter;

  readonly #send: Send;

  /**
   * @throws {YardpassError} `missing-credentials` when neither `apiKey`, `token` nor `YARDPASS_API_KEY`
   *   is set; `invalid-option` for a malformed option.
   */
  constructor(options: ClientOptions = {}) {
    this.baseUrl = baseUrlOf(options.baseUrl ?? readEnv('YARDPASS_BASE_URL') ?? DEFAULT_BASE_URL);
    this.timeout = positive('timeout', options.timeout ?? DEFAULT_TIMEOUT_MS);
    this.maxRetries = count('maxRetries', options.maxRetries ?? DEFAULT_MAX_RETRIES);
    const headers = lowerCaseNames(options.defaultHeaders);
    headers.authorization = `Bearer ${credentialOf(options)}`;
    if (options.orgId) headers['x-org-id'] = options.orgId;
    this.#send = createTransport({
      baseUrl: this.baseUrl,
      headers,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      http: options.fetch ? fetchHttp(options.fetch) : defaultHttp(),
      logger: options.logger,
    });
    this.organizations = new Organizations(this.#send);
    this.members = new Members(this.#send);
    this.apiKeys = new ApiKeys(this.#send);
    this.auditLog = new AuditLog(this.#send);
    this.events = new Events(this.#send);
    this.sponsors = new Sponsors(this.#send);
    this.webhooks = new Webhooks(this.#send);
    this.packages = new Packages(this.#send);
    this.packageTemplates = new PackageTemplates(this.#send);
    this.marketplace = new Marketplace(this.#send);
    this.matches = new Matches(this.#send);
    this.proposals = new Proposals(this.#send);
    this.analytics = new Analytics(this.#send);
    this.stats = new Stats(this.#send);
    this.audienceConsents = new AudienceConsents(this.#send);
    this.reports = new Reports(this.#send);
    this.deliverables = new Deliverables(this.#send);
    this.slas = new Slas(this.#send);
    this.eventSponsorships = new EventSponsorships(this.#send);
    this.orders = new Orders(this.#send);
    this.payouts = new Payouts(this.#send);
    this.ops = new Ops(this.#send);
    this.payoutConfig = new PayoutConfig(this.#send);
    this.ledger = new Ledger(this.#send);
    this.workspaces = new Workspaces(this.#send);
    this.widgets = new Widgets(this.#send);
    this.commandCenter = new CommandCenter(this.#send);
  }

  /**
   * Sends any request, with the client's authentication, retries and errors, and resolves to the
   * answer's parsed JSON body as is (`undefined` when empty). For operations the SDK has no method
   * for yet, and for the CLI's `yardpass api`.
   *
   * @example
   * ```ts
   * const page = await yardpass.request({ method: 'GET', path: '/v1/events', query: { limit: 5 } });
   * await yardpass.request({ method: 'POST', path: `/v1/sponsorship-packages/${id}:publish` });
   * ```
   */
  request<T = unknown>(params: RequestParams): APIPromise<T> {
    // The caller names the type of an answer the spec does not describe here.
    return new APIPromise(this.#send(params), (raw) => raw.body as T);
  }
}

function credentialOf(options: ClientOptions): string {
  if (options.apiKey && options.token) {
    throw new YardpassError('Pass either `apiKey` or `token` to new Yardpass(), not both.', {
      code: 'invalid-option',
    });
  }
  const credential = options.apiKey || options.token || readEnv('YARDPASS_API_KEY');
  if (!credential) {
    throw new YardpassError(
      'No credentials: pass `apiKey` (yp_test_… or yp_live_…) or `token` (a JWT, with `orgId`) to new Yardpass(), or set YARDPASS_API_KEY.',
      { code: 'missing-credentials' },
    );
  }
  return credential;
}

function baseUrlOf(value: string): string {
  if (!/^https?:$/.test(protocolOf(value))) {
    throw new YardpassError(
      `baseUrl must be an http(s) URL such as https://yardpass.example.com; got "${value}".`,
      {
        code: 'invalid-option',
      },
    );
  }
  return value.replace(/\/+$/, '');
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

function positive(name: string, value: number): number {
  if (!(value > 0))
    throw new YardpassError(`\`${name}\` must be a positive number of milliseconds.`, {
      code: 'invalid-option',
    });
  return value;
}

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new YardpassError(`\`${name}\` must be a whole number, 0 or more.`, { code: 'invalid-option' });
  }
  return value;
}

function lowerCaseNames(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
