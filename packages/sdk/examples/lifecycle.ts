/**
 * The whole sponsorship lifecycle — the guide's §16 checklist — with @yardpass/sdk, as an organizer and a
 * sponsor, against a real server:
 *
 *   create package → publish (stats snapshot, marketplace) → start proposal → negotiate → accept (order)
 *   → fund (escrow) → submit proof → approve → release escrow (payout with a transfer id) → ROI report
 *
 * Run it against `yardpass-server dev` with demo data, which writes the two organizations' API keys to
 * `.yardpass/dev-credentials.json`:
 *
 *   pnpm dev                                   # in another terminal: build, start, seed (`dev --seed`)
 *   npx tsx packages/sdk/examples/lifecycle.ts # from the repository root
 *
 * `YARDPASS_DATA_DIR` points elsewhere than `.yardpass`; `YARDPASS_BASE_URL` overrides the URL in the file.
 * The same function runs in the SDK's integration test (test/lifecycle.test.ts) against a test server.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Yardpass, type components } from '@yardpass/sdk';

type Schemas = components['schemas'];

export interface LifecycleOptions {
  baseUrl: string;
  /** An API key of the organization that runs the event. */
  organizer: { apiKey: string; eventId?: string | undefined };
  /** An API key of the brand's organization. */
  sponsor: { apiKey: string; sponsorId?: string | undefined };
  /** Each checklist step as it passes; default `console.log`. */
  log?: (line: string) => void;
}

/** What each step produced, for the caller to look at (the integration test asserts on it). */
export interface LifecycleResult {
  event: Schemas['Event'];
  published: Schemas['SponsorshipPackage'];
  marketplaceIds: string[];
  proposal: Schemas['Proposal'];
  countered: Schemas['Proposal'];
  accepted: Schemas['Proposal'];
  order: Order;
  funded: Order;
  proof: Schemas['Deliverable'];
  approved: Schemas['Deliverable'];
  released: Order;
  payout: Payout;
  roi: Schemas['RoiReport'];
}

type Order = Schemas['Order'];
type Payout = Schemas['Payout'];

