import { findTemplate } from '../db/package-templates';
import {
  deleteVariant,
  findPackage,
  findVariant,
  insertPackage,
  insertVariant,
  listPackages,
  listVariants,
  type PackageChanges,
  type PackageCreateInput,
  type PackageRow,
  updatePackage,
  updateVariant,
  type VariantInput,
} from '../db/packages';
import { decodeCursor, toPage } from '../db/pagination';
import { readOne, readPage } from '../db/reads';
import type { Db, Tx } from '../db/pool';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  UnprocessableError,
  ValidationError,
} from '../errors';
import { shareableAudience } from './audience';
import { defaultTerms, normalizeTerms } from './sla-terms';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';
import { emitEvent } from '../webhooks/emit';
import { assertReleaseWeights } from './fulfilment';

export type { PackageRow };

function checkAvailability(
  availability: PackageCreateInput['availability'],
  path = '/availability/end',
): void {
  if (
    availability?.start &&
    availability.end &&
    Date.parse(availability.end) < Date.parse(availability.start)
  ) {
    throw new ValidationError('The availability window ends before it starts.', [
      { path, message: 'Must not be before `availability.start`.' },
    ]);
  }
}

/** The caller's own package, locked for the change; anyone else's answers 404. */
async function ownPackageForUpdate(tx: Tx, caller: Caller, id: string): Promise<PackageRow> {
  const pkg = await findPackage(tx, id, { lock: true });
  if (!pkg || pkg.org_id !== caller.orgId) throw new NotFoundError('sponsorship package');
  return pkg;
}

function invalidState(pkg: PackageRow, action: string): never {
  throw new ConflictError({
    code: 'invalid_package_state',
    detail: `A ${pkg.status} package cannot be ${action}.`,
    extra: { current_status: pkg.status },
  });
}

export function createPackage(db: Db, caller: Caller, input: PackageCreateInput) {
  checkAvailability(input.availability);
  return db.tenant(caller.orgId, async (tx) => {
    const template = input.template_id ? await findTemplate(tx, input.template_id) : undefined;
    if (input.template_id && !template) throw new NotFoundError('package template');

    const title = input.title ?? template?.title;
    const tier = input.tier ?? template?.tier;
    const priceCents = input.price_cents ?? template?.price_cents;
    const currency = input.currency ?? template?.currency;
    const missing = Object.entries({ title, tier, price_cents: priceCents, currency })
      .filter(([, value]) => value === undefined)
      .map(([field]) => ({ path: `/${field}`, message: 'Required unless `template_id` names a template.' }));
    if (
      missing.length > 0 ||
      title === undefined ||
      tier === undefined ||
      priceCents === undefined ||
      !currency
    )
      throw new ValidationError(
        'The package needs a title, tier, price and currency (or a template).',
        missing,
      );

    assertReleaseWeights(
      input.release_weights,
      input.benefits ?? template?.benefits ?? {},
      '/release_weights',
    );
    // Other organizations' events can be readable (listed packages); only the organizer may sell one.
    const pkg = await insertPackage(tx, {
      orgId: caller.orgId,
      eventId: input.event_id,
      templateId: template?.id ?? null,
      title,
      tier,
      priceCents,
      currency,
      inventory: input.inventory,
      benefits: input.benefits ?? template?.benefits ?? {},
      availability: input.availability ?? {},
      constraints: input.constraints ?? {},
      cancellationPolicy: input.cancellation_policy ?? null,
      visibility: input.visibility ?? 'public',
      expectedReach: input.expected_reach ?? null,
      audienceSnapshot: input.audience_snapshot ?? {},
      slaTerms: input.sla_terms ? normalizeTerms(input.sla_terms, '/sla_terms', currency) : null,
      releasePolicy: input.release_policy ?? 'whole_order',
      releaseWeights: input.release_weights ?? {},
    });
    if (!pkg) throw new NotFoundError('event');
    await recordAudit(tx, caller, {
      action: 'package.create',
      resourceType: 'sponsorship_package',
      resourceId: pkg.id,
    });
    return pkg;
  });
}

export function getPackage(db: Db, caller: Caller, id: string) {
  return readOne(db, caller.orgId, 'sponsorship package', (tx) => findPackage(tx, id));
}

