import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import { given, whereOf } from './packages';
import type { Queryable, Tx } from './pool';

export type ProposalView = components['schemas']['Proposal'];
export type ProposalMessageRow = components['schemas']['ProposalMessage'];
export type ProposalOffer = components['schemas']['ProposalOffer'];
export type Side = components['schemas']['Side'];
export type ProposalStatus = components['schemas']['ProposalStatus'];

/** A thread as stored: what the state machine reads, with the row locked. */
export interface ThreadRow {
  id: string;
  event_id: string;
  package_id: string | null;
  sponsor_id: string;
  organizer_org_id: string;
  sponsor_org_id: string;
  status: ProposalStatus;
  created_by_side: Side;
  last_offer: ProposalOffer | null;
  last_offer_side: Side | null;
}

/**
 * The thread as the API answers it, for the caller on `side` (a constant from code, never from a request).
 * `turn` is the side that may answer the offer on the table; the order id is looked up only once accepted.
 */
const view = (side: Side) => `t.id, t.event_id, e.title as event_title, t.package_id, t.sponsor_id,
  s.name as sponsor_name, s.logo_url as sponsor_logo_url, t.organizer_org_id, t.sponsor_org_id, t.status,
  t.created_by_side, '${side === 'organizer' ? 'organizer' : 'sponsor'}' as your_side,
  case when t.status in ('sent', 'countered') then
    case coalesce(t.last_offer_side, t.created_by_side) when 'organizer' then 'sponsor' else 'organizer' end
  end as turn,
  case when t.last_offer is not null then
    t.last_offer || jsonb_build_object('side', t.last_offer_side, 'message_id', t.last_offer_message_id)
  end as latest_offer,
  t.message_count,
  case when t.status = 'accepted' then (select o.id from sponsorship_orders o where o.proposal_id = t.id) end as order_id,
  t.closed_reason, t.created_at, t.updated_at`;

const from = `proposal_threads t join events e on e.id = t.event_id join sponsors s on s.id = t.sponsor_id`;

export async function insertThread(
  tx: Tx,
  thread: {
    eventId: string;
    packageId: string | null;
    sponsorId: string;
    organizerOrgId: string;
    sponsorOrgId: string;
    side: Side;
  },
): Promise<ThreadRow> {
  const { rows } = await tx.query<ThreadRow>(
    `insert into proposal_threads (event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id, created_by_side)
     values ($1, $2, $3, $4, $5, $6)
     returning id, event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id, status, created_by_side,
       last_offer, last_offer_side`,
    [
      thread.eventId,
      thread.packageId,
      thread.sponsorId,
      thread.organizerOrgId,
      thread.sponsorOrgId,
      thread.side,
    ],
  );
  return rows[0]!;
}

/** Locks the thread for a transition: concurrent transitions of one thread run one after the other. */
export async function lockThread(tx: Tx, id: string): Promise<ThreadRow | undefined> {
  const { rows } = await tx.query<ThreadRow>(
    `select id, event_id, package_id, sponsor_id, organizer_org_id, sponsor_org_id, status, created_by_side,
            last_offer, last_offer_side
       from proposal_threads where id = $1 for update`,
    [id],
  );
  return rows[0];
}

const messageColumns = 'id, thread_id, side, sender_user_id, body, offer, created_at';

/**
 * Adds a message and, in the same statement, keeps the thread's message count, latest offer, status and
 * activity time current (the inbox reads only the thread).
 */
export async function insertMessage(
  tx: Tx,
  message: {
    thread: ThreadRow;
    side: Side;
    userId: string | null;
    body: string;
    offer: ProposalOffer | null;
    status: ProposalStatus;
  },
): Promise<ProposalMessageRow> {
  const { rows } = await tx.query<ProposalMessageRow>(
    `with m as (
       insert into proposal_messages (thread_id, organizer_org_id, sponsor_org_id, side, sender_user_id, body, offer)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${messageColumns}
     ), t as (
       update proposal_threads set message_count = message_count + 1, status = $8, updated_at = now(),
         last_offer = coalesce(m.offer, last_offer),
         last_offer_side = case when m.offer is null then last_offer_side else m.side end,
         last_offer_message_id = case when m.offer is null then last_offer_message_id else m.id end
       from m where proposal_threads.id = m.thread_id
       returning proposal_threads.id
     )
     select m.* from m, (select count(*) from t) as updated`,
    [
      message.thread.id,
      message.thread.organizer_org_id,
      message.thread.sponsor_org_id,
      message.side,
      message.userId,
      message.body,
      message.offer === null ? null : JSON.stringify(message.offer),
      message.status,
    ],
  );
  return rows[0]!;
}

