import { findBrandSafetyConflict } from '../db/matching';
import { type Tx, withSystemAccess } from '../db/pool';
import { UnprocessableError } from '../errors';

/**
 * Refuses a deal between an event and a sponsor whose profile avoids one of the event's brand-safety tags
 * (guide §12): called by proposals and orders, where money is at stake; matching applies the same rule as a
 * gate. The event and the sponsor's profile usually belong to two tenants, so the check reads across them
 * and answers only the conflicting tag.
 */
export async function assertBrandSafe(tx: Tx, pair: { eventId: string; sponsorId: string }): Promise<void> {
  const tag = await withSystemAccess(tx, () => findBrandSafetyConflict(tx, pair));
  if (tag)
    throw new UnprocessableError({
      code: 'brand_safety_conflict',
      detail:
        `The event is tagged "${tag}", which the sponsor's profile avoids (activation_preferences.avoid_tags). ` +
        'Remove the tag from the event or from the avoid list before dealing with this sponsor.',
      extra: { rule: 'brand_safety', tag },
    });
}
