import type { Queryable } from './pool';

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
