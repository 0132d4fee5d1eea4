import { randomBytes } from 'node:crypto';
import {
  type PaymentIntentResult,
  type PaymentIntentStatus,
  PaymentsRejectedError,
  type PaymentsProvider,
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
}

/**
 * Stripe's test mode without a Stripe account (DESIGN §5): the same answers for Stripe's test payment methods,
 * Stripe-shaped ids, and idempotency keys honoured as Stripe does (same key → same result). State lives in this
 * process; it is for `dev`, demos and tests.
 */
export function createSandboxProvider(options: { webhookSecret?: string } = {}): PaymentsProvider {
  const intents = new Map<string, SandboxIntent>();
  const byKey = new Map<string, unknown>();
  const stripe = offlineStripe();

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
    createRefund: (input) => once(input.idempotencyKey, () => ({ id: stripeId('re'), status: 'succeeded' })),
    createTransfer: (input) => once(input.idempotencyKey, () => ({ id: stripeId('tr') })),
    reverseTransfer: (input) => once(input.idempotencyKey, () => ({ id: stripeId('trr') })),
    createConnectAccount: (input) => once(input.idempotencyKey, () => ({ id: stripeId('acct') })),
    createOnboardingLink: async (input) => {
      await Promise.resolve();
      return {
        url: `https://connect.stripe.com/setup/s/sandbox/${input.accountId}`,
        expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      };
    },
    parseWebhook: (rawBody, signature) =>
      verifyStripeWebhook(stripe, rawBody, signature, options.webhookSecret),
  };
}
