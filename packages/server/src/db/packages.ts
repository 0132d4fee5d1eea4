import pg from 'pg';
import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';
import { ConflictError, UnprocessableError } from '../errors';
import { isPgError, pgCodes, updateById } from './sql';

/** What the sale rules of a package need to know about a sponsor and the package's live orders. */
export interface RuleFacts {
  sponsor_name: string;
  sponsor_industry: string | null;
  preferred_categories: string[];
  /** Live orders of this package held by this sponsor. */
  orders_by_sponsor: number;
  /** Live orders of this package held by any other sponsor. */
  orders_by_others: number;
}

// Orders that no longer hold a unit do not count against max_per_sponsor or exclusivity.
const deadOrderStatuses = `('cancelled', 'canceled', 'refunded', 'void')`;

/**
 * Reads the sponsor (name, industry, preferred categories) and counts the package's live orders.
 * Counting other sponsors' orders needs every tenant visible: call it inside `withSystemAccess`.
 */
export async function findRuleFacts(
  tx: Queryable,
  input: { packageId: string; sponsorId: string },
): Promise<RuleFacts | undefined> {
  const { rows } = await tx.query<RuleFacts>(
    `select s.name as sponsor_name, coalesce(s.industry, sp.industry) as sponsor_industry,
            coalesce(sp.preferred_categories, '{}') as preferred_categories,
            (select count(*)::int from sponsorship_orders o
              where o.package_id = $1 and o.sponsor_id = s.id and o.status not in ${deadOrderStatuses}) as orders_by_sponsor,
            (select count(*)::int from sponsorship_orders o
              where o.package_id = $1 and o.sponsor_id <> s.id and o.status not in ${deadOrderStatuses}) as orders_by_others
       from sponsors s left join sponsor_profiles sp on sp.sponsor_id = s.id
      where s.id = $2`,
    [input.packageId, input.sponsorId],
  );
  return rows[0];
}

export type PackageRow = components['schemas']['SponsorshipPackage'];
export type PackageCreateInput = components['schemas']['SponsorshipPackageCreate'];
export type PackageChanges = Omit<components['schemas']['SponsorshipPackageUpdate'], 'version'>;
export type VariantRow = components['schemas']['PackageVariant'];
export type VariantInput = components['schemas']['PackageVariantCreate'];
export type MarketplaceCard = components['schemas']['MarketplacePackage'];
type SlaTerm = components['schemas']['SlaTerm'];

const packageColumns = `id, org_id, event_id, template_id, title, tier, price_cents, currency, inventory, sold, benefits,
  availability, constraints, cancellation_policy, visibility, is_active,
  case when archived_at is not null then 'archived' when is_active then 'published' else 'draft' end as status,
  expected_reach, audience_snapshot, quality_score::float8 as quality_score, sla_terms, release_policy, release_weights,
  version, published_at, archived_at, created_at, updated_at`;

/** A package ready to insert: the template's values already merged in by the domain. */
export interface NewPackage {
  orgId: string;
  eventId: string;
  templateId: string | null;
  title: string;
  tier: string;
  priceCents: number;
  currency: string;
  inventory: number;
  benefits: Record<string, unknown>;
  availability: Record<string, unknown>;
  constraints: Record<string, unknown>;
  cancellationPolicy: Record<string, unknown> | null;
  visibility: string;
  expectedReach: number | null;
  audienceSnapshot: Record<string, unknown>;
  slaTerms: SlaTerm[] | null;
  /** `whole_order` and no weights when left out. */
  releasePolicy?: components['schemas']['ReleasePolicy'];
  releaseWeights?: Record<string, number>;
}

/**
 * Inserts the package of an event `pkg.orgId` owns, in the same statement as that check (one round trip fewer
 * on every create); answers nothing when the organization does not own the event.
 */