export function listPackagesPage(
  db: Db,
  caller: Caller,
  query: {
    event_id?: string;
    visibility?: string;
    is_active?: boolean;
    tier?: string;
    min_price_cents?: number;
    max_price_cents?: number;
    limit?: number;
    starting_after?: string;
  },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) =>
      listPackages(tx, {
        orgId: caller.orgId,
        eventId: query.event_id,
        visibility: query.visibility,
        isActive: query.is_active,
        tier: query.tier,
        minPriceCents: query.min_price_cents,
        maxPriceCents: query.max_price_cents,
        ...page,
      }),
    (row) => String(row.price_cents),
  );
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3; anything else is a 400 naming the header. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new ValidationError('`If-Match` must be the package version you read, e.g. `"3"`.', [
      { path: '/If-Match', message: 'Expected a version number.' },
    ]);
  }
  return Number(match[1]);
}

export function updatePackageById(
  db: Db,
  caller: Caller,
  id: string,
  input: PackageChanges & { version?: number },
  ifMatch: string | undefined,
) {
  const { version: bodyVersion, ...changes } = input;
  const headerVersion = parseIfMatch(ifMatch);
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    throw new ValidationError('`version` and `If-Match` disagree; send one of them.', [
      { path: '/version', message: `The body says ${bodyVersion}, If-Match says ${headerVersion}.` },
    ]);
  }
  const expected = bodyVersion ?? headerVersion;
  if (Object.keys(changes).length === 0)
    throw new ValidationError('Nothing to change: send at least one field besides `version`.');
  checkAvailability(changes.availability);
  return db.tenant(caller.orgId, async (tx) => {
    const current = await ownPackageForUpdate(tx, caller, id);
    if (expected !== undefined && current.version !== expected) {
      throw new PreconditionFailedError({
        detail: `The package is at version ${current.version}, not ${expected}: read it again and reapply your change.`,
        extra: { current_version: current.version },
      });
    }
    if (current.status === 'archived') invalidState(current, 'changed');
    if (changes.sla_terms !== undefined) {
      assertTermsEditable(current);
      changes.sla_terms = normalizeTerms(
        changes.sla_terms,
        '/sla_terms',
        changes.currency ?? current.currency,
      );
    } else if (changes.currency && changes.currency !== current.currency && current.sla_terms) {
      // Same guarantees, summaries in the new currency (a fixed penalty names it).
      changes.sla_terms = normalizeTerms(current.sla_terms, '/sla_terms', changes.currency);
    }
    if (changes.release_weights !== undefined || changes.benefits !== undefined)
      assertReleaseWeights(
        changes.release_weights ?? current.release_weights,
        changes.benefits ?? current.benefits,
        '/release_weights',
      );
    if (changes.inventory !== undefined && changes.inventory < current.sold) {
      throw new UnprocessableError({
        code: 'inventory_below_sold',
        detail: `${current.sold} units are already sold; inventory cannot go below that.`,
        extra: { sold: current.sold },
      });
    }
    const pkg = (await updatePackage(tx, id, changes, current.version))!;
    await recordAudit(tx, caller, {
      action: 'package.update',
      resourceType: 'sponsorship_package',
      resourceId: id,
    });
    return pkg;
  });
}

/**
 * SLA terms are what a sponsor buys: they change only while the package is a draft (unpublish it first), so
 * that a published listing means what it says; sold orders keep the terms frozen into them either way.
 */
function assertTermsEditable(pkg: PackageRow): void {
  if (pkg.status !== 'draft')
    throw new ConflictError({
      code: 'sla_terms_frozen',
      detail: `The package is ${pkg.status}; SLA terms change only on a draft: unpublish it, change them, publish again.`,
      extra: { current_status: pkg.status },
    });
}

/**
 * How complete and verifiable a listing is, 0–100: verified audience stats weigh most, then a stated reach,
 * concrete benefits and a sale window. Shown on marketplace cards so buyers can tell a thin listing apart.
 */
export function qualityScore(
  pkg: Pick<PackageRow, 'expected_reach' | 'benefits' | 'availability'>,
  audience: { estimated_reach: number | null; age_segments: Record<string, number> },
): number {
  let score = 0;
  if (audience.estimated_reach) score += 30;
  if (Object.keys(audience.age_segments).length > 0) score += 10;
  if (pkg.expected_reach) score += 20;
  score += Math.min(Object.keys(pkg.benefits).length, 5) * 6;
  if (pkg.availability.start || pkg.availability.end) score += 10;
  return score;
}

