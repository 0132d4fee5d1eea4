import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import Stripe from 'stripe';
import { api, type TestServer } from '../../../test/server';

/** One request Stripe received: method, path, idempotency key and the form body, decoded. */
export interface StripeCall {
  method: string;
  path: string;
  key: string | null;
  body: Record<string, string>;
}

/** Scripted trouble for the next POST to a path: a 500, a slow answer the client times out on, or a refusal. */
export type Trouble =
  | { path: string; kind: '500' }
  | { path: string; kind: 'timeout' }
  | { path: string; kind: 'refuse'; code: string; message: string };

/**
 * A small Stripe for msw: answers like Stripe's API (PaymentIntents, refunds, transfers and reversals, Connect
 * accounts) and honours idempotency keys as Stripe does (same key → the stored answer). `hold` keeps answers back
 * until released, to test what the server does while Stripe is slow.
 */
export function createFakeStripe() {
  const state = {
    calls: [] as StripeCall[],
    trouble: [] as Trouble[],
    intents: new Map<string, Record<string, unknown>>(),
    transfers: [] as Record<string, unknown>[],
    reversals: [] as Record<string, unknown>[],
    /**
     * What each connected account holds (`acct_…` → cents): its transfers, less their reversals and what a test
     * says it paid out to its bank. A reversal larger than this is refused, as Stripe does (`balance_insufficient`).
     */
    balances: new Map<string, number>(),
    /** While set, every POST waits for this promise before answering (see `hold`). */
    hold: undefined as Promise<void> | undefined,
  };
  let release = () => {};
  const replies = new Map<string, { status: number; body: unknown }>();
  let seq = 0;
  const id = (prefix: string) => `${prefix}_${String(++seq).padStart(24, '0')}`;

  function intentFor(body: Record<string, string>, paymentMethod: string, intentId = id('pi')) {
    const declined = paymentMethod === 'pm_card_chargeDeclined';
    const action = paymentMethod === 'pm_card_authenticationRequired';
    const status = declined ? 'requires_payment_method' : action ? 'requires_action' : 'succeeded';
    const intent = {
      id: intentId,
      object: 'payment_intent',
      amount: Number(body.amount ?? state.intents.get(intentId)?.amount),
      currency: body.currency ?? state.intents.get(intentId)?.currency,
      status,
      client_secret: `${intentId}_secret_abc`,
      latest_charge: status === 'succeeded' ? id('ch') : null,
      last_payment_error: declined
        ? {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
          }
        : null,
      metadata: state.intents.get(intentId)?.metadata ?? { order_id: body['metadata[order_id]'] },
      transfer_group: body.transfer_group ?? null,
    };
    state.intents.set(intentId, intent);
    if (declined)
      return {
        status: 402,
        body: {
          error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
            payment_intent: intent,
          },
        },
      };
    return { status: 200, body: intent };
  }

  function route(
    method: 'post' | 'get',
    path: string,
    answer: (
      body: Record<string, string>,
      params: Record<string, string>,
    ) => { status: number; body: unknown },
  ) {
    return http[method](`https://api.stripe.com${path}`, async ({ request, params }) => {
      const url = new URL(request.url);
      const body = Object.fromEntries(
        new URLSearchParams(method === 'post' ? await request.text() : url.search),
      );
      const key = request.headers.get('idempotency-key');
      state.calls.push({
        method: request.method,
        path: url.pathname,
        key: method === 'post' ? key : null,
        body,
      });
      if (method === 'post' && state.hold) await state.hold;
      const cacheKey = key && method === 'post' ? `${url.pathname}:${key}` : undefined;
      const stored = cacheKey && replies.get(cacheKey);
      const scripted =
        stored || method !== 'post' ? -1 : state.trouble.findIndex((t) => url.pathname === t.path);
      let reply: { status: number; body: unknown } | undefined = stored || undefined;
      if (scripted >= 0) {
        const t = state.trouble.splice(scripted, 1)[0]!;
        if (t.kind === 'timeout') await delay(2_000);
        else if (t.kind === '500')
          return HttpResponse.json(
            { error: { type: 'api_error', message: 'Something went wrong on Stripe.' } },
            { status: 500 },
          );
        else
          reply = {
            status: 400,
            body: { error: { type: 'invalid_request_error', code: t.code, message: t.message } },
          };
      }
      reply ??= answer(body, params as Record<string, string>);
      if (cacheKey) replies.set(cacheKey, reply);
      return HttpResponse.json(reply.body as Record<string, unknown>, {
        status: reply.status,
        headers: { 'request-id': `req_${seq}`, ...(cacheKey ? { 'idempotency-key': key! } : {}) },
      });
    });
  }

  const server = setupServer(
    route('post', '/v1/payment_intents', (body) => intentFor(body, body.payment_method!)),
    route('post', '/v1/payment_intents/:id/confirm', (body, params) =>
      intentFor(body, body.payment_method!, params.id),
    ),
    route('get', '/v1/payment_intents/:id', (_body, params) => ({
      status: 200,
      body: state.intents.get(params.id!),
    })),
    route('post', '/v1/payment_intents/:id/cancel', (_body, params) => {
      const intent = state.intents.get(params.id!)!;
      if (intent.status === 'succeeded')
        return {
          status: 400,
          body: {
            error: {
              type: 'invalid_request_error',
              code: 'payment_intent_unexpected_state',
              message: 'You cannot cancel this PaymentIntent because it has a status of succeeded.',
            },
          },
        };
      state.intents.set(params.id!, { ...intent, status: 'canceled' });
      return { status: 200, body: state.intents.get(params.id!) };
    }),
    route('post', '/v1/transfers', (body) => {
      const transfer = {
        id: id('tr'),
        object: 'transfer',
        amount: Number(body.amount),
        destination: body.destination,
        transfer_group: body.transfer_group,
        metadata: { order_id: body['metadata[order_id]'], payout_id: body['metadata[payout_id]'] },
        amount_reversed: 0,
      };
      state.transfers.push(transfer);
      state.balances.set(
        transfer.destination!,
        (state.balances.get(transfer.destination!) ?? 0) + transfer.amount,
      );
      return { status: 200, body: transfer };
    }),
    route('get', '/v1/transfers', (query) => ({
      status: 200,
      body: {
        object: 'list',
        url: '/v1/transfers',
        has_more: false,
        data: state.transfers.filter((t) => t.transfer_group === query.transfer_group),
      },
    })),
    route('post', '/v1/transfers/:id/reversals', (body, params) => {
      const amount = Number(body.amount);
      const transfer = state.transfers.find((t) => t.id === params.id);
      if (transfer) {
        const account = String(transfer.destination);
        const balance = state.balances.get(account) ?? 0;
        if (amount > balance)
          return {
            status: 400,
            body: {
              error: {
                type: 'invalid_request_error',
                code: 'balance_insufficient',
                message: `Insufficient funds in the connected account ${account} to reverse ${amount} of transfer ${params.id} (it holds ${balance}).`,
              },
            },
          };
        state.balances.set(account, balance - amount);
        transfer.amount_reversed = Number(transfer.amount_reversed) + amount;
      }
      const reversal = {
        id: id('trr'),
        object: 'transfer_reversal',
        amount,
        transfer: params.id,
        metadata: { payout_reversal_id: body['metadata[payout_reversal_id]'] },
      };
      state.reversals.push(reversal);
      return { status: 200, body: reversal };
    }),
    route('get', '/v1/transfers/:id/reversals', (_query, params) => ({
      status: 200,
      body: {
        object: 'list',
        url: `/v1/transfers/${params.id}/reversals`,
        has_more: false,
        data: state.reversals.filter((r) => r.transfer === params.id),
      },
    })),
    route('post', '/v1/refunds', (body) => ({
      status: 200,
      body: { id: id('re'), object: 'refund', amount: Number(body.amount), status: 'succeeded' },
    })),
    route('post', '/v1/accounts', () => ({
      status: 200,
      body: { id: 'acct_1NewExpressAcct', object: 'account' },
    })),
    route('post', '/v1/account_links', () => ({
      status: 200,
      body: {
        object: 'account_link',
        url: 'https://connect.stripe.com/setup/e/acct_1NewExpressAcct/abc',
        expires_at: 1_900_000_000,
      },
    })),
  );

  return {
    state,
    server,
    id,
    /** The POSTs whose path starts with `path`. */
    posts: (path: string) =>
      state.calls.filter((call) => call.method === 'POST' && call.path.startsWith(path)),
    listen() {
      server.listen({
        onUnhandledRequest(request, print) {
          if (new URL(request.url).hostname !== '127.0.0.1') print.error();
        },
      });
    },
    /** Holds every POST's answer until the returned function is called (or `reset`). */
    hold(): () => void {
      state.hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        state.hold = undefined;
        release();
      };
    },
    /** Forgets every idempotency key, as Stripe does 24 hours after a key's first request. */
    forgetIdempotencyKeys() {
      replies.clear();
    },
    reset() {
      release();
      state.hold = undefined;
      state.calls = [];
      state.trouble = [];
    },
  };
}

const signer = new Stripe('sk_test_signer');

/** Sends a signed Stripe webhook event to the server; answers the server's reply. */
export async function sendStripeEvent(
  server: Pick<TestServer, 'baseUrl'>,
  secret: string,
  event: { id: string; type: string; object: Record<string, unknown> },
) {
  const payload = JSON.stringify({
    id: event.id,
    object: 'event',
    type: event.type,
    data: { object: event.object },
  });
  const header = signer.webhooks.generateTestHeaderString({ payload, secret });
  return api(server, undefined)('POST', '/v1/stripe/webhooks', {
    rawBody: payload,
    headers: { 'stripe-signature': header },
  });
}
