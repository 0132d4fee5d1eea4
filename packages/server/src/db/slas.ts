import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';

type SlaTerm = components['schemas']['SlaTerm'];

export type SlaStatus = 'pending' | 'met' | 'breached';

export interface BreachPolicy {
  penalty_pct?: number;
  penalty_cents?: number;
  remedy?: string;
  grace_days?: number;
  [key: string]: unknown;
}

export interface SlaRow {
  id: string;
  organizer_org_id: string;
  sponsor_org_id: string;
  order_id: string;
  event_id: string;
  sponsor_id: string;
  package_id: string;
  metric: string;
  target: number;
  breach_policy: BreachPolicy;
  terms: SlaTerm | null;
  status: SlaStatus;
  actual: number | null;
  evidence_snapshot_ids: string[];
  evidence_proof_ids: string[];
  due_at: string;
  evaluate_after: string;
  evaluated_at: string | null;
  breached_at: string | null;
  penalty_cents: number | null;
  refund_reference: string | null;
  makegood_deliverable_id: string | null;
  created_at: string;
  updated_at: string;
}

// numeric leaves pg as a string; the API answers numbers.
const columns = `id, organizer_org_id, sponsor_org_id, order_id, event_id, sponsor_id, package_id, metric,
  target::float8 as target, breach_policy, terms, status, actual::float8 as actual, evidence_snapshot_ids, evidence_proof_ids,
  due_at, due_at + make_interval(days => coalesce((breach_policy->>'grace_days')::int, 0)) as evaluate_after,
  evaluated_at, breached_at, penalty_cents, refund_reference, makegood_deliverable_id, created_at, updated_at`;

/**
 * Freezes the SLA terms of an order at funding: the terms it already carries (accepted in a negotiation), else
 * its variant's, else its package's. Answers the frozen terms; a second call answers the same ones.
 */
export async function freezeOrderSlaTerms(tx: Tx, orderId: string): Promise<SlaTerm[]> {
  const { rows } = await tx.query<{ sla_terms: SlaTerm[] }>(
    `update sponsorship_orders o set sla_terms = coalesce(o.sla_terms,
       (select v.sla_terms from package_variants v where v.id = o.variant_id),
       (select p.sla_terms from sponsorship_packages p where p.id = o.package_id), '[]')
      where o.id = $1 returning o.sla_terms`,
    [orderId],
  );
  return rows[0]?.sla_terms ?? [];
}

/** An SLA of an order, made from one of its terms. */
export interface NewSla {
  metric: string;
  target: number;
  breach_policy: BreachPolicy;
  terms: SlaTerm;
  due_at: string;
}

/** Instantiates an order's SLAs in one statement; existing ones (funding seen twice) are kept. */
export async function instantiateSlas(
  tx: Tx,
  order: {
    id: string;
    organizer_org_id: string;
    sponsor_org_id: string;
    event_id: string;
    sponsor_id: string;
    package_id: string;
  },
  slas: NewSla[],
): Promise<number> {
  if (slas.length === 0) return 0;
  const { rowCount } = await tx.query(
    `insert into sponsorship_slas (organizer_org_id, sponsor_org_id, order_id, event_id, sponsor_id, package_id,
       metric, target, breach_policy, terms, due_at)
     select $1, $2, $3, $4, $5, $6, s.metric, s.target, s.breach_policy, s.terms, s.due_at
       from jsonb_to_recordset($7::jsonb)
         as s(metric text, target numeric, breach_policy jsonb, terms jsonb, due_at timestamptz)
     on conflict (order_id, metric) do nothing`,
    [
      order.organizer_org_id,
      order.sponsor_org_id,
      order.id,
      order.event_id,
      order.sponsor_id,
      order.package_id,
      JSON.stringify(slas),
    ],
  );
  return rowCount ?? 0;
}

