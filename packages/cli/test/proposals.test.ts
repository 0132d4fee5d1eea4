import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../../../test/server.js';
import { assertBuilt, isolatedEnv, yardpass } from './binary.js';
import { createTerminals } from './terminal.js';

// packages, marketplace and proposals through the built binary; `proposals negotiate` on a real terminal (tmux).
const terminals = createTerminals();
const { start, waitFor, keys } = terminals;

let server: TestServer;
let organizerEnv: Record<string, string>;
let sponsorEnv: Record<string, string>;
let eventId: string;
let sponsorId: string;

const asOrganizer = (...args: string[]) => yardpass({ args, env: organizerEnv });
const asSponsor = (...args: string[]) => yardpass({ args, env: sponsorEnv });

async function sentProposal(price: number): Promise<string> {
  const made = await asOrganizer(
    'packages',
    'create',
    '--event-id',
    eventId,
    '--title',
    `Gold ${price}`,
    '--tier',
    'gold',
    '--price-cents',
    '150000',
    '--currency',
    'USD',
    '--inventory',
    '2',
    '--json',
  );
  expect(made.code, made.stderr).toBe(0);
  const packageId = (JSON.parse(made.stdout) as { id: string }).id;
  expect((await asOrganizer('packages', 'publish', packageId)).code).toBe(0);
  const created = await asSponsor(
    'proposals',
    'create',
    '--event-id',
    eventId,
    '--sponsor-id',
    sponsorId,
    '--package-id',
    packageId,
    '--initial-message',
    JSON.stringify({ body: 'Interested!', offer: { price_cents: price } }),
    '--json',
  );
  expect(created.code, created.stderr).toBe(0);
  const id = (JSON.parse(created.stdout) as { id: string }).id;
  expect((await asSponsor('proposals', 'send', id)).code).toBe(0);
  return id;
}

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  const base = { YARDPASS_BASE_URL: server.baseUrl, TERM: 'xterm-256color' };
  organizerEnv = await isolatedEnv({ ...base, YARDPASS_API_KEY: server.organizer.apiKey });
  sponsorEnv = await isolatedEnv({ ...base, YARDPASS_API_KEY: server.sponsor.apiKey });
  const event = await api(server, server.organizer)('POST', '/v1/events', {
    body: {
      title: 'Harbor Jazz Nights',
      starts_at: '2099-07-01T18:00:00Z',
      ends_at: '2099-07-02T23:00:00Z',
      city: 'Boston',
    },
  });
  eventId = event.json.data.id;
  const brand = await api(server, server.sponsor)('POST', '/v1/sponsors', {
    body: { name: 'Brew Co', visibility: 'public' },
  });
  sponsorId = brand.json.data.id;
}, 60_000);

afterAll(async () => {
  terminals.close();
  await server?.close();
});

describe('yardpass packages, marketplace and proposals', { timeout: 60_000 }, () => {
  it('creates, updates with a version, publishes and finds a package in the marketplace', async () => {
    const created = await asOrganizer(
      'packages',
      'create',
      '--event-id',
      eventId,
      '--title',
      'Main Stage',
      '--tier',
      'gold',
      '--price-cents',
      '250000',
      '--currency',
      'USD',
      '--inventory',
      '1',
      '--benefits',
      '{"booth":"10x10"}',
      '--json',
    );
    expect(created.code, created.stderr).toBe(0);
    const pkg = JSON.parse(created.stdout) as { id: string; version: number; status: string };
    expect(pkg).toMatchObject({ version: 1, status: 'draft' });
    // `--version` is the CLI's own (it prints the version), so the package version goes in --data.
    const stale = await asOrganizer(
      'packages',
      'update',
      pkg.id,
      '--data',
      '{"version":7}',
      '--tier',
      'platinum',
    );
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/version 1/);
    const updated = await asOrganizer(
      'packages',
      'update',
      pkg.id,
      '--data',
      '{"version":1}',
      '--tier',
      'platinum',
      '--json',
    );
    expect(JSON.parse(updated.stdout)).toMatchObject({ tier: 'platinum', version: 2 });
    expect((await asOrganizer('packages', 'publish', pkg.id)).stderr).toContain('Published');
    const found = await asSponsor('marketplace', 'search', '--q', 'main stage', '--json');
    expect((JSON.parse(found.stdout) as { id: string }[]).map((card) => card.id)).toContain(pkg.id);
    const list = await asOrganizer('packages', 'list', '--is-active', 'true');
    expect(list.stdout).toContain('Main Stage');
  });

  it('negotiates from the command line: message with an offer, show, accept with --yes', async () => {
    const id = await sentProposal(140_000);
    const counter = await asOrganizer(
      'proposals',
      'message',
      id,
      '--body',
      'Make it 1,700',
      '--offer',
      '{"price_cents":170000}',
    );
    expect(counter.code, counter.stderr).toBe(0);
    const shown = await asSponsor('proposals', 'show', id);
    expect(shown.stdout).toContain('countered (your turn)');
    expect(shown.stdout).toContain('$1,700.00 USD');
    const refused = await asSponsor('proposals', 'accept', id);
    expect(refused.code).toBe(2);
    const accepted = await asSponsor('proposals', 'accept', id, '--yes', '--json');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ status: 'accepted', order_id: expect.any(String) });
  });

  it('negotiate shows the thread and whose turn it is, then counters and the other side accepts', async () => {
    const id = await sentProposal(120_000);
    const organizerPane = start(organizerEnv, ['proposals', 'negotiate', id]);
    let shown = await waitFor(organizerPane, 'What next?');
    expect(shown).toContain('Brew Co × Harbor Jazz Nights');
    expect(shown).toContain('sent (your turn)');
    expect(shown).toContain('$1,200.00 USD');
    keys(organizerPane, 'Down'); // Accept → Counter-offer
    keys(organizerPane, 'Enter');
    await waitFor(organizerPane, 'Price (minor units');
    keys(organizerPane, '-l', '135000');
    keys(organizerPane, 'Enter');
    await waitFor(organizerPane, 'Message (optional):');
    keys(organizerPane, '-l', 'Meet me here');
    keys(organizerPane, 'Enter');
    shown = await waitFor(organizerPane, 'waiting for the sponsor');
    expect(shown).toContain('$1,350.00 USD');
    keys(organizerPane, 'Up'); // the last choice is Quit: move off the first and wrap to it
    await waitFor(organizerPane, 'Quit');

    const sponsorPane = start(sponsorEnv, ['proposals', 'negotiate', id]);
    shown = await waitFor(sponsorPane, 'What next?');
    expect(shown).toContain('countered (your turn)');
    keys(sponsorPane, 'Enter'); // Accept the offer
    await waitFor(sponsorPane, 'Accept $1,350.00 USD?');
    keys(sponsorPane, 'y');
    keys(sponsorPane, 'Enter');
    shown = await waitFor(sponsorPane, '[exit ');
    expect(shown).toContain('Accepted: order');
    expect(shown).toContain('nothing more to negotiate');
    expect(shown).toContain('[exit 0]');
    const { json } = await api(server, server.sponsor)('GET', `/v1/proposals/${id}`);
    expect(json.data).toMatchObject({
      status: 'accepted',
      latest_offer: { price_cents: 135_000, side: 'organizer' },
    });
  });

  it('negotiate refuses to run without a terminal', async () => {
    const id = await sentProposal(110_000);
    const result = await asOrganizer('proposals', 'negotiate', id);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs a terminal');
  });
});
