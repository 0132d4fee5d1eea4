import pg from 'pg';
import type { Queryable, Tx } from './pool';

/** A task of the catalogue (jobs/tasks.ts), by the identifier graphile-worker knows it by. */
export type TaskName = keyof GraphileWorker.Tasks;

/** How a job is queued: graphile-worker's `add_job` options. In {@link enqueueSql} each is a SQL expression. */
interface JobSpec<Value> {
  /** Replaces a waiting job with the same key (de-duplication); a running one keeps going. */
  jobKey?: Value;
  /** Jobs of one queue run one at a time, in order. */
  queueName?: Value;
  runAt?: Value;
  maxAttempts?: number;
}

/**
 * Queues `task` on the caller's transaction: it runs once the transaction commits and never if it rolls back.
 *
 * @example
 * await addJob(tx, 'payouts.transfer', { payout_id: payout.id }, { jobKey: `payout:${payout.id}` });
 */
export async function addJob<Name extends TaskName>(
  tx: Tx,
  task: Name,
  payload: GraphileWorker.Tasks[Name],
  spec: JobSpec<string> = {},
): Promise<void> {
  await tx.query(
    `select graphile_worker.add_job($1, $2::json, queue_name := $3, run_at := $4::timestamptz,
       job_key := $5, max_attempts := coalesce($6::int, 25))`,
    [
      task,
      JSON.stringify(payload),
      spec.queueName ?? null,
      spec.runAt ?? null,
      spec.jobKey ?? null,
      spec.maxAttempts ?? null,
    ],
  );
}

/**
 * The `graphile_worker.add_job(…)` call for set-based statements that queue one job per row: each payload
 * field and option is a SQL expression over the statement's rows.
 *
 * @example
 * `select count(${enqueueSql('payouts.transfer', { payout_id: 'p.id' })}) from due p`
 */
export function enqueueSql<Name extends TaskName>(
  task: Name,
  payload: { [Field in keyof GraphileWorker.Tasks[Name]]: string },
  spec: JobSpec<string> = {},
): string {
  const fields = Object.entries(payload).map(
    ([field, expression]) => `${pg.escapeLiteral(field)}, ${String(expression)}`,
  );
  const options = [
    spec.queueName && `queue_name := ${spec.queueName}`,
    spec.runAt && `run_at := ${spec.runAt}`,
    spec.jobKey && `job_key := ${spec.jobKey}`,
    spec.maxAttempts && `max_attempts := ${spec.maxAttempts}`,
  ].filter(Boolean);
  return `graphile_worker.add_job(${[pg.escapeLiteral(task), `json_build_object(${fields.join(', ')})`, ...options].join(', ')})`;
}

/** Jobs waiting for a worker (not locked), from graphile-worker's public `jobs` view. */
export async function queueDepth(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ depth: number }>(
    'select count(*)::int as depth from graphile_worker.jobs where locked_at is null',
  );
  return rows[0]?.depth ?? 0;
}

/** Jobs waiting for a worker by task, and how long the oldest due one has waited (public `jobs` view). */
export async function queueByTask(
  db: Queryable,
): Promise<{ task: string; depth: number; oldest_seconds: number }[]> {
  const { rows } = await db.query<{ task: string; depth: number; oldest_seconds: number }>(
    `select task_identifier as task, count(*)::int as depth,
            coalesce(extract(epoch from now() - min(run_at) filter (where run_at <= now())), 0)::float8
              as oldest_seconds
       from graphile_worker.jobs where locked_at is null group by task_identifier`,
  );
  return rows;
}
