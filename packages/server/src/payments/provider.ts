import { AppError } from '../errors';

/** A PaymentIntent's status, as Stripe names it. */
export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface PaymentIntentResult {
  id: string;
  status: PaymentIntentStatus;
  /** For the client to finish 3-D Secure (status `requires_action`). */
  clientSecret: string | null;
  /** The charge that paid it (the `source_transaction` of the payout transfer). */
  chargeId: string | null;
  /** Why the last attempt failed (a declined card), if it did. */
  error: string | null;
  declineCode: string | null;
}

/** An inbound Stripe webhook event, verified; `object` is `data.object`. */
export interface PaymentsEvent {
  id: string;
  type: string;
  object: Record<string, unknown>;
}

/**
 * Everything the platform asks of its payment processor (DESIGN §5): separate charges and transfers on Stripe
 * Connect. Every call that moves money takes an idempotency key derived from our own ids, so a retry after a
 * timeout or a crash can never move it twice. `stripe.ts` talks to Stripe; `sandbox.ts` behaves like Stripe's
 * test mode without an account.
 */
export interface PaymentsProvider {
  readonly mode: 'stripe' | 'sandbox';
  /** Charges the sponsor on the platform account (confirmed at once). A declined card is a result, not an error. */
  createPaymentIntent(input: {
    amountCents: number;
    currency: string;
    paymentMethodId: string;
    transferGroup: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<PaymentIntentResult>;
  /** Tries an existing PaymentIntent again with another payment method. */
  confirmPaymentIntent(input: {
    paymentIntentId: string;
    paymentMethodId: string;
    idempotencyKey: string;
  }): Promise<PaymentIntentResult>;
  retrievePaymentIntent(paymentIntentId: string): Promise<PaymentIntentResult>;
  /** Cancels a PaymentIntent that has not succeeded (an order cancelled before it was paid). */
  cancelPaymentIntent(input: {
    paymentIntentId: string;
    idempotencyKey: string;
  }): Promise<PaymentIntentResult>;
  createRefund(input: {
    paymentIntentId: string;
    amountCents: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string; status: string }>;
  createTransfer(input: {
    amountCents: number;
    currency: string;
    destination: string;
    sourceTransaction: string;
    transferGroup: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
  /**
   * The transfer already made for `payoutId` within `transferGroup` (its metadata names the payout), if any: a
   * retry under a new idempotency key looks first, so that it never transfers twice.
   */
  findTransfer(input: { transferGroup: string; payoutId: string }): Promise<{ id: string } | undefined>;
  /**
   * The reversal of `transferId` already made for `payoutReversalId` (its metadata names it), if any: asked before
   * making one, so that an answer lost for longer than Stripe keeps idempotency keys (24 h) never reverses twice.
   */
  findReversal(input: { transferId: string; payoutReversalId: string }): Promise<{ id: string } | undefined>;
  reverseTransfer(input: {
    transferId: string;
    amountCents: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
  createConnectAccount(input: { orgId: string; idempotencyKey: string }): Promise<{ id: string }>;
  createOnboardingLink(input: {
    accountId: string;
    refreshUrl: string;
    returnUrl: string;
  }): Promise<{ url: string; expiresAt: string }>;
  /**
   * Sandbox only: the events Stripe would send by webhook since the last call (a dispute opened by
   * `pm_card_createDispute`, a dispute closed), handed over once each.
   */
  drainEvents?(): PaymentsEvent[];
  /** Sandbox only: closes a dispute as won or lost, as submitting evidence does in Stripe's test mode. */
  closeDispute?(input: { stripeDisputeId: string; outcome: 'won' | 'lost' }): void;
  /**
   * The processor's records of one kind created in `[from, to)`, for reconciliation with the ledger: charges (from
   * the balance transactions), transfers, refunds and disputes. Amounts are positive minor units.
   */
  listRecords(input: { type: ProcessorRecordType; from: Date; to: Date }): Promise<ProcessorRecord[]>;
  /** Verifies the `Stripe-Signature` of a webhook's raw body; throws {@link WebhookSignatureError}. */
  parseWebhook(rawBody: string, signature: string | undefined): PaymentsEvent;
}

export type ProcessorRecordType = 'charge' | 'transfer' | 'refund' | 'dispute';

/** One money movement as the processor records it: `ch_…`, `tr_…`, `re_…` or `dp_…`. */
export interface ProcessorRecord {
  type: ProcessorRecordType;
  id: string;
  amountCents: number;
  /** ISO 4217, upper case. */
  currency: string;
  created: string;
}

/** Stripe could not be reached or failed; nothing was recorded and the same request may be retried. */
export class PaymentsUnavailableError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super({
      code: 'payments_unavailable',
      status: 503,
      title: 'Payment processor unavailable',
      detail: `${detail} Nothing was recorded; retry the request (with the same Idempotency-Key).`,
      headers: { 'retry-after': '5' },
      cause,
    });
  }
}

/** Stripe refused the request itself (an unknown payment method, an account that cannot receive transfers). */
export class PaymentsRejectedError extends AppError {
  constructor(
    detail: string,
    cause?: unknown,
    /** Stripe's error code, e.g. `insufficient_capabilities_for_transfer`. */
    readonly stripeCode: string | null = null,
  ) {
    super({ code: 'payments_rejected', status: 422, title: 'Payment processor refused', detail, cause });
  }
}

/**
 * Stripe's codes for a transfer refused because of the destination account's set-up (not onboarded, transfers
 * capability not active yet): the payout waits for configuration instead of failing.
 */
const CONFIGURATION_CODES = new Set([
  'insufficient_capabilities_for_transfer',
  'account_invalid',
  'account_not_yet_active',
  'transfers_not_allowed',
]);

export const isConfigurationRejection = (error: unknown): error is PaymentsRejectedError =>
  error instanceof PaymentsRejectedError &&
  error.stripeCode !== null &&
  CONFIGURATION_CODES.has(error.stripeCode);

export class WebhookSignatureError extends AppError {
  constructor(detail: string) {
    super({ code: 'invalid_signature', status: 400, title: 'Invalid webhook signature', detail });
  }
}
