import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import {
  applyTermsDelta,
  breachEffect,
  defaultTerms,
  evidenceKeys,
  normalizeTerms,
  type SlaTerm,
  summarize,
} from './sla-terms';

describe('evidenceKeys', () => {
  it.each([
    ['impressions', { stat: 'impressions_total', proof: 'impressions' }],
    ['reach', { stat: 'reach_estimate_30d', proof: 'reach' }],
    ['leads', { stat: null, proof: 'leads' }],
    ['proof:story_views', { stat: null, proof: 'story_views' }],
    // An SLA made before terms existed names the snapshot key itself.
    ['impressions_total', { stat: 'impressions_total', proof: 'impressions' }],
  ])('finds %s in %j', (metric, keys) => {
    expect(evidenceKeys(metric)).toEqual(keys);
  });
});

describe('summarize', () => {
  it.each<[SlaTerm, string | undefined, string]>([
    [
      {
        metric: 'reach',
        target: 5000,
        source: 'event_stats',
        window_days: 1,
        breach_policy: { action: 'make_good' },
      },
      undefined,
      'At least 5000 reach from event stats by 1 day after the event ends; if missed, a make-good deliverable is owed.',
    ],
    [
      {
        metric: 'posts_published',
        target: 3,
        source: 'proof_metrics',
        grace_days: 1,
        breach_policy: { action: 'penalty_fixed', penalty_cents: 12_345 },
      },
      'EUR',
      'At least 3 posts published from approved proofs by the end of the event (1 day of grace); if missed, 123.45 EUR is refunded.',
    ],
  ])('says %j in words', (term, currency, words) => {
    expect(summarize(term, currency)).toBe(words);
  });
});

describe('normalizeTerms', () => {
  it('fills the source, window, grace, policy and summary left out', () => {
    expect(normalizeTerms([{ metric: 'clicks', target: 10 }], '/sla_terms')).toEqual([
      {
        metric: 'clicks',
        target: 10,
        window_days: 0,
        source: 'proof_metrics',
        grace_days: 0,
        breach_policy: { action: 'notify', make_good: false },
        summary:
          'At least 10 clicks from approved proofs by the end of the event; if missed, both parties are notified.',
      },
    ]);
  });

  it('names every contradiction at once', () => {
    let caught: unknown;
    try {
      normalizeTerms(
        [
          { metric: 'clicks', target: 1, source: 'event_stats' },
          { metric: 'clicks', target: 2, breach_policy: { action: 'penalty_fixed' } },
        ],
        '/offer/sla_terms_delta',
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).errors?.map((e) => e.path)).toEqual([
      '/offer/sla_terms_delta/0/source',
      '/offer/sla_terms_delta/1/metric',
      '/offer/sla_terms_delta/1/breach_policy/penalty_cents',
    ]);
  });
});

describe('applyTermsDelta', () => {
  it('replaces the term of the same metric and adds new ones, keeping the rest', () => {
    const base: SlaTerm[] = [
      { metric: 'impressions', target: 10 },
      { metric: 'leads', target: 5 },
    ];
    expect(
      applyTermsDelta(base, [
        { metric: 'leads', target: 3 },
        { metric: 'clicks', target: 1 },
      ]),
    ).toEqual([
      { metric: 'impressions', target: 10 },
      { metric: 'leads', target: 3 },
      { metric: 'clicks', target: 1 },
    ]);
  });
});

describe('defaultTerms', () => {
  it('generates nothing for a package without a stated reach or a booth', () => {
    expect(defaultTerms({ expected_reach: null, benefits: { logo: true } }, 'USD')).toEqual([]);
  });
});

describe('breachEffect', () => {
  it.each<[SlaTerm | null, Record<string, unknown>, ReturnType<typeof breachEffect>]>([
    [
      {
        metric: 'leads',
        target: 1,
        breach_policy: { action: 'penalty_pct', penalty_pct: 0.2, make_good: true },
      },
      {},
      { penaltyPct: 0.2, penaltyCents: 0, makeGood: true },
    ],
    [
      { metric: 'leads', target: 1, breach_policy: { action: 'notify' } },
      { penalty_pct: 0.5 },
      { penaltyPct: 0, penaltyCents: 0, makeGood: false },
    ],
    // SLAs made before terms existed keep their older policy.
    [null, { penalty_cents: 500, remedy: 'makegood' }, { penaltyPct: 0, penaltyCents: 500, makeGood: true }],
  ])('applies %j (legacy %j) as %j', (terms, legacy, effect) => {
    expect(breachEffect(terms, legacy)).toEqual(effect);
  });
});