export async function findSla(
  tx: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<SlaRow | undefined> {
  const { rows } = await tx.query<SlaRow>(
    `select ${columns} from sponsorship_slas where id = $1 ${options.lock ? 'for update' : ''}`,
    [id],
  );
  return rows[0];
}

export async function listSlas(
  tx: Queryable,
  filter: { order_id?: string; event_id?: string; status?: SlaStatus; limit: number; after?: Cursor },
): Promise<SlaRow[]> {
  const { rows } = await tx.query<SlaRow>(
    `select ${columns} from sponsorship_slas
      where ($1::uuid is null or order_id = $1) and ($2::uuid is null or event_id = $2)
        and ($3::text is null or status = $3)
        and ($4::timestamptz is null or (due_at, id) > ($4::timestamptz, $5::uuid))
      order by due_at, id limit $6`,
    [
      filter.order_id ?? null,
      filter.event_id ?? null,
      filter.status ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

/** Pending SLAs of an order (to mark met when proofs are approved). */
export async function listPendingSlasOfOrder(tx: Queryable, orderId: string): Promise<SlaRow[]> {
  const { rows } = await tx.query<SlaRow>(
    `select ${columns} from sponsorship_slas where order_id = $1 and status = 'pending' order by id for update`,
    [orderId],
  );
  return rows;
}

/**
 * Ids of SLAs the nightly job should look at: pending ones whose due date plus grace has passed, and breached
 * ones whose penalty refund is not recorded yet (a crash between breach and refund is finished next run).
 */
export async function listSlasToEvaluate(tx: Queryable, now: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from sponsorship_slas
      where (status = 'pending'
             and due_at + make_interval(days => coalesce((breach_policy->>'grace_days')::int, 0)) <= $1)
         or (status = 'breached' and penalty_cents > 0 and refund_reference is null)
      order by due_at, id`,
    [now],
  );
  return rows.map((row) => row.id);
}

/**
 * The evidence for an SLA: the latest snapshot of `statKey` for the event (guide §11), and `proofKey` over the
 * approved proofs of the order's deliverables (summed, or averaged for a rate). A null key is not looked at.
 */
export async function gatherSlaEvidence(
  tx: Queryable,
  sla: { event_id: string; order_id: string },
  keys: { statKey: string | null; proofKey: string | null; average: boolean },
): Promise<{
  snapshot: { id: string; value: number } | undefined;
  proofs: { ids: string[]; total: number };
}> {
  const { rows } = await tx.query<{
    snapshot_id: string | null;
    snapshot_value: number | null;
    proof_ids: string[];
    proof_total: number;
  }>(
    `with snapshot as (
       select id, metric_value from event_stat_snapshots
        where event_id = $1 and metric_key = $3 order by captured_at desc, id desc limit 1
     ), proofs as (
       select p.id, (p.metrics->>$4)::numeric as value
         from deliverable_proofs p join deliverables d on d.id = p.deliverable_id
        where d.order_id = $2 and d.status = 'approved' and p.metrics->>$4 ~ '^-?\\d+(\\.\\d+)?$'
     )
     select (select id from snapshot) as snapshot_id, (select metric_value::float8 from snapshot) as snapshot_value,
       coalesce((select array_agg(id order by id) from proofs), '{}') as proof_ids,
       coalesce((select (case when $5 then avg(value) else sum(value) end)::float8 from proofs), 0) as proof_total`,
    [sla.event_id, sla.order_id, keys.statKey, keys.proofKey, keys.average],
  );
  const row = rows[0]!;
  return {
    snapshot:
      row.snapshot_id && row.snapshot_value !== null
        ? { id: row.snapshot_id, value: row.snapshot_value }
        : undefined,
    proofs: { ids: row.proof_ids, total: row.proof_total },
  };
}

export async function recordSlaOutcome(
  tx: Tx,
  id: string,
  outcome: {
    status: SlaStatus;
    actual: number;
    snapshotIds: string[];
    proofIds: string[];
    penaltyCents: number | null;
  },
): Promise<void> {
  await tx.query(
    `update sponsorship_slas set status = $2, actual = $3, evidence_snapshot_ids = $4, evidence_proof_ids = $5,
       evaluated_at = now(), breached_at = case when $2 = 'breached' then coalesce(breached_at, now()) end,
       penalty_cents = $6, updated_at = now()
     where id = $1`,
    [id, outcome.status, outcome.actual, outcome.snapshotIds, outcome.proofIds, outcome.penaltyCents],
  );
}

/** Records the evidence of an evaluation that changed nothing (still pending: not yet due, not yet met). */
export async function recordSlaProgress(
  tx: Tx,
  id: string,
  progress: { actual: number; snapshotIds: string[]; proofIds: string[] },
): Promise<void> {
  await tx.query(
    `update sponsorship_slas set actual = $2, evidence_snapshot_ids = $3, evidence_proof_ids = $4,
       evaluated_at = now(), updated_at = now() where id = $1`,
    [id, progress.actual, progress.snapshotIds, progress.proofIds],
  );
}

export async function setSlaRemedy(
  tx: Tx,
  id: string,
  remedy: { refundReference?: string; makegoodDeliverableId?: string },
): Promise<void> {
  await tx.query(
    `update sponsorship_slas set refund_reference = coalesce($2, refund_reference),
       makegood_deliverable_id = coalesce($3, makegood_deliverable_id), updated_at = now() where id = $1`,
    [id, remedy.refundReference ?? null, remedy.makegoodDeliverableId ?? null],
  );
}
