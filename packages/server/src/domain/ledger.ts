import {
  type AccountKind,
  accountBalance,
  countOrderTransactions,
  ensureAccount,
  escrowPosition,
  insertLedgerTransaction,
  listLedgerAccounts,
  listLedgerTransactions,
  listOrderTransactions,
  settlePendingTransactions,
  type TransactionKind,
} from '../db/ledger';
import { type Db, type Tx, withSystemAccess } from '../db/pool';
import { readPage } from '../db/reads';
import { type Caller, requireRole } from '../caller';

/** The parts of an order the ledger books against. */
export interface LedgerOrder {
  id: string;
  organizer_org_id: string;
  sponsor_org_id: string;
  currency: string;
}

/** An account by role: the platform's Stripe clearing and fee accounts, an order's escrow, an organizer's payable. */
type AccountRef = 'stripe_clearing' | 'platform_fees' | 'escrow' | 'organizer_payable';

const escrowCode = (orderId: string) => `escrow:${orderId}`;

function accountOf(ref: AccountRef, order: LedgerOrder) {
  const kind: AccountKind = ref;
  switch (ref) {
    case 'escrow':
      return { code: escrowCode(order.id), kind, currency: order.currency, orgId: null, orderId: order.id };
    case 'organizer_payable':
      return {
        code: `organizer_payable:${order.organizer_org_id}:${order.currency}`,
        kind,
        currency: order.currency,
        orgId: order.organizer_org_id,
        orderId: null,
      };
    default:
      return { code: `${ref}:${order.currency}`, kind, currency: order.currency, orgId: null, orderId: null };
  }
}

/**
 * Books one balanced transaction (DESIGN §5): legs with a zero amount are left out, the rest must sum to zero,
 * which the database checks again at commit. Idempotent by `reference`. The ledger is the platform's books, so
 * it is written with system access; each party reads its share through row-level security.
 */
export async function book(
  tx: Tx,
  input: {
    order: LedgerOrder;
    reference: string;
    kind: TransactionKind;
    status?: 'pending' | 'posted';
    description: string;
    legs: [AccountRef, number][];
  },
): Promise<boolean> {
  const legs = input.legs.filter(([, amount]) => amount !== 0);
  const total = legs.reduce((sum, [, amount]) => sum + amount, 0);
  if (total !== 0) throw new Error(`ledger transaction ${input.reference} does not balance (${total})`);
  if (legs.length === 0) return false;
  return withSystemAccess(tx, async () => {
    const entries = [];
    for (const [ref, amountCents] of legs) {
      entries.push({
        accountId: await ensureAccount(tx, accountOf(ref, input.order)),
        amountCents,
        currency: input.order.currency,
      });
    }
    return insertLedgerTransaction(tx, {
      reference: input.reference,
      kind: input.kind,
      status: input.status ?? 'posted',
      orderId: input.order.id,
      organizerOrgId: input.order.organizer_org_id,
      sponsorOrgId: input.order.sponsor_org_id,
      description: input.description,
      entries,
    });
  });
}

/** Funding: the charge arrives from Stripe and is held in the order's escrow. */
export function bookFunding(tx: Tx, order: LedgerOrder & { amount_cents: number }) {
  return book(tx, {
    order,
    reference: `order:${order.id}:fund`,
    kind: 'fund',
    description: 'Sponsor payment held in escrow',
    legs: [
      ['stripe_clearing', -order.amount_cents],
      ['escrow', order.amount_cents],
    ],
  });
}

/**
 * The lock books, as *pending*, what release will move: escrow → organizer payable + platform fee. A re-lock after
 * a partial refund gets a new reference, numbered by the order's earlier locks.
 */
export async function bookLock(tx: Tx, order: LedgerOrder, amounts: { netCents: number; feeCents: number }) {
  const earlier = await withSystemAccess(tx, () => countOrderTransactions(tx, order.id, 'lock'));
  return book(tx, {
    order,
    reference: earlier === 0 ? `order:${order.id}:lock` : `order:${order.id}:lock:${earlier + 1}`,
    kind: 'lock',
    status: 'pending',
    description: 'Escrow locked for release to the organizer, less the platform fee',
    legs: [
      ['escrow', -amounts.netCents],
      ['organizer_payable', amounts.netCents - amounts.feeCents],
      ['platform_fees', amounts.feeCents],
    ],
  });
}

/** Release posts the pending lock; cancellation (or a refund that changes the amount) voids it. */
export function settleLock(tx: Tx, orderId: string, to: 'posted' | 'voided') {
  return withSystemAccess(tx, () => settlePendingTransactions(tx, orderId, 'lock', to));
}

/**
 * A refund to the sponsor: before release out of escrow; after release out of a transfer reversal (booked back
 * into the organizer's payable first) and, for the part the organizer never received, the platform's fees.
 */
export async function bookRefund(
  tx: Tx,
  order: LedgerOrder,
  refund: { seq: number; amountCents: number; reversalCents: number; fromEscrow: number },
) {
  if (refund.reversalCents > 0)
    await book(tx, {
      order,
      reference: `order:${order.id}:reversal:${refund.seq}`,
      kind: 'reversal',
      description: "Transfer reversed from the organizer's connected account",
      legs: [
        ['stripe_clearing', -refund.reversalCents],
        ['organizer_payable', refund.reversalCents],
      ],
    });
  await book(tx, {
    order,
    reference: `order:${order.id}:refund:${refund.seq}`,
    kind: 'refund',
    description: 'Refund to the sponsor',
    legs: [
      ['escrow', -refund.fromEscrow],
      ['organizer_payable', -refund.reversalCents],
      ['platform_fees', -(refund.amountCents - refund.fromEscrow - refund.reversalCents)],
      ['stripe_clearing', refund.amountCents],
    ],
  });
}

