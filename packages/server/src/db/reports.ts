import type { Queryable } from './pool';

export interface ReportOrder {
  id: string;
  event_id: string;
  event_title: string;
  sponsor_id: string;
  sponsor_name: string;
  amount_cents: number;
  currency: string;
  utm_sources: string[];
  promo_codes: string[];
}

/** The order with what the report shows about it; the order's and the sponsor's attribution codes merged. */
export async function findReportOrder(tx: Queryable, orderId: string): Promise<ReportOrder | undefined> {
  const { rows } = await tx.query<ReportOrder>(
    `select o.id, o.event_id, e.title as event_title, o.sponsor_id, s.name as sponsor_name, o.amount_cents,
            o.currency,
            array(select distinct u from unnest(o.attribution_utm_sources || s.attribution_utm_sources) u
                   order by u) as utm_sources,
            array(select distinct c from unnest(o.attribution_promo_codes || s.attribution_promo_codes) c
                   order by c) as promo_codes
       from sponsorship_orders o join events e on e.id = o.event_id join sponsors s on s.id = o.sponsor_id
      where o.id = $1`,
    [orderId],
  );
  return rows[0];
}

export interface ReportDay {
  date: string;
  impressions: number;
  conversions: number;
  conversion_value_cents: number;
}

/**
 * One row per UTC day of [from, to): the event's impressions and the purchases attributed — those whose
 * utm_source is `utmFilter` when given, else whose utm_source or promo code is one of the codes.
 */
export async function roiDays(
  tx: Queryable,
  input: {
    eventId: string;
    from: string;
    to: string;
    utmSources: string[];
    promoCodes: string[];
    utmFilter?: string;
  },
): Promise<ReportDay[]> {
  const { rows } = await tx.query<ReportDay>(
    `select to_char(g.day, 'YYYY-MM-DD') as date, coalesce(sum(a.impressions), 0)::int8 as impressions,
            coalesce(sum(a.ticket_purchases) filter (where a.attributed), 0)::int8 as conversions,
            coalesce(sum(a.purchase_value_cents) filter (where a.attributed), 0)::int8 as conversion_value_cents
       from generate_series($2::date, $3::date - 1, interval '1 day') as g(day)
       left join lateral (
         select impressions, ticket_purchases, purchase_value_cents,
                case when $6::text is not null then utm_source = $6
                     else utm_source = any($4::text[]) or promo_code = any($5::text[]) end as attributed
           from analytics_daily where event_id = $1 and day = g.day::date) a on true
      group by g.day order by g.day`,
    [input.eventId, input.from, input.to, input.utmSources, input.promoCodes, input.utmFilter ?? null],
  );
  return rows;
}

export interface ReportDeliverable {
  id: string;
  type: string;
  status: string;
  due_at: string | null;
  proven_metrics: Record<string, unknown>;
}

export async function reportDeliverables(tx: Queryable, orderId: string): Promise<ReportDeliverable[]> {
  const { rows } = await tx.query<ReportDeliverable>(
    `select d.id, d.type, d.status, d.due_at,
            coalesce((select p.metrics from deliverable_proofs p where p.deliverable_id = d.id
                       order by p.created_at desc, p.id desc limit 1), '{}') as proven_metrics
       from deliverables d where d.order_id = $1 order by d.due_at nulls last, d.type, d.id`,
    [orderId],
  );
  return rows;
}

export interface ReportSla {
  id: string;
  metric: string;
  target: number;
  status: string;
  actual: number | null;
  snapshot_ids: string[];
}

export async function reportSlas(tx: Queryable, orderId: string): Promise<ReportSla[]> {
  const { rows } = await tx.query<ReportSla>(
    `select id, metric, target::float8 as target, status, actual::float8 as actual,
            evidence_snapshot_ids as snapshot_ids
       from sponsorship_slas where order_id = $1 order by metric, id`,
    [orderId],
  );
  return rows;
}
