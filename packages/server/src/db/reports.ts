import type { components } from '../generated/openapi';
import { type Queryable, withSystemAccess } from './pool';

export interface ReportDay {
  date: string;
  impressions: number;
  conversions: number;
  conversion_value_cents: number;
}

export interface ReportDeliverable {
  id: string;
  type: string;
  status: string;
  due_at: string | null;
  proven_metrics: Record<string, unknown>;
}

export interface ReportSla {
  id: string;
  metric: string;
  target: number;
  status: string;
  actual: number | null;
  snapshot_ids: string[];
  /** The term as sold; null for SLAs made before terms existed. */
  terms: components['schemas']['SlaTerm'] | null;
}

export interface ReportRow {
  id: string;
  event_id: string;
  event_title: string;
  sponsor_id: string;
  sponsor_name: string;
  organizer_name: string;
  variant: { id: string; title: string; tier: string } | null;
  amount_cents: number;
  release_policy: components['schemas']['ReleasePolicy'];
  currency: string;
  analytics: { utm_sources: string[]; promo_codes: string[]; days: ReportDay[]; snapshot_ids: string[] };
  deliverables: ReportDeliverable[];
  slas: ReportSla[];
}

/**
 * Everything an ROI report shows, in one round trip: the order (as the caller's RLS allows it), the event's
 * analytics for the window through `yardpass_roi_analytics`, the deliverables with their latest proof's
 * metrics, and the SLAs with their evidence.
 */
export async function findRoiReport(
  tx: Queryable,
  input: { orderId: string; from: string; to: string; utmFilter?: string },
): Promise<ReportRow | undefined> {
  const { rows } = await tx.query<Omit<ReportRow, 'organizer_name'>>(
    `select o.id, o.event_id, e.title as event_title, o.sponsor_id, s.name as sponsor_name,
            (select jsonb_build_object('id', v.id, 'title', v.title, 'tier', v.tier)
               from package_variants v where v.id = o.variant_id) as variant, o.amount_cents,
            o.release_policy, o.currency, yardpass_roi_analytics(o.id, $2::date, $3::date, $4::text) as analytics,
            (select coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'type', d.type, 'status', d.status,
                      'due_at', to_char(d.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      'proven_metrics', coalesce((select p.metrics from deliverable_proofs p
                                                   where p.deliverable_id = d.id
                                                   order by p.created_at desc, p.id desc limit 1), '{}'))
                    order by d.due_at nulls last, d.type, d.id), '[]')
               from deliverables d where d.order_id = o.id) as deliverables,
            (select coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'metric', l.metric, 'target', l.target,
                      'status', l.status, 'actual', l.actual, 'snapshot_ids', to_jsonb(l.evidence_snapshot_ids),
                      'terms', l.terms)
                    order by l.metric, l.id), '[]')
               from sponsorship_slas l where l.order_id = o.id) as slas
       from sponsorship_orders o join events e on e.id = o.event_id join sponsors s on s.id = o.sponsor_id
      where o.id = $1`,
    [input.orderId, input.from, input.to, input.utmFilter ?? null],
  );
  const row = rows[0];
  if (!row) return undefined;
  // The caller could read the order, so it is one of its two parties: it may see the organizer's name, which
  // row-level security keeps from other organizations.
  const organizer = await withSystemAccess(tx, () =>
    tx.query<{ name: string }>(
      'select o.name from events e join organizations o on o.id = e.owner_org_id where e.id = $1',
      [row.event_id],
    ),
  );
  return { ...row, organizer_name: organizer.rows[0]?.name ?? '' };
}