export async function insertPackage(tx: Tx, pkg: NewPackage): Promise<PackageRow | undefined> {
  const { rows } = await tx.query<PackageRow>(
    `insert into sponsorship_packages (org_id, event_id, template_id, title, tier, price_cents, currency, inventory,
       benefits, availability, constraints, cancellation_policy, visibility, expected_reach, audience_snapshot,
       sla_terms, release_policy, release_weights)
     select $1::uuid, e.id, $3::uuid, $4::text, $5::text, $6::bigint, $7::text, $8::int, $9::jsonb, $10::jsonb,
            $11::jsonb, $12::jsonb, $13::text, $14::int, $15::jsonb, $16::jsonb, $17::text, $18::jsonb
       from events e where e.id = $2 and e.owner_org_id = $1::uuid
     returning ${packageColumns}`,
    [
      pkg.orgId,
      pkg.eventId,
      pkg.templateId,
      pkg.title,
      pkg.tier,
      pkg.priceCents,
      pkg.currency,
      pkg.inventory,
      pkg.benefits,
      pkg.availability,
      pkg.constraints,
      pkg.cancellationPolicy,
      pkg.visibility,
      pkg.expectedReach,
      pkg.audienceSnapshot,
      pkg.slaTerms === null ? null : JSON.stringify(pkg.slaTerms),
      pkg.releasePolicy ?? 'whole_order',
      JSON.stringify(pkg.releaseWeights ?? {}),
    ],
  );
  return rows[0];
}

