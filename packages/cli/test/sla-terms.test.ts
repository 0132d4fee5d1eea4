import { describe, expect, it } from 'vitest';
import { seedCommerce } from '../../server/test/commerce-fixtures.js';
import { useTwoParties, yardpass } from './binary.js';

const parties = useTwoParties();

const json = <T>(text: string) => JSON.parse(text) as T;

interface Term {
  metric: string;
  target: number;
  summary: string;
}

describe(
  'yardpass packages sla-terms, orders --variant-id, proposals offer (built binary)',
  { timeout: 90_000 },
  () => {
    it('sets and shows terms on a draft, sells a variant, and counters terms in an offer', async () => {
      const { server, organizerEnv, sponsorEnv } = parties;
      const organizer = (...args: string[]) => yardpass({ args, env: organizerEnv });
      const sponsor = (...args: string[]) => yardpass({ args, env: sponsorEnv });
      const { packageId, sponsorId, eventId } = await seedCommerce(server);

      const terms =
        '[{"metric":"leads","target":40,"breach_policy":{"action":"penalty_pct","penalty_pct":0.1}}]';
      const published = await organizer('packages', 'sla-terms', 'set', packageId, terms);
      expect(published.code).not.toBe(0);
      expect(published.stderr).toContain('unpublish it');

      expect((await organizer('packages', 'unpublish', packageId)).code).toBe(0);
      const set = await organizer('packages', 'sla-terms', 'set', packageId, terms);
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toContain('At least 40 leads from approved proofs');
      const variant = await organizer(
        'packages',
        'variants',
        'create',
        packageId,
        '--title',
        'Silver',
        '--tier',
        'silver',
        '--price-cents',
        '90000',
        '--inventory',
        '1',
        '--json',
      );
      expect(variant.code, variant.stderr).toBe(0);
      const variantId = json<{ id: string }>(variant.stdout).id;
      const variantTerms = await organizer(
        'packages',
        'sla-terms',
        'set',
        packageId,
        '[{"metric":"leads","target":20}]',
        '--variant-id',
        variantId,
        '--json',
      );
      expect(variantTerms.code, variantTerms.stderr).toBe(0);
      expect((await organizer('packages', 'publish', packageId)).code).toBe(0);

      const shown = await sponsor('packages', 'sla-terms', 'show', packageId, '--json');
      expect(json<Term[]>(shown.stdout).map((t) => [t.metric, t.target])).toEqual([['leads', 40]]);
      const shownVariant = await sponsor(
        'packages',
        'sla-terms',
        'show',
        packageId,
        '--variant-id',
        variantId,
      );
      expect(shownVariant.code, shownVariant.stderr).toBe(0);
      expect(shownVariant.stdout).toContain('At least 20 leads');

      const order = await sponsor(
        'orders',
        'create',
        '--package-id',
        packageId,
        '--sponsor-id',
        sponsorId,
        '--variant-id',
        variantId,
        '--json',
      );
      expect(order.code, order.stderr).toBe(0);
      expect(json<{ variant_id: string; amount_cents: number }>(order.stdout)).toMatchObject({
        variant_id: variantId,
        amount_cents: 90_000,
      });

      const proposal = await sponsor(
        'proposals',
        'create',
        '--event-id',
        eventId,
        '--sponsor-id',
        sponsorId,
        '--package-id',
        packageId,
        '--json',
      );
      expect(proposal.code, proposal.stderr).toBe(0);
      const proposalId = json<{ id: string }>(proposal.stdout).id;
      const offer = await sponsor(
        'proposals',
        'offer',
        proposalId,
        '--price-cents',
        '120000',
        '--variant-id',
        variantId,
        '--sla-terms-delta',
        '[{"metric":"leads","target":30}]',
        '--json',
      );
      expect(offer.code, offer.stderr).toBe(0);
      expect(
        json<{ offer: { variant_id: string; sla_terms_delta: Term[] } }>(offer.stdout).offer,
      ).toMatchObject({
        variant_id: variantId,
        sla_terms_delta: [{ metric: 'leads', target: 30 }],
      });
      const bad = await sponsor('proposals', 'offer', proposalId, '--price-cents', 'lots');
      expect(bad.code).toBe(2);
    });
  },
);
