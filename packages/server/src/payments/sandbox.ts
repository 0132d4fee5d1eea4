import { randomBytes } from 'node:crypto';
import {
  type PaymentIntentResult,
  type PaymentIntentStatus,
  type PaymentsEvent,
  PaymentsRejectedError,
  type PaymentsProvider,
  type ProcessorRecord,
} from './provider';
import { offlineStripe, verifyStripeWebhook } from './stripe';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id shaped like Stripe's: a prefix and 24 letters or digits (`pi_3Pq…`). */
function stripeId(prefix: string): string {
  const bytes = randomBytes(24);
  return `${prefix}_${Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}

type Outcome = { status: PaymentIntentStatus; error: string | null; declineCode: string | null };

/** Stripe's test payment methods (https://docs.stripe.com/testing), by what they do when confirmed. */
function outcomeOf(paymentMethodId: string): Outcome {
  switch (paymentMethodId) {
    case 'pm_card_visa':
    case 'pm_card_visa_debit':
    case 'pm_card_mastercard':
    case 'pm_card_amex':
    case 'pm_card_us':
    case 'pm_card_createDispute':
      return { status: 'succeeded', error: null, declineCode: null };
    case 'pm_card_chargeDeclined':
    case 'pm_card_visa_chargeDeclined':
      return {
        status: 'requires_payment_method',
        error: 'Your card was declined.',
        declineCode: 'generic_decline',
      };
    case 'pm_card_chargeDeclinedInsufficientFunds':
    case 'pm_card_visa_chargeDeclinedInsufficientFunds':
      return {
        status: 'requires_payment_method',
        error: 'Your card has insufficient funds.',
        declineCode: 'insufficient_funds',
      };
    case 'pm_card_authenticationRequired':
    case 'pm_card_threeDSecure2Required':
    case 'pm_card_authenticationRequiredOnSetup':
      return { status: 'requires_action', error: null, declineCode: null };
    default:
      throw new PaymentsRejectedError(
        `No such PaymentMethod: '${paymentMethodId}'. The sandbox knows Stripe's test methods, e.g. pm_card_visa, pm_card_chargeDeclined, pm_card_authenticationRequired.`,
      );
  }
}

interface SandboxIntent extends PaymentIntentResult {
  amountCents: number;
  currency: string;
}

/** Stripe's dispute fee in test mode (15.00 in the charge's currency), taken when the dispute opens. */
const DISPUTE_FEE_CENTS = 1500;
const EVIDENCE_DAYS = 7;

/**
 * Stripe's test mode without a Stripe account (DESIGN §5): the same answers for Stripe's test payment methods,
 * Stripe-shaped ids, and idempotency keys honoured as Stripe does (same key → same result). State lives in this
 * process; it is for `dev`, demos and tests.
 */
