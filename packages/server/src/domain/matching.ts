import type { Caller } from '../caller';
import { findEvent } from '../db/events';
import { addJob } from '../db/jobs';
import {
  analyzeMatches,
  claimQueue,
  enqueueRecalc,
  expandEverything,
  findMatchingSettings,
  findMatchSide,
  findMatchView,
  findMatchViews,
  insertFeedback,
  listFeedback,
  listMatches,
  lockForScoring,
  type MatchFilter,
  type MatchRow,
  type MatchSide,
  type MatchStatus,
  type MatchView,
  refreshFeatures,
  scorePairs,
  upsertMatchingSettings,
} from '../db/matching';
import { decodeCursor, toPage } from '../db/pagination';
import { type Db, type Queryable, type Tx, withSystemAccess } from '../db/pool';
import { findSponsor } from '../db/sponsors';
import { isPgError } from '../db/sql';
import { NotFoundError, ValidationError } from '../errors';
import type { components } from '../generated/openapi';
import { emitEvent } from '../webhooks/emit';
import { requireRole } from '../caller';
import { matchListsOf } from './match-list-cache';
import { openProposal } from './proposals';

type Weights = components['schemas']['MatchWeights'];
type Components = Weights;

/** The guide's weights (§6), used by every organization that has not set its own. */
export const DEFAULT_WEIGHTS: Weights = {
  budget_fit: 0.25,
  audience_overlap: 0.35,
  geo_overlap: 0.15,
  engagement_quality: 0.15,
  objectives_similarity: 0.1,
};
export const DEFAULT_THRESHOLD = 0.7;
const COMPONENTS = Object.keys(DEFAULT_WEIGHTS) as (keyof Weights)[];

/** What `overlap_metrics` holds (written by the scoring statement in db/matching.ts). */
interface Details {
  packages?: number;
  packages_in_budget?: number;
  age_segments?: string[];
  geo?: 'city' | 'country' | null;
  avg_dwell_ms?: number | null;
  conversion_rate?: number | null;
  objectives_method?: 'embedding' | 'category' | 'text';
  terms_matched?: number;
  terms?: number;
}

/** A stored match as `side`'s API answers it. */
export function toMatch(row: MatchRow, side: MatchSide): MatchView {
  return {
    id: row.id,
    event_id: row.event_id,
    sponsor_id: row.sponsor_id,
    your_side: side,
    status: row.status,
    score: row.score,
    components: Object.fromEntries(COMPONENTS.map((key) => [key, row[key]])) as Components,
    weights: Object.fromEntries(COMPONENTS.map((key, index) => [key, row.weights[index]])) as Weights,
    missing: row.missing,
    details: row.overlap_metrics,
    event: {
      id: row.event_id,
      title: row.event_title,
      city: row.event_city,
      category: row.event_category,
      starts_at: row.event_starts_at,
    },
    sponsor: {
      id: row.sponsor_id,
      name: row.sponsor_name,
      industry: row.sponsor_industry,
      logo_url: row.sponsor_logo_url,
    },
    best_package: row.package_id
      ? {
          id: row.package_id,
          title: row.package_title!,
          tier: row.package_tier!,
          price_cents: row.package_price_cents!,
          currency: row.package_currency!,
        }
      : null,
    suggested_at: row.suggested_at,
    updated_at: row.updated_at,
  };
}

const two = (value: number) => value.toFixed(2);

/**
 * One sentence per component a person can read ("Audience 25-34 overlaps 0.71."), then the weighted sum. Each
 * missing input says so rather than leaving a bare 0.
 */
