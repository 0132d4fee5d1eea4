import { beforeAll, describe, expect, it } from 'vitest';
import { drainMatchQueue } from '../../server/src/domain/matching.js';
import { api } from '../../../test/server.js';
import { useTwoParties, yardpass } from './binary.js';

// The matches group through the built binary, against a real server whose queue the test drains.
const parties = useTwoParties();
const asOrganizer = (...args: string[]) => yardpass({ args, env: parties.organizerEnv });
const asSponsor = (...args: string[]) => yardpass({ args, env: parties.sponsorEnv });

let eventId: string;
let fizzy: string;

beforeAll(async () => {
  const { server } = parties;
  const event = await api(server, server.organizer)('POST', '/v1/events', {
    body: {
      title: 'Austin Live Fest',
      description: 'Live music festival',
      category: 'Music',
      city: 'Austin',
      brand_safety_tags: ['alcohol'],
      starts_at: '2099-07-01T18:00:00Z',
      ends_at: '2099-07-02T23:00:00Z',
    },
  });
  eventId = event.json.data.id;
  await server.db.system((tx) =>
    tx.query(
      `insert into sponsorship_packages (org_id, event_id, title, tier, price_cents, currency, inventory, is_active,
         visibility, published_at)
       values ($1, $2, 'Main Stage', 'gold', 300000, 'USD', 3, true, 'public', now())`,
      [server.organizer.orgId, eventId],
    ),
  );
  const brands = api(server, server.sponsor);
  const profile = {
    budget_min_cents: 100_000,
    budget_max_cents: 500_000,
    regions: ['Austin'],
    categories: ['Music'],
  };
  for (const [name, extra] of [
    ['Fizzy Cola', {}],
    ['Sober Sports', { activation_preferences: { avoid_tags: ['alcohol'] } }],
  ] as const) {
    const sponsor = await brands('POST', '/v1/sponsors', { body: { name, visibility: 'public' } });
    await brands('PUT', `/v1/sponsors/${sponsor.json.data.id}/profile`, { body: { ...profile, ...extra } });
    if (name === 'Fizzy Cola') fizzy = sponsor.json.data.id;
  }
  await drainMatchQueue(server.db);
}, 60_000);

describe('yardpass matches', () => {
  it('lists an event’s sponsors ranked and explained, and shows one match sentence by sentence', async () => {
    const list = await asOrganizer('matches', 'list', '--event', eventId);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/RANK\s+SCORE\s+NAME/);
    expect(list.stdout).toContain('Fizzy Cola');
    expect(list.stdout).toContain('1/1 packages in budget');
    expect(list.stdout).not.toContain('Sober Sports');

    const [match] = JSON.parse(
      (await asOrganizer('matches', 'list', '--event', eventId, '--json')).stdout,
    ) as {
      id: string;
    }[];
    const show = await asOrganizer('matches', 'show', match!.id);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('Fizzy Cola × Austin Live Fest');
    expect(show.stdout).toContain('Budget fits 1 of 1 package (1.00).');
  }, 30_000);

  it('refuses a list that names neither side, or a score out of range, with exit code 2', async () => {
    const neither = await asOrganizer('matches', 'list');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--event-id <id>');
    const bad = await asOrganizer('matches', 'list', '--event', eventId, '--min-score', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-score must be a number from 0 to 1');
  }, 30_000);

  it('records feedback, queues a re-score and changes the settings', async () => {
    const [match] = JSON.parse(
      (await asOrganizer('matches', 'list', '--event', eventId, '--json')).stdout,
    ) as {
      id: string;
    }[];
    const dismissed = await asOrganizer(
      'matches',
      'feedback',
      match!.id,
      '--action',
      'dismiss',
      '--reason',
      'off_brand',
    );
    expect(dismissed.code, dismissed.stderr).toBe(0);
    expect((await asOrganizer('matches', 'list', '--event', eventId)).stdout).not.toContain('Fizzy Cola');
    expect(
      (await asOrganizer('matches', 'list', '--event', eventId, '--status', 'dismissed')).stdout,
    ).toContain('Fizzy Cola');

    const queued = await asOrganizer('matches', 'recompute', '--event-id', eventId, '--json');
    expect(queued.code, queued.stderr).toBe(0);
    expect(JSON.parse(queued.stdout)).toMatchObject({ event_id: eventId, processed_at: null });

    expect((await asOrganizer('matches', 'settings', 'set', '--threshold', '0.8')).code).toBe(0);
    expect(JSON.parse((await asOrganizer('matches', 'settings', '--json')).stdout)).toMatchObject({
      threshold: 0.8,
    });
    expect((await asOrganizer('matches', 'settings', 'set', '--threshold', 'high')).code).toBe(2);
  }, 30_000);

  it('lists a sponsor’s events with the best package and opens a proposal from a match', async () => {
    const list = await asSponsor('matches', 'list', '--sponsor', fizzy);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Austin Live Fest');
    expect(list.stdout).toContain('Main Stage ($3,000.00 USD)');
    const [match] = JSON.parse((await asSponsor('matches', 'list', '--sponsor', fizzy, '--json')).stdout) as {
      id: string;
    }[];
    const proposed = await asSponsor('matches', 'propose', match!.id, '--json');
    expect(proposed.code, proposed.stderr).toBe(0);
    expect(JSON.parse(proposed.stdout)).toMatchObject({
      event_id: eventId,
      sponsor_id: fizzy,
      status: 'draft',
    });
    expect((await asOrganizer('matches', 'show', match!.id)).stdout).not.toContain('Your feedback\n  accept');
  }, 30_000);
});