export function createSandboxProvider(options: { webhookSecret?: string } = {}): PaymentsProvider {
  const intents = new Map<string, SandboxIntent>();
  const byKey = new Map<string, unknown>();
  // What Stripe's lists would answer, for reconciliation: every charge, transfer, refund and dispute made here.
  const records: ProcessorRecord[] = [];
  const record = (type: ProcessorRecord['type'], id: string, amountCents: number, currency: string) =>
    records.push({
      type,
      id,
      amountCents,
      currency: currency.toUpperCase(),
      created: new Date().toISOString(),
    });
  const transfersByPayout = new Map<string, string>();
  // What each transfer made here has left to reverse: Stripe refuses to reverse more.
  const unreversed = new Map<string, number>();
  const reversalsByPayoutReversal = new Map<string, string>();
  const disputes = new Map<string, Record<string, unknown>>();
  let events: PaymentsEvent[] = [];
  const stripe = offlineStripe();
  const send = (type: string, object: Record<string, unknown>) =>
    events.push({ id: stripeId('evt'), type, object: structuredClone(object) });

  async function once<T>(key: string, make: () => T): Promise<T> {
    await Promise.resolve();
    if (!byKey.has(key)) byKey.set(key, make());
    return byKey.get(key) as T;
  }
  const view = (intent: SandboxIntent): PaymentIntentResult => ({
    id: intent.id,
    status: intent.status,
    clientSecret: intent.status === 'requires_action' ? intent.clientSecret : null,
    chargeId: intent.chargeId,
    error: intent.error,
    declineCode: intent.declineCode,
  });
  function confirm(intent: SandboxIntent, paymentMethodId: string): SandboxIntent {
    const outcome = outcomeOf(paymentMethodId);
    Object.assign(intent, outcome, {
      chargeId: outcome.status === 'succeeded' ? stripeId('ch') : intent.chargeId,
    });
    if (outcome.status === 'succeeded' && intent.chargeId)
      record('charge', intent.chargeId, intent.amountCents, intent.currency);
    // Stripe's test card for disputes: the charge succeeds, then the cardholder's bank disputes all of it.
    if (paymentMethodId === 'pm_card_createDispute') {
      const dispute = {
        id: stripeId('dp'),
        object: 'dispute',
        charge: intent.chargeId,
        payment_intent: intent.id,
        amount: intent.amountCents,
        currency: intent.currency.toLowerCase(),
        reason: 'fraudulent',
        status: 'needs_response',
        evidence_details: { due_by: Math.floor(Date.now() / 1000) + EVIDENCE_DAYS * 86_400 },
        balance_transactions: [{ amount: -intent.amountCents, fee: DISPUTE_FEE_CENTS }],
      };
      disputes.set(dispute.id, dispute);
      record('dispute', dispute.id, dispute.amount, dispute.currency);
      send('charge.dispute.created', dispute);
    }
    return intent;
  }

  return {
    mode: 'sandbox',
    createPaymentIntent: (input) =>
      once(input.idempotencyKey, () => {
        const id = stripeId('pi');
        const intent: SandboxIntent = {
          id,
          status: 'requires_confirmation',
          clientSecret: `${id}_secret_${stripeId('').slice(1)}`,
          chargeId: null,
          error: null,
          declineCode: null,
          amountCents: input.amountCents,
          currency: input.currency,
        };
        intents.set(id, confirm(intent, input.paymentMethodId));
        return view(intent);
      }),
    confirmPaymentIntent: (input) =>
      once(input.idempotencyKey, () => {
        const intent = intents.get(input.paymentIntentId);
        if (!intent) throw new PaymentsRejectedError(`No such payment_intent: '${input.paymentIntentId}'.`);
        return view(confirm(intent, input.paymentMethodId));
      }),
    retrievePaymentIntent: async (id) => {
      await Promise.resolve();
      const intent = intents.get(id);
      if (!intent) throw new PaymentsRejectedError(`No such payment_intent: '${id}'.`);
      return view(intent);
    },
    cancelPaymentIntent: (input) =>
      once(input.idempotencyKey, () => {
        const intent = intents.get(input.paymentIntentId);
        if (!intent) throw new PaymentsRejectedError(`No such payment_intent: '${input.paymentIntentId}'.`);
        if (intent.status === 'succeeded')
          throw new PaymentsRejectedError(
            `You cannot cancel this PaymentIntent because it has a status of succeeded.`,
          );
        intent.status = 'canceled';
        return view(intent);
      }),
    createRefund: (input) =>
      once(input.idempotencyKey, () => {
        const id = stripeId('re');
        record('refund', id, input.amountCents, intents.get(input.paymentIntentId)?.currency ?? 'USD');
        return { id, status: 'succeeded' };
      }),
    createTransfer: (input) =>
      once(input.idempotencyKey, () => {
        const id = stripeId('tr');
        record('transfer', id, input.amountCents, input.currency);
        unreversed.set(id, input.amountCents);
        if (input.metadata.payout_id) transfersByPayout.set(input.metadata.payout_id, id);
        return { id };
      }),
    findTransfer: async (input) => {
      await Promise.resolve();
      const id = transfersByPayout.get(input.payoutId);
      return id ? { id } : undefined;
    },
    reverseTransfer: (input) =>
      once(input.idempotencyKey, () => {
        const left = unreversed.get(input.transferId);
        if (left !== undefined && input.amountCents > left)
          throw new PaymentsRejectedError(
            `Stripe refused to reverse the transfer: only ${left} cents of transfer ${input.transferId} remain unreversed (asked for ${input.amountCents}).`,
            undefined,
            'transfer_reversal_amount_too_large',
          );
        if (left !== undefined) unreversed.set(input.transferId, left - input.amountCents);
        const id = stripeId('trr');
        if (input.metadata.payout_reversal_id)
          reversalsByPayoutReversal.set(input.metadata.payout_reversal_id, id);
        return { id };
      }),
    findReversal: async (input) => {
      await Promise.resolve();
      const id = reversalsByPayoutReversal.get(input.payoutReversalId);
      return id ? { id } : undefined;
    },
    createConnectAccount: (input) => once(input.idempotencyKey, () => ({ id: stripeId('acct') })),
    createOnboardingLink: async (input) => {
      await Promise.resolve();
      return {
        url: `https://connect.stripe.com/setup/s/sandbox/${input.accountId}`,
        expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      };
    },
    drainEvents: () => {
      const drained = events;
      events = [];
      return drained;
    },
    closeDispute: (input) => {
      const dispute = disputes.get(input.stripeDisputeId);
      if (!dispute) throw new PaymentsRejectedError(`No such dispute: '${input.stripeDisputeId}'.`);
      if (dispute.status === 'won' || dispute.status === 'lost') return;
      dispute.status = input.outcome;
      // Won: Stripe gives the disputed amount and the fee back (a second balance transaction).
      if (input.outcome === 'won')
        dispute.balance_transactions = [
          ...(dispute.balance_transactions as unknown[]),
          { amount: dispute.amount, fee: -DISPUTE_FEE_CENTS },
        ];
      send('charge.dispute.closed', dispute);
    },
    listRecords: async ({ type, from, to }) => {
      await Promise.resolve();
      return records.filter(
        (entry) =>
          entry.type === type && entry.created >= from.toISOString() && entry.created < to.toISOString(),
      );
    },
    parseWebhook: (rawBody, signature) =>
      verifyStripeWebhook(stripe, rawBody, signature, options.webhookSecret),
  };
}
