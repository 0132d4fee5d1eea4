import Stripe from 'stripe';
import {
  type PaymentIntentResult,
  type PaymentIntentStatus,
  type PaymentsEvent,
  type ProcessorRecord,
  PaymentsRejectedError,
  type PaymentsProvider,
  PaymentsUnavailableError,
  WebhookSignatureError,
} from './provider';

const statuses: readonly PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
];

function toResult(intent: Stripe.PaymentIntent, error?: Stripe.errors.StripeError): PaymentIntentResult {
  const charge = intent.latest_charge;
  const lastError = intent.last_payment_error;
  // A status newer than this code knows is treated as "not settled yet"; reconciliation looks again later.
  const status = statuses.find((known) => known === intent.status) ?? 'processing';
  return {
    id: intent.id,
    status,
    clientSecret: status === 'requires_action' ? intent.client_secret : null,
    chargeId: typeof charge === 'string' ? charge : (charge?.id ?? null),
    error: error?.message ?? lastError?.message ?? null,
    declineCode:
      (error instanceof Stripe.errors.StripeCardError ? error.decline_code : undefined) ??
      lastError?.decline_code ??
      lastError?.code ??
      null,
  };
}

/** Card declines come back as the PaymentIntent; a refusal becomes 422, anything else "try again". */
function translate(error: unknown, what: string): never {
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripePermissionError ||
    error instanceof Stripe.errors.StripeCardError
  )
    throw new PaymentsRejectedError(`Stripe refused to ${what}: ${error.message}`, error, error.code ?? null);
  const message = error instanceof Error ? error.message : String(error);
  throw new PaymentsUnavailableError(`Stripe could not ${what} (${message}).`, error);
}

async function paymentCall(
  call: () => Promise<Stripe.PaymentIntent>,
  what: string,
): Promise<PaymentIntentResult> {
  try {
    return toResult(await call());
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError && error.payment_intent)
      return toResult(error.payment_intent, error);
    translate(error, what);
  }
}

/** Verifies a Stripe webhook with Stripe's own code (raw body, `Stripe-Signature`, the endpoint's secret). */
export function verifyStripeWebhook(
  stripe: Stripe,
  rawBody: string,
  signature: string | undefined,
  secret: string | undefined,
): PaymentsEvent {
  if (!secret)
    throw new WebhookSignatureError(
      'STRIPE_WEBHOOK_SECRET is not configured, so no Stripe webhook can be verified.',
    );
  if (!signature) throw new WebhookSignatureError('The request has no Stripe-Signature header.');
  try {
    const event = stripe.webhooks.constructEvent(rawBody, signature, secret);
    return {
      id: event.id,
      type: event.type,
      object: event.data.object as unknown as Record<string, unknown>,
    };
  } catch (error) {
    throw new WebhookSignatureError(
      `The Stripe signature does not match: ${(error as Error).message} Verify the exact raw body with the endpoint's whsec_ secret.`,
    );
  }
}

