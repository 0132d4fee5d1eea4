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
  /** Verifies the `Stripe-Signature` of a webhook's raw body; throws {@link WebhookSignatureError}. */
  parseWebhook(rawBody: string, signature: string | undefined): PaymentsEvent;
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
  constructor(detail: string, cause?: unknown) {
    super({ code: 'payments_rejected', status: 422, title: 'Payment processor refused', detail, cause });
  }
}

export class WebhookSignatureError extends AppError {
  constructor(detail: string) {
    super({ code: 'invalid_signature', status: 400, title: 'Invalid webhook signature', detail });
  }
}