export async function runLifecycle(options: LifecycleOptions): Promise<LifecycleResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const organizer = new Yardpass({ apiKey: options.organizer.apiKey, baseUrl: options.baseUrl });
  const sponsor = new Yardpass({ apiKey: options.sponsor.apiKey, baseUrl: options.baseUrl });
  const today = new Date();
  const hoursAgo = (hours: number) => new Date(today.getTime() - hours * 3_600_000).toISOString();

  // The organizer's event, with some audience data so the package has stats to show and the report has
  // something to count.
  const event = options.organizer.eventId
    ? await organizer.events.retrieve(options.organizer.eventId)
    : await organizer.events.create({
        title: 'Harbor Lights Festival',
        starts_at: new Date(today.getTime() + 30 * 86_400_000).toISOString(),
        ends_at: new Date(today.getTime() + 32 * 86_400_000).toISOString(),
        city: 'Los Angeles',
        country: 'US',
        category: 'Music',
      });
  await organizer.analytics.ingest(event.id, {
    batch_id: crypto.randomUUID(),
    records: [
      ...Array.from({ length: 40 }, (_, i) => ({
        kind: 'impression' as const,
        occurred_at: hoursAgo(2),
        session_id: `s${i}`,
        utm_source: 'fizzy',
        city: 'Los Angeles',
      })),
      ...Array.from({ length: 3 }, () => ({
        kind: 'ticket_purchase' as const,
        occurred_at: hoursAgo(1),
        value_cents: 8_500,
        utm_source: 'fizzy',
      })),
    ],
  });
  await organizer.stats.refresh(event.id);

  // 1. Create package → it is in the organizer's gallery, with a stats snapshot once published.
  const draft = await organizer.packages.create({
    event_id: event.id,
    title: 'Main Stage Partner',
    tier: 'gold',
    price_cents: 500_000,
    currency: 'USD',
    inventory: 2,
    benefits: { logo_stage: true, social_posts: 3 },
  });
  log(`✓ created package ${draft.id} "${draft.title}" (${money(draft.price_cents, draft.currency)})`);

  // 2. Publish → active, and in the marketplace the sponsor browses.
  const published = await organizer.packages.publish(draft.id);
  const marketplaceIds = (await sponsor.marketplace.search({ limit: 100 }).toArray({ limit: 500 })).map(
    (card) => card.id,
  );
  log(
    `✓ published: is_active=${published.is_active}, in the marketplace: ${marketplaceIds.includes(draft.id)}`,
  );

  // 3. Start proposal → a thread with its first message and offer, sent to the organizer.
  const sponsorId =
    options.sponsor.sponsorId ??
    (await sponsor.sponsors.create({ name: 'Fizzy Cola', industry: 'Beverage', visibility: 'public' })).id;
  const created = await sponsor.proposals.create({
    event_id: event.id,
    sponsor_id: sponsorId,
    package_id: draft.id,
    initial_message: { body: 'We would love the main stage.', offer: { price_cents: 400_000 } },
  });
  const proposal = created.status === 'draft' ? await sponsor.proposals.send(created.id) : created;
  log(`✓ proposal ${proposal.id} ${proposal.status}, offer ${offerOf(proposal)}`);

  // 4. Negotiate → the organizer counters; the offer is tracked and the turn passes.
  await organizer.proposals.message(proposal.id, {
    body: 'Meet us in the middle.',
    offer: { price_cents: 450_000 },
  });
  const countered = await sponsor.proposals.retrieve(proposal.id);
  log(`✓ countered: ${countered.status}, offer ${offerOf(countered)}, turn: ${countered.turn}`);

  // 5. Accept → exactly one order, for the latest offer.
  const accepted = await sponsor.proposals.accept(proposal.id);
  const orderId = accepted.order_id;
  if (!orderId) throw new Error(`Accepting proposal ${proposal.id} created no order.`);
  const order = await sponsor.orders.retrieve(orderId);
  log(`✓ accepted: order ${orderId} for ${money(order.amount_cents, order.currency)}`);

  // 6. Fund (test mode) → escrow funded (the sandbox provider answers like Stripe's test card).
  const funding = await sponsor.orders.fund(orderId, { payment_method_id: 'pm_card_visa' });
  const funded = await waitFor('the order to be funded', async () => {
    const current = await sponsor.orders.retrieve(orderId);
    return current.escrow_state === 'funded' ? current : undefined;
  });
  log(`✓ funded: escrow_state=${funded.escrow_state} (payment ${funding.status})`);

  // 7. Submit proof → the deliverables laid out at funding; the organizer proves each one.
  const deliverables = await organizer.deliverables.list({ order_id: orderId }).toArray();
  const proofs = [];
  for (const deliverable of deliverables.filter((d) => d.owner_side === 'organizer')) {
    proofs.push(
      await organizer.deliverables.submitProof(deliverable.id, {
        asset_url: `https://cdn.example.com/proofs/${deliverable.id}.jpg`,
        metrics: { impressions: 25_000 },
      }),
    );
  }
  const proof = proofs[0];
  if (!proof) throw new Error(`Order ${orderId} has no deliverable for the organizer to prove.`);
  log(`✓ submitted ${proofs.length} proof(s): deliverable ${proof.id} is ${proof.status}`);

  // 8. Approve → the sponsor reviews every proof (and any deliverable the brand owes is waived here).
  let approved = proof;
  for (const submitted of proofs) approved = await sponsor.deliverables.approve(submitted.id);
  for (const deliverable of deliverables.filter((d) => d.owner_side === 'sponsor')) {
    await organizer.deliverables.waive(deliverable.id, { reason: 'Not needed for this example.' });
  }
  log(`✓ approved: deliverable ${approved.id} is ${approved.status}`);

  // 9. Release escrow → a payout with a (sandbox) Stripe transfer id, made by the background worker to
  // the organizer's Stripe Connect account (created by onboarding when it has none yet).
  const configuration = await organizer.payoutConfig.retrieve();
  if (!configuration.stripe_connect_account_id) {
    await organizer.payoutConfig.onboard({
      return_url: 'https://example.com/done',
      refresh_url: 'https://example.com/again',
    });
  }
  // Approving the last deliverable locks the order by itself; lock it by hand when it has not.
  const before = await organizer.orders.retrieve(orderId);
  const locked = before.escrow_state === 'funded' ? await organizer.orders.lock(orderId) : before;
  const released = await organizer.orders.release(orderId);
  const payout = await waitFor('the payout transfer', async () => {
    const payouts = await organizer.payouts.list({ order_id: orderId }).toArray();
    return payouts.find((candidate) => candidate.stripe_transfer_id !== null);
  });
  log(
    `✓ released (${locked.escrow_state} → ${released.escrow_state}): payout ${payout.id} of ${money(payout.amount_cents, payout.currency)}, transfer ${payout.stripe_transfer_id}`,
  );

  // 10. ROI report → non-zero metrics for the window.
  const roi = await sponsor.reports.roi({ order_id: orderId, utm_source: 'fizzy' });
  if (typeof roi === 'string') throw new Error('The ROI report came back as text, not JSON.');
  log(
    `✓ ROI: ${roi.impressions} impressions, ${roi.conversions} conversions worth ${money(roi.conversion_value_cents, roi.currency)}, ROI ×${roi.roi_multiplier}`,
  );

  return {
    event,
    published,
    marketplaceIds,
    proposal,
    countered,
    accepted,
    order,
    funded,
    proof,
    approved,
    released,
    payout,
    roi,
  };
}

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

function offerOf(proposal: Schemas['Proposal']): string {
  const offer = proposal.latest_offer;
  return offer ? money(offer.price_cents, offer.currency ?? 'USD') : 'none';
}

/** Asks `check` every 200 ms until it answers something, for up to 20 s. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after 20 s.`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

interface DevCredentials {
  base_url: string;
  organizer: { api_key: string; event_id?: string };
  sponsor?: { api_key: string; sponsor_id: string };
}

async function main(): Promise<void> {
  const path = join(resolve(process.env.YARDPASS_DATA_DIR ?? '.yardpass'), 'dev-credentials.json');
  let credentials: DevCredentials;
  try {
    credentials = JSON.parse(await readFile(path, 'utf8')) as DevCredentials;
  } catch (error) {
    throw new Error(
      `Cannot read ${path} (${(error as Error).message}). Start the server first with \`pnpm dev\` (yardpass-server dev --seed), from the repository root.`,
    );
  }
  if (!credentials.sponsor) {
    throw new Error(
      `${path} has no sponsor organization: start the server with demo data, \`yardpass-server dev --seed\`.`,
    );
  }
  await runLifecycle({
    baseUrl: process.env.YARDPASS_BASE_URL ?? credentials.base_url,
    organizer: { apiKey: credentials.organizer.api_key, eventId: credentials.organizer.event_id },
    sponsor: { apiKey: credentials.sponsor.api_key, sponsorId: credentials.sponsor.sponsor_id },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