export function publishPackage(db: Db, caller: Caller, id: string, now = new Date()) {
  return db.tenant(caller.orgId, async (tx) => {
    const current = await ownPackageForUpdate(tx, caller, id);
    if (current.status !== 'draft') invalidState(current, 'published');
    const audience = await shareableAudience(tx, current.event_id, now);
    const pkg = (await updatePackage(tx, id, {
      // Guide §11: a package published without terms gets the generated ones.
      sla_terms: current.sla_terms ?? defaultTerms(current, current.currency),
      is_active: true,
      published_at: now.toISOString(),
      audience_snapshot: { ...audience },
      quality_score: qualityScore(current, audience),
    }))!;
    await emitEvent(tx, caller.orgId, 'package.published', pkg);
    await recordAudit(tx, caller, {
      action: 'package.publish',
      resourceType: 'sponsorship_package',
      resourceId: id,
    });
    return pkg;
  });
}

export function unpublishPackage(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    const current = await ownPackageForUpdate(tx, caller, id);
    if (current.status !== 'published') invalidState(current, 'unpublished');
    const pkg = (await updatePackage(tx, id, { is_active: false }))!;
    await recordAudit(tx, caller, {
      action: 'package.unpublish',
      resourceType: 'sponsorship_package',
      resourceId: id,
    });
    return pkg;
  });
}

export function archivePackage(db: Db, caller: Caller, id: string, now = new Date()) {
  return db.tenant(caller.orgId, async (tx) => {
    const current = await ownPackageForUpdate(tx, caller, id);
    if (current.status === 'archived') invalidState(current, 'archived');
    const pkg = (await updatePackage(tx, id, { is_active: false, archived_at: now.toISOString() }))!;
    await recordAudit(tx, caller, {
      action: 'package.archive',
      resourceType: 'sponsorship_package',
      resourceId: id,
    });
    return pkg;
  });
}

async function ownPackage(tx: Tx, caller: Caller, id: string): Promise<PackageRow> {
  const pkg = await findPackage(tx, id);
  if (!pkg || pkg.org_id !== caller.orgId) throw new NotFoundError('sponsorship package');
  return pkg;
}

export function createVariant(db: Db, caller: Caller, packageId: string, input: VariantInput) {
  return db.tenant(caller.orgId, async (tx) => {
    const pkg = await ownPackage(tx, caller, packageId);
    if (pkg.status === 'archived') invalidState(pkg, 'given variants');
    if (input.sla_terms) assertTermsEditable(pkg);
    const variant = await insertVariant(tx, {
      ...input,
      sla_terms:
        input.sla_terms && normalizeTerms(input.sla_terms, '/sla_terms', input.currency ?? pkg.currency),
      orgId: caller.orgId,
      packageId,
    });
    await recordAudit(tx, caller, {
      action: 'package_variant.create',
      resourceType: 'package_variant',
      resourceId: variant.id,
    });
    return variant;
  });
}

export function listVariantsPage(
  db: Db,
  caller: Caller,
  packageId: string,
  query: { limit?: number; starting_after?: string },
) {
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.tenant(caller.orgId, async (tx) => {
    // Buyers see the variants on sale of a package they may see; the organizer sees all of them.
    const pkg = await findPackage(tx, packageId);
    if (!pkg) throw new NotFoundError('sponsorship package');
    const activeOnly = pkg.org_id !== caller.orgId;
    return toPage(await listVariants(tx, { packageId, activeOnly, limit, after }), limit, (row) =>
      String(row.price_cents),
    );
  });
}

export function updateVariantById(db: Db, caller: Caller, id: string, changes: Partial<VariantInput>) {
  return db.tenant(caller.orgId, async (tx) => {
    if (changes.sla_terms !== undefined) {
      const current = await findVariant(tx, id);
      if (!current) throw new NotFoundError('package variant');
      assertTermsEditable(await ownPackage(tx, caller, current.package_id));
      if (changes.sla_terms)
        changes.sla_terms = normalizeTerms(
          changes.sla_terms,
          '/sla_terms',
          changes.currency ?? current.currency,
        );
    } else if (changes.currency) {
      // As for packages: the same terms, summaries in the new currency.
      const current = await findVariant(tx, id);
      if (current?.sla_terms && current.currency !== changes.currency)
        changes.sla_terms = normalizeTerms(current.sla_terms, '/sla_terms', changes.currency);
    }
    const variant = await updateVariant(tx, id, changes);
    if (!variant) throw new NotFoundError('package variant');
    await recordAudit(tx, caller, {
      action: 'package_variant.update',
      resourceType: 'package_variant',
      resourceId: id,
    });
    return variant;
  });
}

export function deleteVariantById(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await deleteVariant(tx, id))) throw new NotFoundError('package variant');
    await recordAudit(tx, caller, {
      action: 'package_variant.delete',
      resourceType: 'package_variant',
      resourceId: id,
    });
    return { id, deleted: true as const };
  });
}