/** The payments provider over the real `stripe` SDK (the only importer of `stripe`). */
export function createStripeProvider(options: {
  secretKey: string;
  webhookSecret?: string;
  timeoutMs?: number;
  maxNetworkRetries?: number;
}): PaymentsProvider {
  const stripe = new Stripe(options.secretKey, {
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    appInfo: { name: 'yardpass-server' },
  });
  return {
    mode: 'stripe',
    createPaymentIntent: (input) =>
      paymentCall(
        () =>
          stripe.paymentIntents.create(
            {
              amount: input.amountCents,
              currency: input.currency.toLowerCase(),
              payment_method: input.paymentMethodId,
              automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
              confirm: true,
              transfer_group: input.transferGroup,
              metadata: input.metadata,
            },
            { idempotencyKey: input.idempotencyKey },
          ),
        'create the payment',
      ),
    confirmPaymentIntent: (input) =>
      paymentCall(
        () =>
          stripe.paymentIntents.confirm(
            input.paymentIntentId,
            { payment_method: input.paymentMethodId },
            { idempotencyKey: input.idempotencyKey },
          ),
        'confirm the payment',
      ),
    retrievePaymentIntent: (id) => paymentCall(() => stripe.paymentIntents.retrieve(id), 'read the payment'),
    cancelPaymentIntent: (input) =>
      paymentCall(
        () =>
          stripe.paymentIntents.cancel(
            input.paymentIntentId,
            { cancellation_reason: 'abandoned' },
            { idempotencyKey: input.idempotencyKey },
          ),
        'cancel the payment',
      ),
    async createRefund(input) {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: input.paymentIntentId, amount: input.amountCents, metadata: input.metadata },
          { idempotencyKey: input.idempotencyKey },
        );
        return { id: refund.id, status: refund.status ?? 'pending' };
      } catch (error) {
        translate(error, 'refund');
      }
    },
    async createTransfer(input) {
      try {
        const transfer = await stripe.transfers.create(
          {
            amount: input.amountCents,
            currency: input.currency.toLowerCase(),
            destination: input.destination,
            source_transaction: input.sourceTransaction,
            transfer_group: input.transferGroup,
            metadata: input.metadata,
          },
          { idempotencyKey: input.idempotencyKey },
        );
        return { id: transfer.id };
      } catch (error) {
        translate(error, 'transfer to the organizer');
      }
    },
    async findTransfer(input) {
      try {
        for await (const transfer of stripe.transfers.list({
          transfer_group: input.transferGroup,
          limit: 100,
        }))
          if (transfer.metadata?.payout_id === input.payoutId) return { id: transfer.id };
        return undefined;
      } catch (error) {
        translate(error, 'list the transfers of the order');
      }
    },
    async findReversal(input) {
      try {
        for await (const reversal of stripe.transfers.listReversals(input.transferId, { limit: 100 }))
          if (reversal.metadata?.payout_reversal_id === input.payoutReversalId) return { id: reversal.id };
        return undefined;
      } catch (error) {
        translate(error, 'list the reversals of the transfer');
      }
    },
    async reverseTransfer(input) {
      try {
        const reversal = await stripe.transfers.createReversal(
          input.transferId,
          { amount: input.amountCents, metadata: input.metadata },
          { idempotencyKey: input.idempotencyKey },
        );
        return { id: reversal.id };
      } catch (error) {
        translate(error, 'reverse the transfer');
      }
    },
    async createConnectAccount(input) {
      try {
        const account = await stripe.accounts.create(
          { type: 'express', metadata: { org_id: input.orgId } },
          { idempotencyKey: input.idempotencyKey },
        );
        return { id: account.id };
      } catch (error) {
        translate(error, 'create a connected account');
      }
    },
    async createOnboardingLink(input) {
      try {
        const link = await stripe.accountLinks.create({
          account: input.accountId,
          refresh_url: input.refreshUrl,
          return_url: input.returnUrl,
          type: 'account_onboarding',
        });
        return { url: link.url, expiresAt: new Date(link.expires_at * 1000).toISOString() };
      } catch (error) {
        translate(error, 'create an onboarding link');
      }
    },
    async listRecords({ type, from, to }) {
      const created = { gte: Math.floor(from.getTime() / 1000), lt: Math.floor(to.getTime() / 1000) };
      const record = (id: string, amount: number, currency: string, at: number): ProcessorRecord => ({
        type,
        id,
        amountCents: Math.abs(amount),
        currency: currency.toUpperCase(),
        created: new Date(at * 1000).toISOString(),
      });
      const records: ProcessorRecord[] = [];
      try {
        switch (type) {
          // A charge's gross amount is on its balance transaction; `source` is the charge.
          case 'charge':
            for await (const bt of stripe.balanceTransactions.list({ type: 'charge', created, limit: 100 })) {
              const source = typeof bt.source === 'string' ? bt.source : bt.source?.id;
              if (source) records.push(record(source, bt.amount, bt.currency, bt.created));
            }
            break;
          case 'transfer':
            for await (const t of stripe.transfers.list({ created, limit: 100 }))
              records.push(record(t.id, t.amount, t.currency, t.created));
            break;
          case 'refund':
            for await (const r of stripe.refunds.list({ created, limit: 100 }))
              records.push(record(r.id, r.amount, r.currency, r.created));
            break;
          case 'dispute':
            for await (const d of stripe.disputes.list({ created, limit: 100 }))
              records.push(record(d.id, d.amount, d.currency, d.created));
            break;
        }
      } catch (error) {
        translate(error, `list the ${type}s for reconciliation`);
      }
      return records;
    },
    parseWebhook: (rawBody, signature) =>
      verifyStripeWebhook(stripe, rawBody, signature, options.webhookSecret),
  };
}

/** A Stripe client that never calls the API: the sandbox verifies webhooks with Stripe's own code. */
export function offlineStripe(): Stripe {
  return new Stripe('sk_test_offline', { maxNetworkRetries: 0 });
}
