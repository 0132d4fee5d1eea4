import { withSystemAccess, type Tx } from '../db/pool';
import { findRuleFacts } from '../db/packages';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors';

/** The fields of a package the sale rules read; a full package row satisfies it. */
export interface PackageForRules {
  id: string;
  inventory: number;
  sold: number;
  is_active: boolean;
  archived_at?: string | null;
  availability: {
    start?: string | null;
    end?: string | null;
    max_per_sponsor?: number | null;
    exclusivity?: boolean | null;
  } | null;
  constraints: { category_allow?: string[] | null; sponsor_conflicts?: string[] | null } | null;
}

export type PackageRule =
  | 'published'
  | 'availability_window'
  | 'inventory'
  | 'max_per_sponsor'
  | 'exclusivity'
  | 'category_allow'
  | 'sponsor_conflicts';

/** A package rule that forbids this sale; the problem body names the rule in `rule`. */
function violated(rule: PackageRule, detail: string, status: 409 | 422): never {
  const options = { code: 'package_rule_violated', detail, extra: { rule } };
  throw status === 409 ? new ConflictError(options) : new UnprocessableError(options);
}

const norm = (value: string) => value.trim().toLowerCase();

/**
 * Checks that `sponsorId` may take one unit of `pkg` at `now` (DESIGN §5 "Packages"): published, inside the
 * availability window, a unit left, under `max_per_sponsor`, not exclusive to another sponsor, the sponsor's
 * industry or preferred categories in `constraints.category_allow`, and the sponsor's name or industry not in
 * `constraints.sponsor_conflicts`. Called at proposal creation and by `placeOrder` (with the package row
 * locked, so the counts cannot move underneath). Throws a `package_rule_violated` problem naming the rule.
 */
export async function assertPackageRules(
  tx: Tx,
  pkg: PackageForRules,
  sponsorId: string,
  now: Date,
): Promise<void> {
  if (!pkg.is_active || pkg.archived_at)
    violated('published', 'The package is not published; publish it before selling it.', 409);

  const { start, end, max_per_sponsor: maxPerSponsor, exclusivity } = pkg.availability ?? {};
  if (start && now < new Date(start))
    violated('availability_window', `The package is on sale only from ${start}.`, 422);
  if (end && now > new Date(end))
    violated('availability_window', `The package was on sale only until ${end}.`, 422);

  if (pkg.sold >= pkg.inventory)
    violated('inventory', `The package is sold out (${pkg.sold} of ${pkg.inventory} units sold).`, 409);

  // Other sponsors' orders and a counterparty's sponsor are outside the caller's tenancy.
  const facts = await withSystemAccess(tx, () => findRuleFacts(tx, { packageId: pkg.id, sponsorId }));
  if (!facts) throw new NotFoundError('sponsor');

  if (maxPerSponsor != null && facts.orders_by_sponsor >= maxPerSponsor)
    violated(
      'max_per_sponsor',
      `The sponsor already holds ${facts.orders_by_sponsor} of at most ${maxPerSponsor} units of this package.`,
      409,
    );
  if (exclusivity && facts.orders_by_others > 0)
    violated('exclusivity', 'The package is exclusive and another sponsor already holds it.', 409);

  const allow = (pkg.constraints?.category_allow ?? []).map(norm);
  if (allow.length > 0) {
    const sponsorCategories = [facts.sponsor_industry ?? '', ...facts.preferred_categories]
      .filter((value) => value.trim() !== '')
      .map(norm);
    if (!sponsorCategories.some((category) => allow.includes(category)))
      violated(
        'category_allow',
        `The package is open only to sponsors in ${pkg.constraints!.category_allow!.join(', ')}; ` +
          `the sponsor's industry and categories (${sponsorCategories.join(', ') || 'none set'}) are not among them.`,
        422,
      );
  }

  const conflicts = pkg.constraints?.sponsor_conflicts ?? [];
  const hit = conflicts.find((conflict) =>
    [facts.sponsor_name, facts.sponsor_industry ?? ''].some(
      (value) => value && norm(value) === norm(conflict),
    ),
  );
  if (hit)
    violated(
      'sponsor_conflicts',
      `The package excludes sponsors matching "${hit}" (a conflict named by the organizer).`,
      422,
    );
}
