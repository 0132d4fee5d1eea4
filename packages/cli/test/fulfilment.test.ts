import { describe, expect, it } from 'vitest';
import { onOrderFunded } from '../../server/src/domain/fulfilment.js';
import { createDeal } from '../../server/test/fulfilment.js';
import { useTwoParties, yardpass } from './binary.js';

const parties = useTwoParties();

const json = <T>(text: string) => JSON.parse(text) as T;

describe('yardpass deliverables, slas and sponsorships', { timeout: 60_000 }, () => {
  it('submits proof as the organizer, approves it as the sponsor, and shows the SLA met', async () => {
    const { server, organizerEnv, sponsorEnv } = parties;
    const deal = await createDeal(server.db, {
      organizer: server.organizer,
      sponsor: server.sponsor,
      benefits: { social_posts: 5, booth: true },
      slaTerms: [
        {
          metric: 'impressions',
          target: 20_000,
          source: 'proof_metrics',
          breach_policy: { action: 'penalty_pct', penalty_pct: 0.1 },
        },
      ],
    });
    await server.db.system((tx) => onOrderFunded(tx, deal.order));
    const organizer = (...args: string[]) => yardpass({ args, env: organizerEnv });
    const sponsor = (...args: string[]) => yardpass({ args, env: sponsorEnv });

    const queue = await organizer('deliverables', 'list', '--order-id', deal.order.id, '--json');
    expect(queue.code, queue.stderr).toBe(0);
    // Both are due when the event ends; the queue breaks that tie by id, so sort by type here.
    const [booth, posts] = json<{ id: string; type: string }[]>(queue.stdout).sort((a, b) =>
      a.type.localeCompare(b.type),
    );
    expect([booth?.type, posts?.type]).toEqual(['booth', 'social_posts']);

    const table = await organizer('deliverables', 'list', '--order-id', deal.order.id);
    expect(table.stdout).toMatch(/^ID +TYPE +STATUS +OWNER SIDE +EVENT TITLE +SPONSOR NAME +DUE/);

    const proof = await organizer(
      'deliverables',
      'submit-proof',
      posts!.id,
      '--asset-url',
      'https://cdn.example.com/posts.png',
      '--metrics',
      '{"impressions":25000}',
      '--json',
    );
    expect(proof.code, proof.stderr).toBe(0);
    expect(json<{ status: string }>(proof.stdout).status).toBe('submitted');

    const wrongSide = await organizer('deliverables', 'approve', posts!.id);
    expect(wrongSide.code).toBe(1);
    expect(wrongSide.stderr).toMatch(/sponsor side/);

    const approved = await sponsor('deliverables', 'approve', posts!.id, '--json');
    expect(json<{ status: string }>(approved.stdout).status).toBe('approved');
    const slas = await sponsor('slas', 'list', '--order-id', deal.order.id, '--json');
    expect(json<{ status: string; actual: number }[]>(slas.stdout)).toEqual([
      expect.objectContaining({ status: 'met', actual: 25_000 }),
    ]);

    const unconfirmed = await sponsor('deliverables', 'waive', booth!.id, '--reason', 'No booth space');
    expect(unconfirmed.code).toBe(2);
    const waived = await sponsor(
      'deliverables',
      'waive',
      booth!.id,
      '--reason',
      'No booth space',
      '--yes',
      '--json',
    );
    expect(json<{ status: string }>(waived.stdout).status).toBe('waived');

    const sponsorships = await organizer('sponsorships', 'list', '--event-id', deal.eventId, '--json');
    expect(json<{ activation_status: string }[]>(sponsorships.stdout)).toEqual([
      expect.objectContaining({ activation_status: 'complete' }),
    ]);
  });
});
