import { searchMarketplace } from '../db/packages';
import { decodeCursor, toPage } from '../db/pagination';
import { type Db, withSystemAccess } from '../db/pool';
import { findSponsor } from '../db/sponsors';
import { NotFoundError, ValidationError } from '../errors';
import type { Caller } from '../caller';

export interface MarketplaceQuery {
  q?: string;
  category?: string;
  city?: string;
  from?: string;
  to?: string;
  tier?: string;
  min_price_cents?: number;
  max_price_cents?: number;
  sponsor_id?: string;
  limit?: number;
  starting_after?: string;
}

/**
 * Published public packages of every organizer. The search reads across tenants on purpose; the query itself
 * admits only `is_active and visibility = 'public'` rows and returns card fields, nothing of the organizer's
 * drafts, private packages, proposals or orders.
 */
export function searchMarketplacePage(db: Db, caller: Caller, query: MarketplaceQuery) {
  if (
    query.min_price_cents !== undefined &&
    query.max_price_cents !== undefined &&
    query.min_price_cents > query.max_price_cents
  )
    throw new ValidationError('The price range is upside down.', [
      { path: '/max_price_cents', message: 'Must be at least `min_price_cents`.' },
    ]);
  if (query.from && query.to && Date.parse(query.to) < Date.parse(query.from))
    throw new ValidationError('The date range is upside down.', [
      { path: '/to', message: 'Must not be before `from`.' },
    ]);
  const limit = query.limit ?? 20;
  const after = decodeCursor(query.starting_after);
  return db.tenant(caller.orgId, async (tx) => {
    // Browsing as a sponsor hides what its brand safety forbids; only the caller's own sponsors can be named.
    const sponsor = query.sponsor_id ? await findSponsor(tx, query.sponsor_id) : undefined;
    if (query.sponsor_id && sponsor?.org_id !== caller.orgId) throw new NotFoundError('sponsor');
    return toPage(
      await withSystemAccess(tx, () =>
        searchMarketplace(tx, {
          q: query.q?.trim() || undefined,
          category: query.category,
          city: query.city,
          from: query.from,
          to: query.to,
          tier: query.tier,
          minPriceCents: query.min_price_cents,
          maxPriceCents: query.max_price_cents,
          sponsorId: query.sponsor_id,
          limit,
          after,
        }),
      ),
      limit,
      (row) => String(row.price_cents),
    );
  });
}
