import { describe, expectTypeOf, it } from 'vitest';
import type { components } from './generated/openapi.js';
import {
  Yardpass,
  type Page,
  type PagePromise,
  type RequestOptions,
  type WebhookEvent,
  type WebhookEventType,
  type WithResponse,
} from './index.js';

type Schemas = components['schemas'];

// Type-level only: calls sit in functions that are never run, so nothing is sent.
const yardpass = new Yardpass({
  apiKey: 'yp_test_types',
  fetch: () => Promise.reject(new Error('not sent')),
});
const id = '5b8f0e1c-7a51-4c5e-9a55-1f6f0a6f9c21';
const typeOnly = (calls: () => void) => expectTypeOf(calls).toBeFunction();

describe('SDK types', () => {
  it('takes request bodies from the spec', () => {
    expectTypeOf(yardpass.events.create).parameter(0).toEqualTypeOf<Schemas['EventCreate']>();
    expectTypeOf(yardpass.events.update).parameters.toEqualTypeOf<
      [id: string, body: Schemas['EventUpdate'], options?: RequestOptions]
    >();
    expectTypeOf(yardpass.sponsors.updateProfile)
      .parameter(1)
      .toEqualTypeOf<Schemas['SponsorProfileInput']>();
    expectTypeOf(yardpass.members.invite).parameter(0).toEqualTypeOf<Schemas['MemberInvite']>();
  });

  it('rejects bodies that break the spec', () => {
    typeOnly(() => {
      // @ts-expect-error `title` is required by EventCreate
      void yardpass.events.create({ starts_at: '2026-07-01T18:00:00Z', ends_at: '2026-07-01T23:00:00Z' });
      void yardpass.events.create({
        title: 'Summer Fest',
        starts_at: '2026-07-01T18:00:00Z',
        ends_at: '2026-07-01T23:00:00Z',
        // @ts-expect-error EventCreate has no `price_cents`
        price_cents: 100,
      });
      // @ts-expect-error `role` must be one of owner, admin, member, viewer
      void yardpass.members.update(id, { role: 'superuser' });
      // @ts-expect-error update takes the id first
      void yardpass.sponsors.update({ name: 'Fizz Cola' });
      void yardpass.packages.update(id, {
        // @ts-expect-error an SLA term's metric is a string from the documented list, and a target is required
        sla_terms: [{ metric: 7 }],
      });
      void yardpass.packages.update(id, {
        // @ts-expect-error a breach policy is one of penalty_pct, penalty_fixed, make_good, notify
        sla_terms: [{ metric: 'leads', target: 4, breach_policy: { action: 'refund_everything' } }],
      });
      void yardpass.orders.create({ package_id: id, sponsor_id: id, variant_id: id });
      void yardpass.orders.create({
        package_id: id,
        sponsor_id: id,
        release_policy: 'per_deliverable',
        release_weights: { booth: 3 },
      });
      // @ts-expect-error the release policy is whole_order or per_deliverable
      void yardpass.orders.create({ package_id: id, sponsor_id: id, release_policy: 'monthly' });
      // @ts-expect-error a release weight is a whole number
      void yardpass.packages.update(id, { release_weights: { booth: 'heavy' } });
    });
  });

  it('takes ids, queries and options where the operation has them', () => {
    expectTypeOf(yardpass.events.retrieve).parameters.toEqualTypeOf<[id: string, options?: RequestOptions]>();
    expectTypeOf(yardpass.organizations.retrieveCurrent).parameters.toEqualTypeOf<
      [options?: RequestOptions]
    >();
    expectTypeOf(yardpass.apiKeys.revoke).parameters.toEqualTypeOf<[id: string, options?: RequestOptions]>();
    expectTypeOf(yardpass.events.list).parameter(0).toEqualTypeOf<
      | {
          limit?: number;
          starting_after?: string;
          category?: string;
          city?: string;
          starts_after?: string;
          starts_before?: string;
          owner?: 'me';
        }
      | undefined
    >();
    typeOnly(() => {
      // @ts-expect-error listSponsors has no `city` filter
      void yardpass.sponsors.list({ city: 'Austin' });
      // @ts-expect-error visibility is public or private
      void yardpass.sponsors.list({ visibility: 'secret' });
      // @ts-expect-error limit is a number
      void yardpass.events.list({ limit: '10' });
    });
  });

  it('resolves to the `data` of the envelope, typed from the spec', () => {
    expectTypeOf(yardpass.events.create).returns.resolves.toEqualTypeOf<Schemas['Event']>();
    expectTypeOf(yardpass.events.del).returns.resolves.toEqualTypeOf<Schemas['Deleted']>();
    expectTypeOf(yardpass.apiKeys.create).returns.resolves.toEqualTypeOf<Schemas['ApiKeyWithSecret']>();
    expectTypeOf(yardpass.organizations.retrieveCurrent).returns.resolves.toEqualTypeOf<
      Schemas['CurrentOrganization']
    >();
    expectTypeOf(yardpass.sponsors.retrieveProfile).returns.resolves.toEqualTypeOf<
      Schemas['SponsorProfile']
    >();
  });

  it('types list items, pages and iteration', () => {
    expectTypeOf(yardpass.sponsors.list).returns.toEqualTypeOf<PagePromise<Schemas['Sponsor']>>();
    expectTypeOf(yardpass.members.list).returns.resolves.toEqualTypeOf<Page<Schemas['Member']>>();
    expectTypeOf(yardpass.events.list).returns.toMatchTypeOf<AsyncIterable<Schemas['Event']>>();
    expectTypeOf<PagePromise<Schemas['AuditLogEntry']>['toArray']>().returns.resolves.toEqualTypeOf<
      Schemas['AuditLogEntry'][]
    >();
    expectTypeOf<Page<Schemas['ApiKey']>['getNextPage']>().returns.toEqualTypeOf<
      PagePromise<Schemas['ApiKey']>
    >();
  });

  it('gives every call withResponse() and names its operation', () => {
    expectTypeOf(() => yardpass.events.retrieve(id).withResponse()).returns.resolves.toEqualTypeOf<
      WithResponse<Schemas['Event']>
    >();
    expectTypeOf(yardpass.apiKeys.revoke.operationId).toEqualTypeOf<'revokeApiKey'>();
    expectTypeOf(yardpass.apiKeys.revoke.route).toEqualTypeOf<'POST /v1/api-keys/{id}:revoke'>();
  });

  it('types request() as unknown unless told', () => {
    expectTypeOf(() =>
      yardpass.request({ method: 'GET', path: '/v1/events' }),
    ).returns.resolves.toBeUnknown();
    expectTypeOf(() =>
      yardpass.request<{ data: [] }>({ method: 'GET', path: '/v1/events' }),
    ).returns.resolves.toEqualTypeOf<{
      data: [];
    }>();
    typeOnly(() => {
      // @ts-expect-error the API serves no HEAD requests
      void yardpass.request({ method: 'HEAD', path: '/v1/events' });
    });
  });

  it('exports webhook event payloads, narrowed by their type, for use with the verifier', () => {
    expectTypeOf<WebhookEvent<'order.funded'>['data']>().toEqualTypeOf<Schemas['Order']>();
    expectTypeOf<WebhookEvent<'package.published'>['data']>().toEqualTypeOf<Schemas['SponsorshipPackage']>();
    expectTypeOf<'order.funded' | 'payout.completed'>().toMatchTypeOf<WebhookEventType>();
    const handle = (event: WebhookEvent) => {
      if (event.type === 'order.funded') expectTypeOf(event.data.escrow_state).toBeString();
    };
    typeOnly(() => {
      // @ts-expect-error not an event type of the contract
      type Shipped = WebhookEvent<'order.shipped'>;
      expectTypeOf<Shipped>().not.toBeNever();
      void handle;
    });
  });

  it('types binary and text answers of the ROI report', () => {
    expectTypeOf(yardpass.reports.roiPdf).returns.resolves.toEqualTypeOf<Uint8Array>();
    expectTypeOf(yardpass.reports.roiCsv).returns.resolves.toBeString();
  });
});