export function explainMatch(match: MatchView): string[] {
  const c = match.components;
  const d = match.details as Details;
  const missing = new Set(match.missing);
  const lines: string[] = [];

  if (missing.has('event_packages'))
    lines.push('No package of the event is on sale to this sponsor (budget fit 0).');
  else if (missing.has('sponsor_budget')) lines.push('The sponsor has no budget range (budget fit 0).');
  else
    lines.push(
      `Budget fits ${d.packages_in_budget ?? 0} of ${d.packages ?? 0} package${d.packages === 1 ? '' : 's'} (${two(c.budget_fit)}).`,
    );

  if (missing.has('sponsor_target_audience'))
    lines.push('The sponsor names no target age segments (audience overlap 0).');
  else if (missing.has('audience_insights'))
    lines.push('The event has no audience insights yet (audience overlap 0).');
  else if (missing.has('audience_consent'))
    lines.push('The event shares no consented audience segment (audience overlap 0).');
  else if ((d.age_segments ?? []).length === 0)
    lines.push("None of the event's shared age segments is one the sponsor targets (audience overlap 0).");
  else lines.push(`Audience ${d.age_segments!.join(', ')} overlaps ${two(c.audience_overlap)}.`);

  if (missing.has('sponsor_regions')) lines.push('The sponsor names no regions (geo overlap 0).');
  else if (d.geo === 'city')
    lines.push("The event's city is one of the sponsor's regions (geo overlap 1.00).");
  else if (d.geo === 'country')
    lines.push("The event's country is one of the sponsor's regions (geo overlap 0.50).");
  else lines.push("The event is outside the sponsor's regions (geo overlap 0).");

  if (missing.has('engagement_stats')) lines.push('The event has no engagement stats yet (engagement 0).');
  else
    lines.push(
      `Engagement ${two(c.engagement_quality)}: average dwell ${((d.avg_dwell_ms ?? 0) / 1000).toFixed(1)} s, ` +
        `ticket conversion ${((d.conversion_rate ?? 0) * 100).toFixed(1)}%.`,
    );

  if (missing.has('sponsor_objectives'))
    lines.push('The sponsor states no objectives or categories (objectives similarity 0).');
  else if (d.objectives_method === 'embedding')
    lines.push(`Objectives similarity ${two(c.objectives_similarity)} (cosine of the embeddings).`);
  else if (d.objectives_method === 'category')
    lines.push("The event's category is one of the sponsor's categories (objectives similarity 1.00).");
  else
    lines.push(
      `Objectives similarity ${two(c.objectives_similarity)}: ${d.terms_matched ?? 0} of ${d.terms ?? 0} ` +
        "of the sponsor's objective terms appear in the event's description.",
    );

  const w = match.weights;
  lines.push(
    `Score ${two(match.score)} = ${COMPONENTS.map((key) => `${w[key]}×${two(c[key])}`).join(' + ')}.`,
  );
  return lines;
}

export interface DrainOutcome {
  batches: number;
  scored: number;
  excluded: number;
  suggested: number;
}

const DEADLOCK = '40P01';
const UNIQUE_VIOLATION = '23505';

/**
 * Drains `fit_recalc_queue` until it is empty, in `parallel` concurrent loops (one connection each): each batch
 * claims up to `batchSize` entries (skipping those another drain holds), refreshes their features and scores
 * every pair they expand to in one statement, then emits `match.suggested` to each side whose status first
 * became `suggested` — all in one transaction, so a crash re-queues the batch. An "everything" entry is first
 * turned into one entry per live event, so that the loops share it. Safe to run in several workers at once.
 */
export async function drainMatchQueue(
  db: Db,
  options: { batchSize?: number; parallel?: number } = {},
): Promise<DrainOutcome> {
  const batchSize = options.batchSize ?? 100;
  const expanded = await db.system((tx) => expandEverything(tx));
  const loops = await Promise.all(
    Array.from({ length: options.parallel ?? 2 }, () => drainLoop(db, batchSize)),
  );
  // After everything was scored (a first fill writes a million rows), statistics from before made the planner
  // read and sort every pair of an event for its first page instead of walking the ranked index (73 ms
  // instead of 1.3 ms on 300k pairs); autovacuum would get there, but only minutes later on a busy database.
  if (expanded) await db.system((tx) => analyzeMatches(tx));
  return loops.reduce((total, loop) => ({
    batches: total.batches + loop.batches,
    scored: total.scored + loop.scored,
    excluded: total.excluded + loop.excluded,
    suggested: total.suggested + loop.suggested,
  }));
}

async function drainLoop(db: Db, batchSize: number): Promise<DrainOutcome> {
  const total: DrainOutcome = { batches: 0, scored: 0, excluded: 0, suggested: 0 };
  for (;;) {
    const outcome = await drainBatch(db, batchSize);
    if (!outcome) return total;
    total.batches += 1;
    total.scored += outcome.scored;
    total.excluded += outcome.excluded;
    total.suggested += outcome.suggested;
  }
}

