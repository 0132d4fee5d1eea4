import { consentedSegments } from '../db/consents';
import type { Tx } from '../db/pool';
import { findInsights, latestSnapshot } from '../db/stats';

/** What may be shown about an event's audience to other organizations (packages, sponsors). */
export interface ShareableAudience {
  captured_at: string | null;
  estimated_reach: number | null;
  /** Age segment → share of the people with a known segment (0..1). */
  age_segments: Record<string, number>;
  geo_top3: string[];
  metrics: Record<string, number>;
}

/** Consent keys: an age segment `18-24` is shared under `age:18-24`, a city `Austin` under `city:Austin`. */
export const ageConsentKey = (segment: string) => `age:${segment}`;
export const cityConsentKey = (city: string) => `city:${city}`;

/**
 * The audience of an event as it may be shared (guide §12): the latest rollup's metrics, and only the age
 * segments and cities with an unexpired consent (any scope: each allows aggregated figures) and at least
 * k people (the rollup never stores smaller ones). With no rollup yet, an honest empty snapshot.
 * Runs in the caller's transaction, which must be able to read the event's rows.
 */
export async function shareableAudience(tx: Tx, eventId: string, now: Date): Promise<ShareableAudience> {
  const [snapshot, insights, consented] = [
    await latestSnapshot(tx, eventId),
    await findInsights(tx, eventId),
    await consentedSegments(tx, eventId, now),
  ];
  const metrics = Object.fromEntries(snapshot.map((row) => [row.metric_key, row.metric_value]));
  if (!insights) {
    return {
      captured_at: snapshot[0]?.captured_at ?? null,
      estimated_reach: snapshot.length > 0 ? (metrics.reach_estimate_30d ?? null) : null,
      age_segments: {},
      geo_top3: [],
      metrics,
    };
  }
  const minSegment = insights.min_segment;
  return {
    captured_at: snapshot[0]?.captured_at ?? insights.captured_at,
    estimated_reach: insights.reach_estimate,
    age_segments: Object.fromEntries(
      Object.entries(insights.age_segments)
        .filter(([segment, value]) => value.people >= minSegment && consented.has(ageConsentKey(segment)))
        .map(([segment, value]) => [segment, value.share]),
    ),
    geo_top3: insights.cities
      .filter((entry) => entry.people >= minSegment && consented.has(cityConsentKey(entry.city)))
      .slice(0, 3)
      .map((entry) => entry.city),
    metrics,
  };
}
