import type { Db } from '../db/pool';
import { findRoiReport } from '../db/reports';
import { orderEscrowPosition } from './ledger';
import { NotFoundError, ValidationError } from '../errors';
import type { components } from '../generated/openapi';
import type { Caller } from '../caller';

export type RoiReport = components['schemas']['RoiReport'];

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Whole UTC days, `from` inclusive, `to` exclusive; by default the 30 days up to and including today. */
function reportWindow(input: { from?: string; to?: string; now: Date }): { from: string; to: string } {
  const today = Date.parse(isoDate(input.now.getTime()));
  const to = input.to ?? isoDate(today + DAY_MS);
  const from = input.from ?? isoDate(Date.parse(to) - 30 * DAY_MS);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days <= 0)
    throw new ValidationError('The window is empty: `from` must be before `to`.', [
      { path: '/query/from', message: 'Must be before `to` (which is exclusive).' },
    ]);
  if (days > MAX_DAYS)
    throw new ValidationError(`The window is longer than ${MAX_DAYS} days.`, [
      { path: '/query/to', message: `At most ${MAX_DAYS} days after \`from\`.` },
    ]);
  return { from, to };
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Without a utm source, a promo code or a filter, no sale can be attributed: say so, and how to set them. */
function attributionNote(input: {
  utmSources: string[];
  promoCodes: string[];
  filter?: string;
  sponsorId: string;
}) {
  if (input.utmSources.length > 0 || input.promoCodes.length > 0 || input.filter) return null;
  return (
    'No attribution is set, so no ticket sale counts as a conversion. Give the sponsor the utm source or promo ' +
    `code its campaign uses: PATCH /v1/sponsors/${input.sponsorId} with attribution_utm_sources or ` +
    `attribution_promo_codes (yardpass sponsors update ${input.sponsorId} --attribution-utm-sources <source>), ` +
    'or pass utm_source to this report.'
  );
}

/** What the approved deliverables' latest proofs claim, summed by metric name (numbers only). */
function approvedProofMetrics(deliverables: { status: string; proven_metrics: Record<string, unknown> }[]) {
  const sums: Record<string, number> = {};
  for (const deliverable of deliverables) {
    if (deliverable.status !== 'approved') continue;
    for (const [name, value] of Object.entries(deliverable.proven_metrics)) {
      if (typeof value === 'number' && Number.isFinite(value)) sums[name] = (sums[name] ?? 0) + value;
    }
  }
  return sums;
}

/**
 * The ROI of an order for either party: the event's impressions in the window, the purchases attributed to
 * the sponsor, the deliverables with their proven metrics and the SLA outcomes. The event's analytics belong
 * to the organizer; the sponsor reads them through the order it is party to (`yardpass_roi_analytics`).
 */
export function getRoiReport(
  db: Db,
  caller: Caller,
  input: { orderId: string; from?: string; to?: string; utmSource?: string; now: Date },
): Promise<RoiReport> {
  const window = reportWindow(input);
  return db.tenant(caller.orgId, async (tx) => {
    const order = UUID.test(input.orderId)
      ? await findRoiReport(tx, { orderId: input.orderId, ...window, utmFilter: input.utmSource })
      : undefined;
    if (!order) throw new NotFoundError('order');
    const { days: daily, snapshot_ids } = order.analytics;
    const impressions = daily.reduce((sum, day) => sum + day.impressions, 0);
    const conversions = daily.reduce((sum, day) => sum + day.conversions, 0);
    const value = daily.reduce((sum, day) => sum + day.conversion_value_cents, 0);
    const note = attributionNote({
      utmSources: order.analytics.utm_sources,
      promoCodes: order.analytics.promo_codes,
      filter: input.utmSource,
      sponsorId: order.sponsor_id,
    });
    return {
      order_id: order.id,
      event_id: order.event_id,
      event_title: order.event_title,
      sponsor_id: order.sponsor_id,
      sponsor_name: order.sponsor_name,
      variant: order.variant,
      currency: order.currency,
      period: window,
      organizer_name: order.organizer_name,
      attribution: {
        utm_sources: order.analytics.utm_sources,
        promo_codes: order.analytics.promo_codes,
        utm_source_filter: input.utmSource ?? null,
        configured: note === null,
        note,
      },
      proof_metrics: approvedProofMetrics(order.deliverables),
      investment_cents: order.amount_cents,
      escrow: {
        release_policy: order.release_policy,
        ...(await orderEscrowPosition(tx, order.id)),
      },
      impressions,
      conversions,
      conversion_value_cents: value,
      roi_multiplier: round(value / order.amount_cents, 4),
      cpm_cents: impressions > 0 ? round((order.amount_cents * 1000) / impressions, 2) : null,
      daily,
      deliverables: order.deliverables,
      slas: order.slas,
      snapshot_ids,
      generated_at: input.now.toISOString(),
    };
  });
}
