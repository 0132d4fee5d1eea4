import type { Db } from '../db/pool';
import { expireProposals } from '../domain/proposals';

/**
 * Cron task: proposal threads (draft, sent or countered) without activity for `days` days become `expired`
 * (DESIGN §5 "Proposals"); `YARDPASS_PROPOSAL_EXPIRY_DAYS` sets the idle time.
 */
export function proposalExpiry(db: Db, options: { days: number; now: Date }): Promise<number> {
  return expireProposals(db, options);
}