/** A package the caller may see (its own, or published and not private); `lock` takes the row for update. */
export async function findPackage(
  tx: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PackageRow | undefined> {
  const { rows } = await tx.query<PackageRow>(
    `select ${packageColumns} from sponsorship_packages where id = $1${options.lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

export interface PackageFilter {
  orgId: string;
  eventId?: string;
  visibility?: string;
  isActive?: boolean;
  tier?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  limit: number;
  after?: Cursor;
}

/** One optional `where` condition: skipped when `values` is undefined; `sql` gets the placeholders. */
export interface Condition {
  name: string;
  values: unknown[] | undefined;
  sql: (...params: string[]) => string;
}

/** `[value]`, or undefined for a filter that was not given. */
export const given = (value: unknown): unknown[] | undefined =>
  value === undefined || value === null ? undefined : [value];

/**
 * Builds the `where` clause from only the filters given, so that each combination is its own statement with
 * a plan fit for it (a catch-all `$1 is null or …` plan cannot use the index of the filter that is set). `key`
 * names the combination: statements named after it are prepared once per connection and not re-planned.
 */
export function whereOf(conditions: Condition[], firstParam = 1) {
  const values: unknown[] = [];
  const parts: string[] = [];
  const names: string[] = [];
  for (const condition of conditions) {
    if (condition.values === undefined) continue;
    const params = condition.values.map((value) => {
      values.push(value);
      return `$${firstParam + values.length - 1}`;
    });
    parts.push(condition.sql(...params));
    names.push(condition.name);
  }
  return { sql: parts.join(' and ') || 'true', values, key: names.join(',') };
}

/** The organizer's gallery: its own packages by price, highest first (guide §8), keyset-paged on (price, id). */
export async function listPackages(tx: Queryable, filter: PackageFilter): Promise<PackageRow[]> {
  const where = whereOf([
    { name: 'org', values: [filter.orgId], sql: (org) => `org_id = ${org}` },
    { name: 'event', values: given(filter.eventId), sql: (id) => `event_id = ${id}` },
    { name: 'visibility', values: given(filter.visibility), sql: (v) => `visibility = ${v}` },
    { name: 'active', values: given(filter.isActive), sql: (v) => `is_active = ${v}` },
    { name: 'tier', values: given(filter.tier), sql: (v) => `tier = ${v}` },
    { name: 'min', values: given(filter.minPriceCents), sql: (v) => `price_cents >= ${v}::bigint` },
    { name: 'max', values: given(filter.maxPriceCents), sql: (v) => `price_cents <= ${v}::bigint` },
    {
      name: 'after',
      values: filter.after && [Number(filter.after.value), filter.after.id],
      sql: (price, id) => `(price_cents, id) < (${price}::bigint, ${id}::uuid)`,
    },
  ]);
  const { rows } = await tx.query<PackageRow>({
    name: `packages.list:${where.key}`,
    text: `select ${packageColumns} from sponsorship_packages where ${where.sql}
      order by price_cents desc, id desc limit $${where.values.length + 1}`,
    values: [...where.values, filter.limit + 1],
  });
  return rows;
}

const jsonColumns = new Set([
  'benefits',
  'availability',
  'constraints',
  'cancellation_policy',
  'audience_snapshot',
  'sla_terms',
  'release_weights',
]);

/** Applies `changes` and bumps `version`; with `expectedVersion`, only when the row is still at it. */
export async function updatePackage(
  tx: Tx,
  id: string,
  changes: PackageChanges & {
    is_active?: boolean;
    published_at?: string | null;
    archived_at?: string | null;
    audience_snapshot?: Record<string, unknown>;
    quality_score?: number;
  },
  expectedVersion?: number,
): Promise<PackageRow | undefined> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const assignments = entries.map(([column], index) => `${pg.escapeIdentifier(column)} = $${index + 3}`);
  const { rows } = await tx.query<PackageRow>(
    `update sponsorship_packages set ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
      where id = $1 and ($2::int is null or version = $2) returning ${packageColumns}`,
    [
      id,
      expectedVersion ?? null,
      ...entries.map(([column, value]) => (jsonColumns.has(column) ? JSON.stringify(value) : value)),
    ],
  );
  return rows[0];
}

// A variant without its own currency sells in its package's.
const variantColumns = `id, package_id, title, tier, price_cents,
  coalesce(currency, (select p.currency from sponsorship_packages p where p.id = package_id)) as currency,
  inventory, sold, benefits, sla_terms, is_active, created_at, updated_at`;

const inventoryBelowSold = (error: unknown) =>
  isPgError(error, pgCodes.checkViolation) && error.constraint === 'package_variants_sold_check'
    ? new UnprocessableError({
        code: 'inventory_below_sold',
        detail: 'Units of this variant are already sold; its inventory cannot go below that.',
      })
    : error;

export async function insertVariant(
  tx: Tx,
  variant: VariantInput & { orgId: string; packageId: string },
): Promise<VariantRow> {
  const { rows } = await tx.query<VariantRow>(
    `insert into package_variants (org_id, package_id, title, tier, price_cents, currency, inventory, benefits,
       sla_terms, is_active)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${variantColumns}`,
    [
      variant.orgId,
      variant.packageId,
      variant.title,
      variant.tier,
      variant.price_cents,
      variant.currency ?? null,
      variant.inventory ?? null,
      variant.benefits ?? {},
      variant.sla_terms ? JSON.stringify(variant.sla_terms) : null,
      variant.is_active ?? true,
    ],
  );
  return rows[0]!;
}

export async function listVariants(
  tx: Queryable,
  filter: { packageId: string; activeOnly: boolean; limit: number; after?: Cursor },
): Promise<VariantRow[]> {
  const { rows } = await tx.query<VariantRow>(
    `select ${variantColumns} from package_variants
      where package_id = $1 and ($2::bigint is null or (price_cents, id) < ($2, $3::uuid))
        and (is_active or not $5)
      order by price_cents desc, id desc limit $4`,
    [
      filter.packageId,
      filter.after ? Number(filter.after.value) : null,
      filter.after?.id ?? null,
      filter.limit + 1,
      filter.activeOnly,
    ],
  );
  return rows;
}

export function updateVariant(
  tx: Tx,
  id: string,
  changes: Partial<VariantInput>,
): Promise<VariantRow | undefined> {
  const { benefits, sla_terms, ...rest } = changes;
  const json = (value: unknown) => (value === undefined || value === null ? value : JSON.stringify(value));
  return updateById<VariantRow>(tx, {
    table: 'package_variants',
    id,
    changes: { ...rest, benefits: json(benefits), sla_terms: json(sla_terms) },
    returning: variantColumns,
  }).catch((error: unknown) => {
    throw inventoryBelowSold(error);
  });
}

export async function findVariant(tx: Queryable, id: string): Promise<VariantRow | undefined> {
  const { rows } = await tx.query<VariantRow>(
    `select ${variantColumns} from package_variants where id = $1`,
    [id],
  );
  return rows[0];
}

export async function deleteVariant(tx: Tx, id: string): Promise<boolean> {
  try {
    const { rowCount } = await tx.query('delete from package_variants where id = $1', [id]);
    return rowCount === 1;
  } catch (error) {
    // Orders refer to a variant `on delete restrict`: PostgreSQL 18 reports 23001, earlier versions 23503.
    if (isPgError(error, pgCodes.restrictViolation) || isPgError(error, pgCodes.foreignKeyViolation))
      throw new ConflictError({
        code: 'variant_sold',
        detail:
          'Orders were placed for this variant, so it cannot be deleted; set `is_active` to false instead.',
      });
    throw error;
  }
}

/**
 * Takes one unit of a variant for an order (its row locked until the transaction ends) unless its own inventory
 * is sold out; the package's unit is taken separately. False when none was left.
 */
export async function reserveVariantUnit(tx: Tx, variantId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update package_variants set sold = sold + 1
      where id = $1 and (inventory is null or sold < inventory)`,
    [variantId],
  );
  return rowCount === 1;
}

export interface MarketplaceFilter {
  q?: string;
  category?: string;
  city?: string;
  from?: string;
  to?: string;
  tier?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  /** Leave out events whose brand-safety tags this sponsor's profile avoids. */
  sponsorId?: string;
  limit: number;
  after?: Cursor;
}

/**
 * Published public packages of every organizer, as cards (guide §16's `v_sponsorship_package_cards`), by price
 * (highest first). `q` matches package or event titles by trigram similarity (`%`, pg_trgm's GIN indexes) or
 * substring. Runs with every tenant visible: the `where` clause is what keeps drafts and private packages out.
 */
export async function searchMarketplace(
  tx: Queryable,
  filter: MarketplaceFilter,
): Promise<MarketplaceCard[]> {
  const { rows } = await tx.query<MarketplaceCard>(
    `select p.id, p.event_id, e.title as event_title, e.category as event_category, e.city as event_city,
            e.starts_at as event_starts_at, p.title, p.tier, p.price_cents, p.currency,
            coalesce((p.audience_snapshot->>'estimated_reach')::bigint, p.expected_reach) as reach,
            p.sold, p.inventory, p.quality_score::float8 as quality_score, p.benefits, p.published_at,
            coalesce(p.sla_terms, '[]') as sla_terms,
            coalesce((select jsonb_agg(jsonb_build_object('id', v.id, 'title', v.title, 'tier', v.tier,
                        'price_cents', v.price_cents, 'currency', coalesce(v.currency, p.currency),
                        'benefits', v.benefits, 'inventory', v.inventory, 'sold', v.sold,
                        'available', greatest(0, least(coalesce(v.inventory - v.sold, p.inventory - p.sold),
                                                       p.inventory - p.sold)),
                        'sla_terms', coalesce(v.sla_terms, p.sla_terms, '[]'))
                      order by v.price_cents desc, v.id desc)
                        from package_variants v where v.package_id = p.id and v.is_active), '[]') as variants
       from sponsorship_packages p join events e on e.id = p.event_id
      where p.is_active and p.visibility = 'public'
        and ($1::text is null or p.title % $1 or e.title % $1
             or p.title ilike '%' || $1 || '%' or e.title ilike '%' || $1 || '%')
        and ($2::text is null or lower(e.category) = lower($2))
        and ($3::text is null or lower(e.city) = lower($3))
        and ($4::timestamptz is null or e.starts_at >= $4)
        and ($5::timestamptz is null or e.starts_at <= $5)
        and ($6::text is null or p.tier = $6)
        and ($7::bigint is null or p.price_cents >= $7)
        and ($8::bigint is null or p.price_cents <= $8)
        and ($9::bigint is null or (p.price_cents, p.id) < ($9, $10::uuid))
        and ($12::uuid is null or not exists (
              select from sponsor_profiles sp where sp.sponsor_id = $12
                 and yardpass_normalized_tags(e.brand_safety_tags) && yardpass_avoid_tags(sp.activation_preferences)))
      order by p.price_cents desc, p.id desc limit $11`,
    [
      filter.q ?? null,
      filter.category ?? null,
      filter.city ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.tier ?? null,
      filter.minPriceCents ?? null,
      filter.maxPriceCents ?? null,
      filter.after ? Number(filter.after.value) : null,
      filter.after?.id ?? null,
      filter.limit + 1,
      filter.sponsorId ?? null,
    ],
  );
  return rows;
}

/** Whether the event has a published package that is not private (what makes it open to proposals). */
export async function eventHasListedPackage(tx: Queryable, eventId: string): Promise<boolean> {
  const { rows } = await tx.query<{ listed: boolean }>(
    `select exists (select from sponsorship_packages
                     where event_id = $1 and is_active and visibility <> 'private') as listed`,
    [eventId],
  );
  return rows[0]!.listed;
}
