import type { components } from '../generated/openapi';
import { ValidationError, type FieldError } from '../errors';

export type SlaTerm = components['schemas']['SlaTerm'];
export type SlaTermBreachPolicy = components['schemas']['SlaTermBreachPolicy'];

/**
 * Where each documented metric is found: its key in `event_stat_snapshots` (only impressions and reach have
 * one) and its key in proof metrics. `proof:<name>` is the proof metric `<name>`. SLAs made before terms existed
 * name a snapshot key directly (`impressions_total`): its proofs count under the name without `_total`.
 */
export function evidenceKeys(metric: string): { stat: string | null; proof: string } {
  if (metric === 'impressions') return { stat: 'impressions_total', proof: 'impressions' };
  if (metric === 'reach') return { stat: 'reach_estimate_30d', proof: 'reach' };
  if (metric.startsWith('proof:')) return { stat: null, proof: metric.slice('proof:'.length) };
  if (['clicks', 'engagement_rate', 'booth_hours', 'posts_published', 'leads'].includes(metric))
    return { stat: null, proof: metric };
  return { stat: metric, proof: metric.replace(/_total$/, '') };
}

/** Rates are averaged over the approved proofs; counts add up. */
export const isRate = (metric: string) => metric === 'engagement_rate';

const metricWords = (metric: string) =>
  metric.startsWith('proof:') ? `"${metric.slice(6)}"` : metric.replaceAll('_', ' ');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function consequence(policy: SlaTermBreachPolicy, currency: string | undefined): string {
  const money = (cents: number) => (currency ? `${(cents / 100).toFixed(2)} ${currency}` : `${cents} cents`);
  const makeGood = policy.make_good ? ' and a make-good deliverable is owed' : '';
  switch (policy.action) {
    case 'penalty_pct':
      return `${Math.round((policy.penalty_pct ?? 0) * 10_000) / 100}% of the order is refunded${makeGood}`;
    case 'penalty_fixed':
      return `${money(policy.penalty_cents ?? 0)} is refunded${makeGood}`;
    case 'make_good':
      return 'a make-good deliverable is owed';
    case 'notify':
      return 'both parties are notified';
  }
}

/** The term in words, e.g. "At least 20000 impressions from event stats by the end of the event …". */
export function summarize(term: SlaTerm, currency?: string): string {
  const window = term.window_days
    ? `by ${plural(term.window_days, 'day')} after the event ends`
    : 'by the end of the event';
  const source = term.source === 'event_stats' ? 'event stats' : 'approved proofs';
  const grace = term.grace_days ? ` (${plural(term.grace_days, 'day')} of grace)` : '';
  const policy = term.breach_policy ?? { action: 'notify' };
  return `At least ${term.target} ${metricWords(term.metric)} from ${source} ${window}${grace}; if missed, ${consequence(policy, currency)}.`;
}

/**
 * Checks a list of terms and fills what was left out: the source (event stats where the metric has them), the
 * window and grace (0), the breach policy (notify) and the summary. One term per metric; a penalty policy names
 * its amount; event stats only for metrics that have them. `path` names the field in errors.
 */
export function normalizeTerms(terms: SlaTerm[], path: string, currency?: string): SlaTerm[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const normalized = terms.map((term, index) => {
    const at = `${path}/${index}`;
    const keys = evidenceKeys(term.metric);
    if (seen.has(term.metric))
      errors.push({
        path: `${at}/metric`,
        message: `${term.metric} appears twice; keep one term per metric.`,
      });
    seen.add(term.metric);
    const source = term.source ?? (keys.stat ? 'event_stats' : 'proof_metrics');
    if (source === 'event_stats' && !keys.stat)
      errors.push({
        path: `${at}/source`,
        message: `Event stats do not measure ${term.metric}; use source proof_metrics.`,
      });
    const policy = { make_good: false, ...(term.breach_policy ?? { action: 'notify' as const }) };
    if (policy.action === 'penalty_pct' && policy.penalty_pct === undefined)
      errors.push({ path: `${at}/breach_policy/penalty_pct`, message: 'Required for action penalty_pct.' });
    if (policy.action === 'penalty_fixed' && policy.penalty_cents === undefined)
      errors.push({
        path: `${at}/breach_policy/penalty_cents`,
        message: 'Required for action penalty_fixed.',
      });
    const complete: SlaTerm = {
      metric: term.metric,
      target: term.target,
      window_days: term.window_days ?? 0,
      source,
      grace_days: term.grace_days ?? 0,
      breach_policy: policy,
    };
    return { ...complete, summary: summarize(complete, currency) };
  });
  if (errors.length > 0)
    throw new ValidationError('The SLA terms are incomplete or contradict each other; see errors.', errors);
  return normalized;
}

/** A counter-offer's terms applied to the base: a term replaces the base term of its metric, or is added. */
export function applyTermsDelta(base: SlaTerm[], delta: SlaTerm[]): SlaTerm[] {
  const replaced = new Set(delta.map((term) => term.metric));
  return [...base.filter((term) => !replaced.has(term.metric)), ...delta];
}

/**
 * Guide §11's generated defaults, written at publish into a package that has no terms: an impressions guarantee
 * at the expected reach (10 % refund and a make-good, 7 days of grace), and 48 booth hours for a booth benefit
 * (a 50.00 refund).
 */
export function defaultTerms(
  pkg: { expected_reach: number | null; benefits: Record<string, unknown> },
  currency: string,
): SlaTerm[] {
  const terms: SlaTerm[] = [];
  if (pkg.expected_reach)
    terms.push({
      metric: 'impressions',
      target: pkg.expected_reach,
      source: 'event_stats',
      grace_days: 7,
      breach_policy: { action: 'penalty_pct', penalty_pct: 0.1, make_good: true },
    });
  if (pkg.benefits.booth)
    terms.push({
      metric: 'booth_hours',
      target: 48,
      source: 'proof_metrics',
      breach_policy: { action: 'penalty_fixed', penalty_cents: 5000 },
    });
  return normalizeTerms(terms, '/sla_terms', currency);
}

/** What a breach of an SLA row does (rows made before terms carry the older `remedy` form). */
export interface BreachEffect {
  penaltyPct: number;
  penaltyCents: number;
  makeGood: boolean;
}

export function breachEffect(
  terms: SlaTerm | null,
  legacy: { penalty_pct?: number; penalty_cents?: number; remedy?: string },
): BreachEffect {
  if (!terms) {
    return {
      penaltyPct: legacy.penalty_pct ?? 0,
      penaltyCents: legacy.penalty_cents ?? 0,
      makeGood: legacy.remedy === 'makegood',
    };
  }
  const policy = terms.breach_policy ?? { action: 'notify' };
  return {
    penaltyPct: policy.action === 'penalty_pct' ? (policy.penalty_pct ?? 0) : 0,
    penaltyCents: policy.action === 'penalty_fixed' ? (policy.penalty_cents ?? 0) : 0,
    makeGood: policy.action === 'make_good' || policy.make_good === true,
  };
}