async function drainBatch(db: Db, batchSize: number): Promise<Omit<DrainOutcome, 'batches'> | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.system(async (tx) => {
        const subjects = await claimQueue(tx, batchSize);
        if (subjects.length === 0) return undefined;
        await lockForScoring(tx, subjects);
        await refreshFeatures(tx, subjects);
        const outcome = await scorePairs(tx, subjects);
        const suggested = await emitSuggestions(tx, outcome.organizer_crossed, 'organizer');
        return {
          scored: outcome.scored,
          excluded: outcome.excluded,
          suggested: suggested + (await emitSuggestions(tx, outcome.sponsor_crossed, 'sponsor')),
        };
      });
      // This process's cached lists go at once; every other process drops its own on the notification.
      if (outcome) matchListsOf(db).changed();
      return outcome;
    } catch (error) {
      // Two drains whose batches share pairs or features can deadlock, or both insert a first fill of the same
      // pairs (scorePairs); the loser's batch is simply retried.
      if (attempt >= 3 || !(isPgError(error, DEADLOCK) || isPgError(error, UNIQUE_VIOLATION))) throw error;
    }
  }
}

/** `match.suggested` to the side's organization, with the match as that side sees it. */
async function emitSuggestions(tx: Tx, ids: string[], side: MatchSide): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await findMatchViews(tx, ids, side);
  for (const row of rows) await emitEvent(tx, row.viewer_org_id, 'match.suggested', toMatch(row, side));
  return rows.length;
}

/**
 * `POST /v1/matches/recompute`: queues the event (against every sponsor), the sponsor (against every live
 * event) or the pair, under the caller's organization, which must own the event or the sponsor.
 */
export function recomputeMatches(
  db: Db,
  caller: Caller,
  input: { event_id?: string; sponsor_id?: string; reason?: string },
) {
  if (!input.event_id && !input.sponsor_id)
    throw new ValidationError('Name what to re-score.', [
      { path: '/event_id', message: 'Give `event_id`, `sponsor_id` or both.' },
    ]);
  return db.tenant(caller.orgId, async (tx) => {
    const [event, sponsor] = await withSystemAccess(tx, async () => [
      input.event_id ? await findEvent(tx, input.event_id) : undefined,
      input.sponsor_id ? await findSponsor(tx, input.sponsor_id) : undefined,
    ]);
    const ownsEvent = event?.owner_org_id === caller.orgId;
    const ownsSponsor = sponsor?.org_id === caller.orgId;
    if (input.event_id && (!event || (!ownsEvent && !ownsSponsor))) throw new NotFoundError('event');
    if (input.sponsor_id && (!sponsor || (!ownsEvent && !ownsSponsor))) throw new NotFoundError('sponsor');
    const entry = await enqueueRecalc(tx, {
      orgId: caller.orgId,
      eventId: input.event_id ?? null,
      sponsorId: input.sponsor_id ?? null,
      reason: input.reason ?? 'manual',
    });
    // A forced re-score runs now rather than at the next minutely drain; the key keeps one waiting job.
    await addJob(tx, 'matching.drain', {}, { jobKey: 'matching.drain' });
    return entry;
  });
}

export interface MatchQuery {
  status?: MatchStatus;
  min_score?: number;
  category?: string;
  city?: string;
  limit?: number;
  starting_after?: string;
}

/**
 * One page of a side's ranked list and its JSON, in one read, or from this process's memory when it read the
 * same page since the last change (`matchListsOf`). An empty page costs a second query, to tell an event or
 * sponsor with no matches (200) from one the caller does not own (404).
 */
async function matchPage(db: Db, caller: Caller, side: MatchSide, subjectId: string, query: MatchQuery) {
  const limit = query.limit ?? 20;
  const filter: MatchFilter = {
    status: query.status,
    minScore: query.min_score,
    category: query.category,
    city: query.city,
    limit,
    after: decodeCursor(query.starting_after),
  };
  const key = JSON.stringify([caller.orgId, side, subjectId, filter]);
  return matchListsOf(db).get(key, () =>
    db.read(caller.orgId, async (q) => {
      const rows = await listMatches(q, side, subjectId, filter);
      if (rows.length === 0 && !(await ownsSubject(q, caller, side, subjectId)))
        throw new NotFoundError(side === 'organizer' ? 'event' : 'sponsor');
      const page = toPage(rows, limit, (row) => String(row.score));
      const listed = { ...page, data: page.data.map((row) => toMatch(row, side)) };
      // Serialized once, for every request the kept page answers.
      return { page: listed, json: JSON.stringify(listed) };
    }),
  );
}

async function ownsSubject(q: Queryable, caller: Caller, side: MatchSide, id: string): Promise<boolean> {
  if (side === 'organizer') return (await findEvent(q, id))?.owner_org_id === caller.orgId;
  return (await findSponsor(q, id))?.org_id === caller.orgId;
}

/** `GET /v1/events/{id}/matches`: sponsors for the event's organizer, best first. */
export function listEventMatchesPage(db: Db, caller: Caller, eventId: string, query: MatchQuery) {
  return matchPage(db, caller, 'organizer', eventId, query);
}

