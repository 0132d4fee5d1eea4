import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

export type Side = 'organizer' | 'sponsor';
export type DeliverableStatus = 'pending' | 'submitted' | 'approved' | 'needs_changes' | 'waived';

export interface DeliverableRow {
  id: string;
  organizer_org_id: string;
  sponsor_org_id: string;
  event_id: string;
  sponsor_id: string;
  order_id: string | null;
  package_id: string | null;
  variant_id: string | null;
  sla_id: string | null;
  benefit_key: string | null;
  type: string;
  spec: Record<string, unknown>;
  due_at: string | null;
  evidence_required: boolean;
  owner_side: Side;
  status: DeliverableStatus;
  status_reason: string | null;
  release_weight: number;
  event_title: string | null;
  sponsor_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProofRow {
  id: string;
  deliverable_id: string;
  asset_url: string;
  metrics: Record<string, unknown>;
  note: string | null;
  side: Side;
  submitted_by_user_id: string | null;
  created_at: string;
}

export interface ReviewRow {
  id: string;
  deliverable_id: string;
  action: 'submitted' | 'approved' | 'needs_changes' | 'waived';
  side: Side;
  from_status: DeliverableStatus;
  to_status: DeliverableStatus;
  reason: string | null;
  proof_id: string | null;
  actor_user_id: string | null;
  created_at: string;
}

export interface NewDeliverable {
  organizer_org_id: string;
  sponsor_org_id: string;
  event_id: string;
  sponsor_id: string;
  order_id: string | null;
  package_id: string | null;
  benefit_key: string | null;
  sla_id: string | null;
  type: string;
  spec: Record<string, unknown>;
  due_at: string | null;
  evidence_required: boolean;
  owner_side: Side;
  /** The deliverable's weight in a milestone release (`release_policy: per_deliverable`); 1 when not given. */
  release_weight?: number;
}

// The event title and sponsor name come along (guide §8's fulfilment queue) from one joined query; a party
// that may not read the event or sponsor row gets null rather than a second lookup.
// The variant is the order's: every deliverable of an order fulfils the variant bought.
const columns = `d.id, d.organizer_org_id, d.sponsor_org_id, d.event_id, d.sponsor_id, d.order_id, d.package_id,
  (select o.variant_id from sponsorship_orders o where o.id = d.order_id) as variant_id,
  d.sla_id, d.benefit_key, d.type, d.spec, d.due_at, d.evidence_required, d.owner_side, d.status, d.status_reason,
  d.release_weight, e.title as event_title, s.name as sponsor_name, d.created_at, d.updated_at`;
const from = `deliverables d left join events e on e.id = d.event_id left join sponsors s on s.id = d.sponsor_id`;

/** Inserts deliverables in one statement; those of an order's benefit that already exist are skipped. */
export async function insertDeliverables(tx: Tx, items: NewDeliverable[]): Promise<DeliverableRow[]> {
  if (items.length === 0) return [];
  const { rows } = await tx.query<{ id: string }>(
    `insert into deliverables (organizer_org_id, sponsor_org_id, event_id, sponsor_id, order_id, package_id,
       benefit_key, sla_id, type, spec, due_at, evidence_required, owner_side, release_weight)
     select organizer_org_id, sponsor_org_id, event_id, sponsor_id, order_id, package_id, benefit_key, sla_id, type,
            spec, due_at, evidence_required, owner_side, coalesce(release_weight, 1)
       from jsonb_to_recordset($1::jsonb) as x(organizer_org_id uuid, sponsor_org_id uuid, event_id uuid,
       sponsor_id uuid, order_id uuid, package_id uuid, benefit_key text, sla_id uuid, type text, spec jsonb,
       due_at timestamptz, evidence_required boolean, owner_side text, release_weight int)
     on conflict do nothing
     returning id`,
    [JSON.stringify(items)],
  );
  return rows.length === 0
    ? []
    : listDeliverablesByIds(
        tx,
        rows.map((row) => row.id),
      );
}

export async function listDeliverablesByIds(tx: Queryable, ids: string[]): Promise<DeliverableRow[]> {
  const { rows } = await tx.query<DeliverableRow>(
    `select ${columns} from ${from} where d.id = any($1::uuid[]) order by d.due_at nulls last, d.id`,
    [ids],
  );
  return rows;
}

export async function findDeliverable(
  tx: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DeliverableRow | undefined> {
  const { rows } = await tx.query<DeliverableRow>(
    `select ${columns} from ${from} where d.id = $1 ${options.lock ? 'for update of d' : ''}`,
    [id],
  );
  return rows[0];
}

export interface DeliverableFilter {
  event_id?: string;
  sponsor_id?: string;
  order_id?: string;
  status?: DeliverableStatus;
  due_before?: string;
  limit: number;
  after?: Cursor;
}

/** The fulfilment queue: one query, by due date (undated last), keyset-paged. */
export async function listDeliverables(tx: Queryable, filter: DeliverableFilter): Promise<DeliverableRow[]> {
  const { rows } = await tx.query<DeliverableRow>(
    `select ${columns} from ${from}
      where ($1::uuid is null or d.event_id = $1) and ($2::uuid is null or d.sponsor_id = $2)
        and ($3::uuid is null or d.order_id = $3) and ($4::text is null or d.status = $4)
        and ($5::timestamptz is null or d.due_at < $5)
        and ($6::timestamptz is null or (coalesce(d.due_at, 'infinity'), d.id) > ($6::timestamptz, $7::uuid))
      order by coalesce(d.due_at, 'infinity'), d.id limit $8`,
    [
      filter.event_id ?? null,
      filter.sponsor_id ?? null,
      filter.order_id ?? null,
      filter.status ?? null,
      filter.due_before ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

export async function updateDeliverableSpec(
  tx: Tx,
  id: string,
  changes: {
    type?: string;
    spec?: Record<string, unknown>;
    due_at?: string | null;
    evidence_required?: boolean;
  },
): Promise<void> {
  await tx.query(
    `update deliverables set type = coalesce($2, type), spec = coalesce($3, spec),
       due_at = case when $4 then $5::timestamptz else due_at end,
       evidence_required = coalesce($6, evidence_required), updated_at = now()
     where id = $1`,
    [
      id,
      changes.type ?? null,
      changes.spec === undefined ? null : JSON.stringify(changes.spec),
      changes.due_at !== undefined,
      changes.due_at ?? null,
      changes.evidence_required ?? null,
    ],
  );
}

export async function setDeliverableStatus(
  tx: Tx,
  id: string,
  status: DeliverableStatus,
  reason: string | null,
): Promise<void> {
  await tx.query(
    `update deliverables set status = $2, status_reason = $3, updated_at = now() where id = $1`,
    [id, status, reason],
  );
}

export async function insertProof(
  tx: Tx,
  proof: {
    deliverable: DeliverableRow;
    asset_url: string;
    metrics: Record<string, unknown>;
    note: string | null;
    side: Side;
    userId: string | null;
  },
): Promise<ProofRow> {
  const { rows } = await tx.query<ProofRow>(
    `insert into deliverable_proofs (deliverable_id, organizer_org_id, sponsor_org_id, asset_url, metrics, note, side,
       submitted_by_user_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     returning id, deliverable_id, asset_url, metrics, note, side, submitted_by_user_id, created_at`,
    [
      proof.deliverable.id,
      proof.deliverable.organizer_org_id,
      proof.deliverable.sponsor_org_id,
      proof.asset_url,
      JSON.stringify(proof.metrics),
      proof.note,
      proof.side,
      proof.userId,
    ],
  );
  return rows[0]!;
}

export async function insertReview(
  tx: Tx,
  review: {
    deliverable: DeliverableRow;
    action: ReviewRow['action'];
    side: Side;
    to: DeliverableStatus;
    reason: string | null;
    proofId: string | null;
    userId: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into deliverable_reviews (deliverable_id, organizer_org_id, sponsor_org_id, action, side, from_status,
       to_status, reason, proof_id, actor_user_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      review.deliverable.id,
      review.deliverable.organizer_org_id,
      review.deliverable.sponsor_org_id,
      review.action,
      review.side,
      review.deliverable.status,
      review.to,
      review.reason,
      review.proofId,
      review.userId,
    ],
  );
}

export async function listProofs(tx: Queryable, deliverableId: string): Promise<ProofRow[]> {
  const { rows } = await tx.query<ProofRow>(
    `select id, deliverable_id, asset_url, metrics, note, side, submitted_by_user_id, created_at
       from deliverable_proofs where deliverable_id = $1 order by created_at, id`,
    [deliverableId],
  );
  return rows;
}

export async function listReviews(tx: Queryable, deliverableId: string): Promise<ReviewRow[]> {
  const { rows } = await tx.query<ReviewRow>(
    `select id, deliverable_id, action, side, from_status, to_status, reason, proof_id, actor_user_id, created_at
       from deliverable_reviews where deliverable_id = $1 order by created_at, id`,
    [deliverableId],
  );
  return rows;
}

/**
 * The two organizations dealing over an event and a sponsor, from an event sponsorship, order or proposal the
 * caller is a party to (row-level security keeps the rest out), or the caller's own event and own sponsor.
 */
export async function findDealParties(
  tx: Queryable,
  eventId: string,
  sponsorId: string,
): Promise<{ organizer_org_id: string; sponsor_org_id: string } | undefined> {
  const { rows } = await tx.query<{ organizer_org_id: string; sponsor_org_id: string }>(
    `select organizer_org_id, sponsor_org_id from (
       select organizer_org_id, sponsor_org_id, 1 as rank from event_sponsorships where event_id = $1 and sponsor_id = $2
       union all
       select organizer_org_id, sponsor_org_id, 2 from sponsorship_orders where event_id = $1 and sponsor_id = $2
       union all
       select organizer_org_id, sponsor_org_id, 3 from proposal_threads where event_id = $1 and sponsor_id = $2
       union all
       select e.owner_org_id, s.org_id, 4 from events e join sponsors s on s.id = $2
        where e.id = $1 and e.owner_org_id = yardpass_current_org() and s.org_id = yardpass_current_org()
     ) deals order by rank limit 1`,
    [eventId, sponsorId],
  );
  return rows[0];
}

/** How many of an order's deliverables there are and how many are approved or waived. */
export async function orderDeliverableProgress(
  tx: Queryable,
  orderId: string,
): Promise<{ total: number; done: number }> {
  const { rows } = await tx.query<{ total: number; done: number }>(
    `select count(*)::int as total, count(*) filter (where status in ('approved', 'waived'))::int as done
       from deliverables where order_id = $1`,
    [orderId],
  );
  return rows[0] ?? { total: 0, done: 0 };
}

/**
 * The milestones of an order (each of its deliverables, by weight) with what each released: the payout of a
 * released one (net and fee). For the milestone release, which holds the order's row lock.
 */
export async function listOrderMilestones(
  tx: Queryable,
  orderId: string,
): Promise<
  {
    id: string;
    status: DeliverableStatus;
    release_weight: number;
    payout_id: string | null;
    fee_cents: number;
  }[]
> {
  const { rows } = await tx.query<{
    id: string;
    status: DeliverableStatus;
    release_weight: number;
    payout_id: string | null;
    fee_cents: number;
  }>(
    `select d.id, d.status, d.release_weight, p.id as payout_id, coalesce(p.fee_cents, 0)::int as fee_cents
       from deliverables d left join sponsorship_payouts p on p.deliverable_id = d.id
      where d.order_id = $1 order by d.created_at, d.id`,
    [orderId],
  );
  return rows;
}

/**
 * What funding needs to know to lay out the fulfilment: the tier and benefits of the variant bought (a variant
 * without benefits has the package's), else of the package; the event's dates.
 */
export async function findFundingContext(
  tx: Queryable,
  order: { package_id: string; variant_id: string | null; event_id: string },
): Promise<
  { tier: string; benefits: Record<string, unknown>; starts_at: string; ends_at: string } | undefined
> {
  const { rows } = await tx.query<{
    tier: string;
    benefits: Record<string, unknown>;
    starts_at: string;
    ends_at: string;
  }>(
    `select coalesce(v.tier, p.tier) as tier,
            case when v.benefits is null or v.benefits = '{}' then p.benefits else v.benefits end as benefits,
            e.starts_at, e.ends_at
       from sponsorship_packages p join events e on e.id = $2
       left join package_variants v on v.id = $3 and v.package_id = p.id
      where p.id = $1`,
    [order.package_id, order.event_id, order.variant_id],
  );
  return rows[0];
}

/** The parties of an order the caller can see (row-level security hides the rest). */
export async function findOrderParties(
  tx: Queryable,
  orderId: string,
): Promise<
  | {
      event_id: string;
      sponsor_id: string;
      package_id: string;
      organizer_org_id: string;
      sponsor_org_id: string;
      amount_cents: number;
      currency: string;
      escrow_state: string;
      refunded_cents: number;
    }
  | undefined
> {
  const { rows } = await tx.query<{
    event_id: string;
    sponsor_id: string;
    package_id: string;
    organizer_org_id: string;
    sponsor_org_id: string;
    amount_cents: number;
    currency: string;
    escrow_state: string;
    refunded_cents: number;
  }>(
    `select event_id, sponsor_id, package_id, organizer_org_id, sponsor_org_id, amount_cents, currency, escrow_state,
       refunded_cents
       from sponsorship_orders where id = $1`,
    [orderId],
  );
  return rows[0];
}

export async function packageBelongsToEvent(
  tx: Queryable,
  packageId: string,
  eventId: string,
): Promise<boolean> {
  const { rowCount } = await tx.query('select 1 from sponsorship_packages where id = $1 and event_id = $2', [
    packageId,
    eventId,
  ]);
  return rowCount === 1;
}