/** A cancellation penalty kept for the organizer (less the platform fee), straight out of escrow. */
export function bookPenalty(tx: Tx, order: LedgerOrder, amounts: { penaltyCents: number; feeCents: number }) {
  return book(tx, {
    order,
    reference: `order:${order.id}:penalty`,
    kind: 'penalty',
    description: 'Cancellation penalty kept for the organizer',
    legs: [
      ['escrow', -amounts.penaltyCents],
      ['organizer_payable', amounts.penaltyCents - amounts.feeCents],
      ['platform_fees', amounts.feeCents],
    ],
  });
}

/**
 * A lost dispute: the bank took `lostCents` back and Stripe charged its dispute fee, both out of the platform's
 * Stripe balance. The loss comes out of what the order still holds: its escrow, then the organizer's payable (an
 * untransferred payout, or a transfer being reversed — booked by {@link bookDisputeReversal}), and the platform's
 * fee for the rest; the dispute fee is the platform's.
 */
export function bookDisputeLoss(
  tx: Tx,
  order: LedgerOrder,
  loss: { disputeId: string; lostCents: number; feeCents: number; fromEscrow: number; fromPayable: number },
) {
  return book(tx, {
    order,
    reference: `dispute:${loss.disputeId}:lost`,
    kind: 'dispute',
    description: "Dispute lost: the sponsor's bank took the charge back, with Stripe's dispute fee",
    legs: [
      ['escrow', -loss.fromEscrow],
      ['organizer_payable', -loss.fromPayable],
      ['platform_fees', -(loss.lostCents - loss.fromEscrow - loss.fromPayable) - loss.feeCents],
      ['stripe_clearing', loss.lostCents + loss.feeCents],
    ],
  });
}

/** One transfer reversal that recovers a lost dispute from the organizer's connected account (of one payout). */
export function bookDisputeReversal(
  tx: Tx,
  order: LedgerOrder,
  reversal: { payoutId: string; reversalId: string; cents: number },
) {
  return book(tx, {
    order,
    reference: `payout:${reversal.payoutId}:reversal:${reversal.reversalId}`,
    kind: 'reversal',
    description: "Transfer reversed from the organizer's connected account to cover a lost dispute",
    legs: [
      ['stripe_clearing', -reversal.cents],
      ['organizer_payable', reversal.cents],
    ],
  });
}

/** The payout transfer leaves the organizer's payable for its connected account. */
export function bookTransfer(tx: Tx, order: LedgerOrder, payout: { id: string; amountCents: number }) {
  return book(tx, {
    order,
    reference: `payout:${payout.id}:transfer`,
    kind: 'transfer',
    description: "Transfer to the organizer's connected account",
    legs: [
      ['organizer_payable', -payout.amountCents],
      ['stripe_clearing', payout.amountCents],
    ],
  });
}

/** What the order's escrow still holds and what it released (to the organizer, with the platform fee). */
export const orderEscrowPosition = (tx: Tx, orderId: string) => escrowPosition(tx, escrowCode(orderId));

/** An order's ledger as its detail shows it. Reads through the caller's row-level security. */
export async function orderLedgerSummary(tx: Tx, orderId: string) {
  const escrow = await accountBalance(tx, escrowCode(orderId));
  return {
    escrow_balance_cents: escrow.balance_cents,
    pending_release_cents: -escrow.pending_cents,
    ...(await orderEscrowPosition(tx, orderId)),
    transactions: await listOrderTransactions(tx, orderId),
  };
}

/**
 * A milestone of a `per_deliverable` order: its share leaves escrow at once, posted, for the organizer's payable
 * and the platform fee. Once per deliverable.
 */
export function bookMilestone(
  tx: Tx,
  order: LedgerOrder,
  milestone: { deliverableId: string; grossCents: number; feeCents: number },
) {
  return book(tx, {
    order,
    reference: `deliverable:${milestone.deliverableId}:release`,
    kind: 'release',
    description: "A milestone's share released to the organizer, less the platform fee",
    legs: [
      ['escrow', -milestone.grossCents],
      ['organizer_payable', milestone.grossCents - milestone.feeCents],
      ['platform_fees', milestone.feeCents],
    ],
  });
}

export function listAccountsPage(
  db: Db,
  caller: Caller,
  query: { kind?: string; currency?: string; limit?: number; starting_after?: string },
) {
  requireRole(caller, 'admin', 'read the ledger');
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listLedgerAccounts(tx, { kind: query.kind, currency: query.currency, ...page }),
    (row) => row.code,
  );
}

export function listTransactionsPage(
  db: Db,
  caller: Caller,
  query: { order_id?: string; kind?: string; status?: string; limit?: number; starting_after?: string },
) {
  requireRole(caller, 'admin', 'read the ledger');
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) =>
      listLedgerTransactions(tx, {
        orderId: query.order_id,
        kind: query.kind,
        status: query.status,
        ...page,
      }),
    (row) => row.created_at,
  );
}