export async function setThreadStatus(
  tx: Tx,
  id: string,
  status: ProposalStatus,
  closedReason: string | null = null,
): Promise<void> {
  await tx.query(
    `update proposal_threads set status = $2, closed_reason = coalesce($3, closed_reason), updated_at = now()
      where id = $1`,
    [id, status, closedReason],
  );
}

export async function findProposalView(
  tx: Queryable,
  id: string,
  side: Side,
): Promise<ProposalView | undefined> {
  const { rows } = await tx.query<ProposalView>(`select ${view(side)} from ${from} where t.id = $1`, [id]);
  return rows[0];
}

export async function listMessages(tx: Queryable, threadId: string): Promise<ProposalMessageRow[]> {
  const { rows } = await tx.query<ProposalMessageRow>(
    `select ${messageColumns} from proposal_messages where thread_id = $1 order by created_at, id`,
    [threadId],
  );
  return rows;
}

export interface InboxFilter {
  orgId: string;
  side?: Side;
  eventId?: string;
  status?: ProposalStatus;
  limit: number;
  after?: Cursor;
}

/**
 * The inbox (guide §8): the threads the org is a party to, most recently active first, one query. Each side is
 * read from its own index (organizer_org_id or sponsor_org_id, updated_at) and the two ordered runs are merged;
 * drafts show only on the side that wrote them. Only the filters given become conditions (see `whereOf`).
 */
export async function listInbox(tx: Queryable, filter: InboxFilter): Promise<ProposalView[]> {
  const sides = (['organizer', 'sponsor'] as const).filter((side) => !filter.side || filter.side === side);
  const where = (side: Side) =>
    whereOf([
      { name: 'org', values: [filter.orgId], sql: (org) => `t.${side}_org_id = ${org}` },
      { name: 'event', values: given(filter.eventId), sql: (id) => `t.event_id = ${id}` },
      { name: 'status', values: given(filter.status), sql: (status) => `t.status = ${status}` },
      {
        name: 'after',
        values: filter.after && [filter.after.value, filter.after.id],
        sql: (at, id) => `(t.updated_at, t.id) < (${at}::timestamptz, ${id}::uuid)`,
      },
    ]);
  const first = where('organizer');
  const limit = `$${first.values.length + 1}`;
  const branches = sides.map(
    (side) => `(select ${view(side)} from ${from}
     where ${where(side).sql} and (t.status <> 'draft' or t.created_by_side = '${side}')
     order by t.updated_at desc, t.id desc limit ${limit})`,
  );
  // Planning this join under row-level security (events, sponsors, orders each bring their policies) costs
  // several times its execution: it is a named statement, whose generic plan the read connections keep.
  const { rows } = await tx.query<ProposalView>({
    name: `proposals.inbox:${sides.join('+')}:${first.key}`,
    text: `select * from (${branches.join(' union all ')}) inbox order by updated_at desc, id desc limit ${limit}`,
    values: [...first.values, filter.limit + 1],
  });
  return rows;
}

/** Expires open threads idle since before `cutoff`; returns how many. */
export async function expireIdleThreads(tx: Tx, cutoff: Date, reason: string): Promise<number> {
  const { rowCount } = await tx.query(
    `update proposal_threads set status = 'expired', closed_reason = $2, updated_at = now()
      where status in ('draft', 'sent', 'countered') and updated_at < $1`,
    [cutoff.toISOString(), reason],
  );
  return rowCount ?? 0;
}