/** `GET /v1/sponsors/{id}/matches`: events with a package on sale for the sponsor, best first. */
export function listSponsorMatchesPage(db: Db, caller: Caller, sponsorId: string, query: MatchQuery) {
  return matchPage(db, caller, 'sponsor', sponsorId, query);
}

/** The caller's side of a match it may see, or a 404 (a pair another side cannot act on does not exist for it). */
async function sideOf(q: Queryable, caller: Caller, id: string) {
  const found = await findMatchSide(q, id, caller.orgId);
  if (!found || (found.side === 'sponsor' && !found.best_package_id)) throw new NotFoundError('match');
  return found;
}

/** `GET /v1/matches/{id}`: the caller's side's view, the explanation and the caller's own feedback. */
export function getMatch(db: Db, caller: Caller, id: string) {
  return db.read(caller.orgId, async (q) => {
    const { side } = await sideOf(q, caller, id);
    const row = await findMatchView(q, id, side);
    if (!row) throw new NotFoundError('match');
    const match = toMatch(row, side);
    return { ...match, explanation: explainMatch(match), feedback: await listFeedback(q, id) };
  });
}

type FeedbackInput = components['schemas']['MatchFeedbackCreate'];

function recordFeedback(tx: Tx, caller: Caller, matchId: string, side: MatchSide, input: FeedbackInput) {
  return insertFeedback(tx, {
    matchId,
    orgId: caller.orgId,
    side,
    userId: caller.userId ?? null,
    apiKeyId: caller.apiKeyId ?? null,
    action: input.action,
    reason: input.reason ?? null,
    note: input.note ?? null,
  });
}

/** `POST /v1/matches/{id}/feedback`: the caller's side accepts or dismisses the pair. */
export function createMatchFeedback(db: Db, caller: Caller, id: string, input: FeedbackInput) {
  return db.tenant(caller.orgId, async (tx) => {
    const { side } = await sideOf(tx, caller, id);
    return recordFeedback(tx, caller, id, side, input);
  });
}

/**
 * `POST /v1/matches/{id}:propose`: accepts the match for the caller's side and opens a draft proposal on its
 * best package, in one transaction: a proposal the rules refuse accepts nothing.
 */
export function proposeFromMatch(
  db: Db,
  caller: Caller,
  id: string,
  input: components['schemas']['MatchPropose'] | undefined,
  now = new Date(),
) {
  return db.tenant(caller.orgId, async (tx) => {
    const match = await sideOf(tx, caller, id);
    const proposal = await openProposal(
      tx,
      caller,
      {
        event_id: match.event_id,
        sponsor_id: match.sponsor_id,
        package_id: match.best_package_id ?? undefined,
        initial_message: input?.initial_message,
      },
      now,
    );
    await recordFeedback(tx, caller, id, match.side, { action: 'accept', reason: 'proposal_opened' });
    return proposal;
  });
}

/** `GET /v1/matching-settings`: the organization's weights and threshold (the defaults until it sets its own). */
export async function getMatchingSettings(db: Db, caller: Caller) {
  return toSettings(await db.read(caller.orgId, findMatchingSettings));
}

function toSettings(row: Record<string, number | string> | undefined) {
  if (!row) return { weights: DEFAULT_WEIGHTS, threshold: DEFAULT_THRESHOLD, updated_at: null };
  return {
    weights: Object.fromEntries(COMPONENTS.map((key) => [key, Number(row[key])])) as Weights,
    threshold: Number(row.threshold),
    updated_at: String(row.updated_at),
  };
}

/** `PUT /v1/matching-settings`: new weights (adding up to 1) and threshold; the org's live events are re-queued. */
export function putMatchingSettings(
  db: Db,
  caller: Caller,
  input: components['schemas']['MatchingSettingsInput'],
) {
  requireRole(caller, 'admin', 'change the matching settings');
  if (input.weights) {
    const sum = COMPONENTS.reduce((total, key) => total + input.weights![key], 0);
    if (Math.abs(sum - 1) > 1e-9)
      throw new ValidationError(`The weights add up to ${sum}; make them add up to 1.`, [
        { path: '/weights', message: 'Must add up to 1.' },
      ]);
  }
  return db.tenant(caller.orgId, async (tx) => {
    const current = toSettings(await findMatchingSettings(tx));
    return toSettings(
      await upsertMatchingSettings(tx, caller.orgId, {
        weights: input.weights ?? current.weights,
        threshold: input.threshold ?? current.threshold,
      }),
    );
  });
}
