// Generated from openapi.yaml by `pnpm gen` (openapi-typescript). Do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Process liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness (database reachable, migrations current) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This contract as JSON */
        get: operations["getOpenApiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This contract as YAML */
        get: operations["getOpenApiYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Interactive API reference */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A script or style sheet of the API reference */
        get: operations["getDocsAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's organization and who the caller is */
        get: operations["getCurrentOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's members and pending invitations */
        get: operations["listMembers"];
        put?: never;
        /** Invite someone by email (creates a pending membership) */
        post: operations["inviteMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member or cancel an invitation */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /** Change a member's role */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's API keys (never their secrets) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key (its secret is shown only in this answer) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}:revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key; it stops working at once */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List audit log entries, newest first (owner or admin) */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the events the organization can see
         * @description The organization's own events and the events other organizations sell packages of in the marketplace. `owner=me` lists only the organization's own events.
         */
        get: operations["listEvents"];
        put?: never;
        /** Create an event owned by the caller's organization */
        post: operations["createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve an event */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        /** Delete an event */
        delete: operations["deleteEvent"];
        options?: never;
        head?: never;
        /** Update an event */
        patch: operations["updateEvent"];
        trace?: never;
    };
    "/v1/sponsors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's sponsors */
        get: operations["listSponsors"];
        put?: never;
        /** Create a sponsor (brand) belonging to the caller's organization */
        post: operations["createSponsor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a sponsor */
        get: operations["getSponsor"];
        put?: never;
        post?: never;
        /** Delete a sponsor */
        delete: operations["deleteSponsor"];
        options?: never;
        head?: never;
        /** Update a sponsor */
        patch: operations["updateSponsor"];
        trace?: never;
    };
    "/v1/sponsors/{id}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a sponsor's profile */
        get: operations["getSponsorProfile"];
        /** Create or replace a sponsor's profile */
        put: operations["putSponsorProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's packages (the gallery)
         * @description Ordered like the guide's gallery, by price (highest first).
         */
        get: operations["listPackages"];
        put?: never;
        /**
         * Create a package (a draft until published)
         * @description Only the event's organizer organization may create packages for it. With `template_id`, the template's title, tier, price, currency and benefits fill whatever the body leaves out.
         */
        post: operations["createPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-packages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a package
         * @description The organizer sees its own packages in every state; others see only published, non-private ones.
         */
        get: operations["getPackage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a package (optimistic concurrency)
         * @description Send the `version` you read (in the body or as `If-Match`); a stale version answers 412 and changes nothing. Every change bumps `version`.
         */
        patch: operations["updatePackage"];
        trace?: never;
    };
    "/v1/sponsorship-packages/{id}:publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a package
         * @description Snapshots the event's shareable audience (consented segments only; empty when there are no stats yet) into `audience_snapshot`, generates the package's SLA templates (guide §11), activates it and emits `package.published`.
         */
        post: operations["publishPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-packages/{id}:unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a package off sale (back to draft) */
        post: operations["unpublishPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-packages/{id}:archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a package (off sale for good; kept for its orders) */
        post: operations["archivePackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-packages/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * List a package's variants
         * @description The organizer sees every variant; anyone who may see the package (published and not private, or ordered) sees the active ones, with their price, units left and guarantees.
         */
        get: operations["listPackageVariants"];
        put?: never;
        /** Add a variant (e.g. a cheaper tier) to a package */
        post: operations["createPackageVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/package-variants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a package variant */
        delete: operations["deletePackageVariant"];
        options?: never;
        head?: never;
        /** Update a package variant */
        patch: operations["updatePackageVariant"];
        trace?: never;
    };
    "/v1/package-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's package templates */
        get: operations["listPackageTemplates"];
        put?: never;
        /** Create a reusable package template */
        post: operations["createPackageTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/package-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a package template */
        get: operations["getPackageTemplate"];
        put?: never;
        post?: never;
        /** Delete a package template (packages made from it keep their values) */
        delete: operations["deletePackageTemplate"];
        options?: never;
        head?: never;
        /** Update a package template */
        patch: operations["updatePackageTemplate"];
        trace?: never;
    };
    "/v1/marketplace/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse published public packages of every organizer */
        get: operations["searchMarketplace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proposal inbox
         * @description Threads the organization is a party to, most recently active first, each with the sponsor's name and logo, the latest offer and the message count. Drafts are visible only to the side that wrote them.
         */
        get: operations["listProposals"];
        put?: never;
        /**
         * Start a proposal thread (a draft until sent)
         * @description Either party may start one: the event's organizer (to a public sponsor) or the sponsor's organization (for an event with packages on sale). The caller's side comes from its organization. With `package_id`, the package's sale rules are checked now; a failed rule answers 409 or 422 with `rule` naming it.
         */
        post: operations["createProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a proposal thread with its messages */
        get: operations["getProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a message, optionally with a (counter-)offer
         * @description An offer from the side that did not make the latest one is a counter-offer: the thread becomes `countered` (or `sent` again when the thread's creator answers a counter) and it is the other side's turn.
         */
        post: operations["createProposalMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}:send": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a draft proposal to the other party */
        post: operations["sendProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}:accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the latest offer, creating its order
         * @description Only the side that did not make the latest offer may accept. The order is created from that offer in the same transaction; of concurrent accepts exactly one succeeds and the others answer 409.
         */
        post: operations["acceptProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}:reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject the latest offer, closing the thread */
        post: operations["rejectProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}:withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw one's own offer, closing the thread */
        post: operations["withdrawProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the orders the caller's organization is a party to (as organizer or sponsor) */
        get: operations["listOrders"];
        put?: never;
        /**
         * Order one unit of a package (reserves it; the sponsor then funds the order)
         * @description The side (organizer or sponsor) is the caller's organization: a sponsor orders for one of its own
         *     sponsors, at least at the package's price; the organizer may order its own package for a sponsor
         *     at any amount. One unit of the package is reserved at once (never more than its inventory).
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve an order with its ledger summary, payout and refunds */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-orders/{id}:fund": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay for an order (sponsor); the money is held in escrow
         * @description Creates and confirms a Stripe PaymentIntent on the platform account (separate charges and transfers).
         *     `succeeded` funds the order at once; `requires_action` answers the `client_secret` for 3-D Secure and
         *     the order becomes funded by Stripe's webhook or by reconciliation; a declined card answers 402 and the
         *     order stays pending.
         */
        post: operations["fundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-orders/{id}:lock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock a funded order for release (organizer)
         * @description Also happens by itself at event start and when every deliverable is approved or waived. An order held by an open dispute is not locked (409 order-disputed, naming the dispute); once the dispute is won it can be.
         */
        post: operations["lockOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-orders/{id}:release": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release escrow to the organizer (queues the payout)
         * @description Needs a locked order whose deliverables are all approved or waived.
         */
        post: operations["releaseOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-orders/{id}:cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order before it is locked (either party), refunding by the cancellation policy */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-orders/{id}:refund": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund all or part of an order (organizer)
         * @description After release the refund first reverses the organizer's transfer.
         */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's payouts (transfers to its connected account) */
        get: operations["listPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a payout */
        get: operations["getPayout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payouts/{id}:retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Try a failed or waiting payout again (organizer)
         * @description A `failed` or `awaiting_configuration` payout is queued again at once. The transfer uses the payout's
         *     idempotency-key family (`payout:{id}`, then `payout:{id}:retry:{n}`) and looks for a transfer already
         *     made for the payout first, so a retry never transfers twice. A payout already `pending` or `processing`
         *     is answered as it is; a `cancelled` one answers 409, and so does a `paid` one unless a lost dispute
         *     reverses its transfer: a reversal Stripe refused (the ops inbox's `payout_reversal_failed`) is asked of
         *     Stripe again at once under the next key of its family (`dispute:{id}:payout:{id}:reversal:retry:{n}`),
         *     and a refusal again answers 409 with Stripe's reason; a reversal being made or made is answered as it is.
         *     Concurrent retries of a refused reversal make one reversal at most.
         */
        post: operations["retryPayout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandbox/sponsorship-orders/{id}:close-dispute": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an order's open sandbox dispute as won or lost (sandbox payments only; either party)
         * @description Stripe's test mode closes a dispute when evidence is submitted; without a Stripe account the sandbox
         *     does it here, sending `charge.dispute.closed` through the same path as Stripe's webhook. Open one by
         *     funding with `pm_card_createDispute`. With real Stripe payments this answers 409: disputes close at
         *     Stripe.
         */
        post: operations["closeSandboxDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's payout settings (defaults until set) */
        get: operations["getPayoutConfiguration"];
        /** Set the Stripe Connect account and the platform fee (owner or admin) */
        put: operations["putPayoutConfiguration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout-configuration:onboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get a Stripe Connect onboarding link (creates the connected account when missing) */
        post: operations["onboardPayoutConfiguration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/order-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's order windows as organizer (defaults until set) */
        get: operations["getOrderSettings"];
        /**
         * Set the payment, review and auto-release windows of the organization's orders (owner or admin)
         * @description The windows apply to the orders of the organization's packages: an order not funded within
         *     `payment_window_hours` expires and its unit goes back (`order.payment_due` a day before, then
         *     `order.expired`); a submitted deliverable not reviewed within `review_window_days` is approved
         *     (`deliverable.review_due` a day before, then `deliverable.auto_approved`); a locked order whose
         *     deliverables are all approved or waived is released `auto_release_after_days` after the lock unless
         *     disputed (`order.release_due` a day before, then `order.auto_released`; null: never). Fields left out keep
         *     their value.
         */
        put: operations["putOrderSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger accounts with balances derived from the organization's entries (owner or admin) */
        get: operations["listLedgerAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ledger/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ledger transactions of the organization's orders, with their entries (owner or admin) */
        get: operations["listLedgerTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stripe/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe's webhooks to the platform (verified by the Stripe-Signature header)
         * @description Called by Stripe, not by API clients. The signature is checked on the raw body with
         *     `STRIPE_WEBHOOK_SECRET`; events are de-duplicated by their Stripe id.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspaces the caller sees
         * @description API keys and the organization's owners and admins see every workspace of the organization; other users see the workspaces they are active members of. Archived workspaces are listed only with `archived=true`.
         */
        get: operations["listWorkspaces"];
        put?: never;
        /**
         * Create a workspace (the caller becomes its owner)
         * @description The slug is unique in the organization (409 `duplicate` naming it). A user who creates a workspace becomes its owner member (an API key acts for the organization and needs no membership). Each `auto_invite` email becomes a pending membership with `default_role`, and a pending invitation to the organization when the email is not a member yet (role `viewer` for a workspace viewer, else `member`); both activate on that email's first sign-in. Sends `workspace.created`.
         */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a workspace (404 unless the caller sees it) */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a workspace's name, slug, default role or settings (owner)
         * @description `settings` is merged into the current settings; a setting given as null is removed. Sends `workspace.updated`.
         */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}:archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a workspace (owner); its published widgets stop being served
         * @description An archived workspace is read-only. Archiving again answers the workspace unchanged. Sends `workspace.updated`.
         */
        post: operations["archiveWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** List a workspace's members and pending invitations */
        get: operations["listWorkspaceMembers"];
        put?: never;
        /**
         * Add a member by email (owner)
         * @description Active at once when the email belongs to an active member of the organization; otherwise pending, with a pending invitation to the organization as for `auto_invite`, and active on that email's first sign-in.
         */
        post: operations["addWorkspaceMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                memberId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member or cancel an invitation (owner) */
        delete: operations["removeWorkspaceMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The events, packages and orders a workspace groups
         * @description The workspace's views and metrics cover the linked orders, the orders of linked packages and the orders of the packages of linked events.
         */
        get: operations["getWorkspaceLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}:link": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add events, packages or orders to a workspace (editor)
         * @description Events and packages must belong to the organization, orders must be ones it is a party to; any other id answers 422 with `errors[]` naming each. Linking an id twice is harmless.
         */
        post: operations["linkWorkspaceResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}:unlink": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove events, packages or orders from a workspace (editor)
         * @description Ids that are not linked are ignored.
         */
        post: operations["unlinkWorkspaceResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The workspace's audit log (workspace, membership and widget changes; kept 30 days) */
        get: operations["listWorkspaceAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/widgets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** List a workspace's widgets, with their metrics */
        get: operations["listWidgets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/widgets/{widgetId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                /** @description Your own id of the widget inside the workspace (letters, digits, `-`, `_`). */
                widgetId: components["parameters"]["WidgetId"];
            };
            cookie?: never;
        };
        /** Retrieve a widget with its metrics */
        get: operations["getWidget"];
        /**
         * Create or replace a widget (editor); idempotent by workspace and widget id
         * @description The same body twice leaves one widget, unchanged. `config` is checked against `widget_type` (see `WidgetType`). Sends `widget.updated` when the widget is created or changes.
         */
        put: operations["putWidget"];
        post?: never;
        /** Delete a widget (editor); its public id stops answering */
        delete: operations["deleteWidget"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/command-center:enable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable the workspace's command center (editor)
         * @description Starts the 5-minute KPI feed (when `capture_rollups`), the live stream and the Slack notifications on `thresholds`. Settings left out keep their current value (on first enabling: rollups on, no Slack URL, USD, thresholds `{gmv_goal_percent: [50, 100], deliverables_overdue: 1, sla_at_risk: 1}`); `notify_slack_webhook: null` removes the Slack URL. Enabling again answers the command center with the new settings. The Slack URL must be https on the public internet (checked again after DNS at every post). An archived workspace answers 409 `invalid-state`.
         */
        post: operations["enableCommandCenter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/command-center:disable": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable the workspace's command center (editor)
         * @description No more feed rows, live events or Slack notifications; the settings and the feed are kept, and enabling again resumes. 404 when it was never enabled.
         */
        post: operations["disableCommandCenter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/command-center/feed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The command center's feed, one row per 5 minutes, newest first */
        get: operations["listCommandCenterFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsorship-workspaces/{id}/command-center/stream": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * The command center live, as server-sent events
         * @description Each message is one `CommandCenterEvent`: `id` is its position in the stream, `event` its type
         *     (`feed.row` for a new feed row, `order.changed`, `deliverable.changed`, `proposal.changed` for a change of
         *     the workspace's orders, deliverables and proposals), `data` the event JSON. Events come in commit order,
         *     each once. Without `Last-Event-ID` the stream opens with the latest feed row and every change since;
         *     reconnect with `Last-Event-ID` to receive exactly what was missed (events are kept 7 days). The stream is
         *     listening when the response starts. A comment line is sent every 15 seconds to keep the connection open.
         */
        get: operations["streamCommandCenter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/widgets/{publicId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `public_id` of a published widget. */
                publicId: components["parameters"]["PublicWidgetId"];
            };
            cookie?: never;
        };
        /**
         * A published widget's data, for embedding (no credentials)
         * @description Only what the widget's type shows (see `PublicWidget`), from a cache in PostgreSQL that is rebuilt on the first read after any of its inputs changed. Answers with `ETag` (send it back as `If-None-Match` for a 304) and `Access-Control-Allow-Origin: *`. Unpublished, deleted and archived widgets answer 404.
         */
        get: operations["getPublicWidget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/widgets/{publicId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `public_id` of a published widget. */
                publicId: components["parameters"]["PublicWidgetId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a view, a "Request Proposal" click (lead) or an error of an embedded widget (no credentials)
         * @description Feeds the widget's `metrics` (views, leads, conversion rate) and the `yardpass_widget_events_total` metric, whose error share Prometheus alerts on above 1 %. Rate-limited per client address and widget (the write bucket's limit per minute).
         */
        post: operations["recordPublicWidgetEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliverables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fulfilment queue
         * @description Deliverables the caller's organization is a party to (as organizer or as sponsor), by due date with undated ones last (guide §8). Each carries the event title and sponsor name.
         */
        get: operations["listDeliverables"];
        put?: never;
        /**
         * Add a deliverable by hand
         * @description Name an `order_id` (the event, sponsor and package come from it), or an `event_id` and `sponsor_id` that an event sponsorship, order or proposal of the caller links. Orders get their deliverables automatically when funded, one per obligation benefit of the package.
         */
        post: operations["createDeliverable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliverables/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a deliverable with its proofs and review history */
        get: operations["getDeliverable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a pending deliverable's type, spec, due date or evidence rule */
        patch: operations["updateDeliverable"];
        trace?: never;
    };
    "/v1/deliverables/{id}/proofs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit proof of a deliverable (owner side) → submitted
         * @description Only the side that owns the deliverable (`owner_side`) may submit, while it is `pending` or `needs_changes` (or `submitted`, to add more evidence). Emits `deliverable.submitted` to both organizations.
         */
        post: operations["submitDeliverableProof"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliverables/{id}:approve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a submitted deliverable (reviewing side)
         * @description Only the counterparty of `owner_side` may approve, and only a `submitted` deliverable (a proof is required when `evidence_required`). Approved proof metrics count towards the order's SLAs at once; when every deliverable of the order is approved or waived, the order locks and its event sponsorship completes.
         */
        post: operations["approveDeliverable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliverables/{id}:needs_changes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a submitted deliverable back with a reason (reviewing side) */
        post: operations["requestDeliverableChanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliverables/{id}:waive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Waive a deliverable that is not approved yet, with a reason (reviewing side) */
        post: operations["waiveDeliverable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/slas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the SLAs of the caller's orders */
        get: operations["listSlas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/slas/{id}:evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate an SLA now
         * @description Re-runs the nightly evaluation for one SLA: the actual value from the latest event stat snapshot and the approved proof metrics, stored with the ids used. Before the due date plus grace it can only find the SLA met; after it, a shortfall is a breach, whose policy (penalty refund or make-good) applies once.
         */
        post: operations["evaluateSla"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-sponsorships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the event sponsorships the caller is a party to */
        get: operations["listEventSponsorships"];
        put?: never;
        /**
         * Create or update the sponsorship of (event, sponsor, tier)
         * @description Upsert by `(event_id, sponsor_id, tier)` (guide §20.1). The caller owns the event or the sponsor and can see the other. `activation_status` only moves forward (`draft → in_progress → complete`); funding an order and approving its deliverables move it too. Emits `event_sponsorship.updated` to both parties when the status or the money changes.
         */
        post: operations["upsertEventSponsorship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's webhook endpoints */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Create a webhook endpoint; the answer holds its signing secret, shown only this once */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a webhook endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its pending deliveries */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Change an endpoint's URL, description, event types, or enable/disable it */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}:rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new signing secret; the old one keeps signing alongside it for the overlap */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}:test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `ping` event to this endpoint only */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}:replay-failed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every failed or dead-lettered delivery to this endpoint since a time */
        post: operations["replayFailedWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook event type, with the JSON Schema of its payload */
        get: operations["listWebhookEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization's webhook events, newest first */
        get: operations["listWebhookEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-events:trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Emit a sample event of a type to the caller's own endpoints (for testing integrations) */
        post: operations["triggerWebhookEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's events as they happen, as server-sent events
         * @description Each event is one SSE message: `id` is the event id, `event` its type, `data` the payload JSON
         *     (`{id, type, created_at, data}`). Reconnect with `Last-Event-ID` to receive what was missed. A comment
         *     line is sent every 15 seconds to keep the connection open.
         */
        get: operations["streamWebhookEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve an event with its deliveries and their attempts */
        get: operations["getWebhookEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deliveries, newest first (e.g. `status=dead` for the dead letters) */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** Retrieve a delivery with its attempts */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}:replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (its retry schedule starts over) */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/analytics:ingest": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest a batch of raw analytics records
         * @description Stores up to 10,000 impressions, post views and ticket interactions of the event, all or nothing: one
         *     invalid record rejects the batch and `errors[].path` names it (`/records/17/dwell_ms`). Sending the same
         *     `batch_id` again for the event stores nothing twice and answers 200 with `replayed: true`. Bodies may be
         *     up to 16 MiB for this operation. Audience attributes (`age_segment`, `city`) only ever leave the
         *     platform aggregated, with consent and at least k people per segment.
         */
        post: operations["ingestAnalytics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/stats:refresh": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll up the event's stats now
         * @description Runs the hourly rollup for this event at once and answers the new snapshot.
         */
        post: operations["refreshEventStats"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** The event's latest stats snapshot and their time series */
        get: operations["getEventStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/audience-consents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** List the audience segments that may be shared */
        get: operations["listAudienceConsents"];
        /**
         * Consent to sharing a segment (create, or replace its expiry)
         * @description Keyed by `segment_key` and `scope`. Age segments are shared under `age:<segment>` (e.g. `age:18-24`),
         *     cities under `city:<name>` (e.g. `city:Austin`). Any scope allows aggregated figures.
         */
        put: operations["putAudienceConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/audience-consents/{consent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
                consent_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a consent */
        delete: operations["deleteAudienceConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/roi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * ROI report of a sponsorship order (JSON, CSV or PDF)
         * @description For either party of the order. Impressions are the event's in the window; conversions are the ticket
         *     purchases attributed to the sponsor: their `utm_source` or `promo_code` is one of the order's or the
         *     sponsor's attribution codes — or, with `utm_source`, exactly that utm_source. `roi_multiplier` is
         *     conversion value ÷ investment; `cpm_cents` is investment per thousand impressions. The window is whole
         *     UTC days, `from` inclusive and `to` exclusive (default: the 30 days up to today, included).
         *     The format is `format`, else the `Accept` header (`text/csv`, `application/pdf`), else JSON. When the
         *     sponsor and the order have no utm source or promo code, `attribution.configured` is false and
         *     `attribution.note` says how to set them (the CSV and the PDF say so too) instead of a bare 0x.
         *     The CSV (RFC 4180, money in integer cents) is one table: `section=summary` (`metric,value`),
         *     `daily` (`date,impressions,conversions,conversion_value_cents`), `deliverables`
         *     (`id,type,status,due_at,metric,value`: one row per proven metric) or `slas`
         *     (`sla_metric,target,actual,status,terms`); without `section`, the four tables in that order, each
         *     with its header row, separated by one empty line. The PDF names the
         *     organizer and the sponsor, states the period and the attribution rule, shows the figures, measured
         *     beside proven metrics, a chart of daily impressions and conversions, the deliverables and the SLAs.
         */
        get: operations["getRoiReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stuck work, oldest first, with why, since when, the money it holds and the action that moves it
         * @description What waits on someone: orders not funded, deliverables submitted and not reviewed or past due with no
         *     proof, proposals whose latest offer has no answer, disputed orders, locked orders not released, failed
         *     payouts and payouts awaiting the organizer's payout configuration, transfer reversals of lost disputes
         *     that Stripe refused (`payout_reversal_failed`, retried on the payout), failing or disabled webhook
         *     endpoints, dead webhook deliveries. An organization (owner or admin) sees what it owns or is a party
         *     to; a platform operator key sees every organization's. `GET /v1/ops/inbox/summary` counts them all.
         */
        get: operations["getOpsInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/inbox/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many items of stuck work of each kind, and the money they hold by currency
         * @description Every item the inbox would list (not one page), by kind and currency; kinds with none are left out.
         */
        get: operations["getOpsInboxSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Integrity checks of the ledger, orders and payouts (guide §19 spot checks and more)
         * @description Runs every check and lists the rows that break each (up to 100 per check): active packages with an
         *     event, public sponsors with a profile (a warning), every ledger transaction summing to zero per
         *     currency, each order's escrow balance equal to what its state holds, every funded order's funding
         *     booked, every released order with a payout, every paid payout with a transfer id and its transfer
         *     booked, every transfer reversal of a lost dispute that Stripe made booked. `ok` is false when a check
         *     that is not a warning fails. An organization (owner or admin) checks the rows it is a party to; a
         *     platform operator key checks everything.
         */
        get: operations["getOpsIntegrity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/business": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Business metrics (guide §21) by day, week or month, money by currency
         * @description For whole UTC days from `from` (inclusive) to `to` (exclusive; default: the 30 days up to today,
         *     included), by `interval` (weeks start on Monday), with the totals of the window. Packages are counted
         *     when created, proposals when opened (drafts never sent are left out; one converts when an order was made
         *     from it, and its negotiation time runs from opening to that order), deliverables and SLAs by their due
         *     date (a deliverable is on time when first submitted by its due date; waived ones are left out). GMV is
         *     what orders funded in the period were paid; platform fees are net postings to the platform's fee
         *     accounts; refunds are succeeded refunds; payouts are transfers paid to organizers. Rates are null when
         *     there is nothing to divide. An organization (owner or admin) sees its own packages and what it is a party
         *     to (payouts: its own); a platform operator key sees every organization's.
         */
        get: operations["getBusinessMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/reconciliation:run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compare the payment processor's records of a period with the ledger now (platform operators)
         * @description Lists Stripe's charges (from its balance transactions), transfers, refunds and disputes created in
         *     `[from, to)` (default: the previous whole UTC day) and compares them with the ledger: a record Stripe has
         *     and the ledger does not (`missing_in_ledger`), one the ledger booked in the period that Stripe does not
         *     list (`missing_at_processor`), or different amounts (`amount_mismatch`). The run and its differences are
         *     stored; a daily job does the same for the previous day. With the sandbox provider the comparison is
         *     with the sandbox's own records (those of this server process). Only a platform operator key may run it;
         *     repeating the request makes another run (the Idempotency-Key of an operator is not stored).
         */
        post: operations["runReconciliation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored reconciliation runs, newest first (platform operators) */
        get: operations["listReconciliations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/reconciliations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** One reconciliation run with its differences (platform operators) */
        get: operations["getReconciliation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matches/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a re-score of an event's or a sponsor's matches (or of one pair)
         * @description Queues the event against every sponsor, the sponsor against every live event, or the one pair when both are given; the caller must own the event or the sponsor. Changes to events, profiles, packages, audience insights and consents queue themselves; this is for a forced re-score. A pending entry for the same subject is answered instead of a second one. The worker drains the queue within seconds.
         */
        post: operations["recomputeMatches"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Sponsors that fit the event, best first (the organizer's view)
         * @description Dismissed pairs are left out unless `status=dismissed`. `category` and `city` filter on the sponsor's industry or preferred categories and on its regions. A page read again may come from the server's memory; a change shows at once through the server that made it, and through other servers as soon as they are notified (milliseconds; at most 5 s).
         */
        get: operations["listEventMatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsors/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Events that fit the sponsor, best first, each with its best package (the sponsor's view)
         * @description Only events with a package on sale to this sponsor. Dismissed pairs are left out unless `status=dismissed`. `category` and `city` filter on the event. A page read again may come from the server's memory; a change shows at once through the server that made it, and through other servers as soon as they are notified (milliseconds; at most 5 s).
         */
        get: operations["listSponsorMatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /** A match with each component, a readable explanation and the caller's own feedback */
        get: operations["getMatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matches/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or dismiss a match for the caller's side
         * @description `accept` makes the caller's status `accepted`; `dismiss` and `not_relevant` make it `dismissed`, and a dismissed pair stays dismissed until the event's or the sponsor's inputs change. The other party never sees this feedback.
         */
        post: operations["createMatchFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matches/{id}:propose": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a match and open a proposal for it in one call
         * @description Accepts the match for the caller's side and starts a draft proposal between the event and the sponsor, on the match's best package when there is one, in one transaction. The proposal's rules apply (brand safety, the package's sale rules): a failed rule answers 409 or 422 and accepts nothing.
         */
        post: operations["proposeFromMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matching-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's matching weights and suggestion threshold */
        get: operations["getMatchingSettings"];
        /**
         * Set the organization's matching weights and suggestion threshold
         * @description The weights must add up to 1. New weights re-score the organization's live events (queued in the same transaction).
         */
        put: operations["putMatchingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "package.published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A sponsorship package was published and can be sold. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "package.published";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["SponsorshipPackage"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "proposal.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A proposal (or a new offer in it) was sent to the other side. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "proposal.sent";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Proposal"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "proposal.countered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The other side answered an offer with a counter-offer. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "proposal.countered";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Proposal"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "proposal.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A proposal was accepted; its order exists. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "proposal.accepted";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Proposal"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "proposal.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A proposal was rejected. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "proposal.rejected";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Proposal"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An order was created from an accepted proposal. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.created";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.funded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An order's payment succeeded; the money is held in escrow. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.funded";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An order was refunded, in full or in part. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.refunded";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.disputed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The sponsor's bank disputed the order's charge: release and payout wait until it closes. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.disputed";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.dispute_closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The order's dispute closed: won lifts the hold; lost books the loss (and reverses a transfer made). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.dispute_closed";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.payment_due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An unpaid order expires within a day (the organizer's payment window): fund it now. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.payment_due";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An order was not funded within its payment window: it expired and its unit went back to the package. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.expired";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.release_due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A locked order is released automatically within a day (the auto-release window). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.release_due";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.auto_released": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A locked order was released automatically after the auto-release window; its payout is queued. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.auto_released";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An order was cancelled. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "order.cancelled";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Order"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deliverable.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Proof was submitted for a deliverable. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "deliverable.submitted";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Deliverable"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deliverable.approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A deliverable was approved. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "deliverable.approved";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Deliverable"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deliverable.review_due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A submitted deliverable is approved automatically within a day unless reviewed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "deliverable.review_due";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Deliverable"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deliverable.auto_approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A submitted deliverable was not reviewed within the review window and was approved automatically. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "deliverable.auto_approved";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Deliverable"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deliverable.needs_changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A deliverable was sent back for changes. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "deliverable.needs_changes";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Deliverable"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deliverable.waived": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A deliverable was waived. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "deliverable.waived";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Deliverable"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sla.breached": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An SLA missed its target; its breach policy was applied. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "sla.breached";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Sla"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An organizer's payout was transferred. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "payout.completed";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Payout"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.awaiting_configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payout waits because the organizer cannot receive transfers yet (no Connect account, onboarding not finished); it resumes by itself once the payout configuration allows it. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "payout.awaiting_configuration";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Payout"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payout failed after its retries. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "payout.failed";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Payout"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "event_sponsorship.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An event sponsorship's activation changed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "event_sponsorship.updated";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["EventSponsorship"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "workspace.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A workspace was created. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "workspace.created";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Workspace"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "workspace.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A workspace was changed or archived. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "workspace.updated";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Workspace"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "widget.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A workspace's widget was created or changed (PUT). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "widget.updated";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Widget"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Yardpass stopped delivering to one of your endpoints (410 Gone, or failing too long). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "webhook_endpoint.disabled";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "match.suggested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A pair's score first reached the organization's suggestion threshold (sent to each side that crossed its own). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "match.suggested";
                        /** Format: date-time */
                        created_at: string;
                        data: components["schemas"]["Match"];
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sent by `POST /v1/webhook-endpoints/{id}:test` to that endpoint only. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "ping";
                        /** Format: date-time */
                        created_at: string;
                        data: {
                            message: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Any 2xx answer acknowledges the event. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description An RFC 9457 problem. */
        Problem: {
            /**
             * Format: uri
             * @example https://yardpass.dev/problems/validation
             */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            request_id?: string;
            code?: components["schemas"]["ErrorCode"];
            errors?: {
                /** @description JSON pointer to the offending field, e.g. `/price_cents`. */
                path: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The stable, machine-readable reason of a problem, also the last segment of its `type`
         *     (`https://yardpass.dev/problems/<code>`). Each code's meaning is in `x-enum-descriptions`; its cause
         *     and fix in docs/errors.md, at the section `#<code>` (`x-doc-urls`). A server newer than your client
         *     may answer a code not listed here: handle unknown codes by the HTTP status.
         * @enum {string}
         */
        ErrorCode: "validation" | "invalid-signature" | "unauthenticated" | "card-declined" | "forbidden" | "wrong-side" | "not-found" | "route-not-found" | "conflict" | "lock-conflict" | "idempotency-in-progress" | "duplicate" | "in-use" | "member-exists" | "last-owner" | "invalid-state" | "order-not-fundable" | "payment-processing" | "order-not-lockable" | "order-not-locked" | "already-released" | "deliverables-open" | "order-not-cancellable" | "order-not-funded" | "order-closed" | "refund-in-progress" | "payout-in-progress" | "payout-failed" | "invalid-package-state" | "invalid-proposal-transition" | "sla-terms-frozen" | "package-rule-violated" | "variant-sold" | "order-disputed" | "release-per-deliverable" | "dispute-closed" | "not-sandbox" | "payout-not-retryable" | "reversal-refused" | "no-dispute" | "precondition-failed" | "payload-too-large" | "unsupported-media-type" | "unprocessable" | "idempotency-key-reused" | "payments-rejected" | "inventory-below-sold" | "endpoint-disabled" | "brand-safety-conflict" | "platform-fee-out-of-range" | "self-sponsorship" | "currency-mismatch" | "below-price" | "event-mismatch" | "refund-too-large" | "invalid-release-weights" | "proof-required" | "no-package" | "no-offer" | "rate-limited" | "internal" | "not-implemented" | "payments-unavailable";
        /**
         * @description owner: everything, including members, settings and archiving; editor: widgets and links; viewer: reads.
         * @enum {string}
         */
        WorkspaceRole: "owner" | "editor" | "viewer";
        WorkspaceSettings: {
            /** @description An IANA time zone, e.g. `America/Los_Angeles`. */
            timezone?: string;
            /** @description The GMV goal the workspace tracks, in minor units. */
            goal_gmv_cents?: number;
            /**
             * Format: uri
             * @description An https URL reports are sent to.
             */
            reporting_webhook?: string;
        };
        /** @description Settings to change; null removes one. */
        WorkspaceSettingsChange: {
            timezone?: string | null;
            goal_gmv_cents?: number | null;
            /** Format: uri */
            reporting_webhook?: string | null;
        };
        Workspace: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            org_id: string;
            name: string;
            slug: string;
            default_role: components["schemas"]["WorkspaceRole"];
            settings: components["schemas"]["WorkspaceSettings"];
            /** @description The caller's role here. API keys and the organization's owners and admins act on every workspace of the organization: as owner (an owner or admin), editor (a member key) or viewer (a viewer key). Users with another organization role have their membership's role, at most viewer for an organization viewer. */
            role: components["schemas"]["WorkspaceRole"];
            /** Format: date-time */
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        WorkspaceCreate: {
            name: string;
            slug: string;
            /** @default viewer */
            default_role?: components["schemas"]["WorkspaceRole"];
            /** @description Emails invited with `default_role`; pending until each first signs in. */
            auto_invite?: string[];
            settings?: components["schemas"]["WorkspaceSettings"];
        };
        WorkspaceUpdate: {
            name?: string;
            slug?: string;
            default_role?: components["schemas"]["WorkspaceRole"];
            settings?: components["schemas"]["WorkspaceSettingsChange"];
        };
        WorkspaceMember: {
            /** Format: uuid */
            id: string;
            email: string | null;
            /** Format: uuid */
            user_id: string | null;
            role: components["schemas"]["WorkspaceRole"];
            /** @enum {string} */
            status: "pending" | "active";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            joined_at: string | null;
        };
        WorkspaceMemberAdd: {
            /** Format: email */
            email: string;
            /** @description The workspace's `default_role` when not given. */
            role?: components["schemas"]["WorkspaceRole"];
        };
        WorkspaceLinks: {
            event_ids: string[];
            package_ids: string[];
            order_ids: string[];
        };
        WorkspaceLinksChange: {
            event_ids?: string[];
            package_ids?: string[];
            order_ids?: string[];
        };
        WorkspaceAuditEntry: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            actor_type: "user" | "api_key" | "system";
            /** Format: uuid */
            actor_id: string | null;
            /** @description e.g. `workspace.create`, `member.add`, `widget.put`. */
            action: string;
            resource_type: string;
            resource_id: string | null;
            details: {
                [key: string]: unknown;
            };
            request_id: string | null;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description What a published widget shows (its public body, `PublicWidget`):
         *     - `marketplace_card`: one package (`package_id`, required) as a card: title, tier, price, live availability
         *       (units left, sold out), the config's `highlight` and `cta`. Config: `highlight` (≤ 50 characters), `cta`
         *       (≤ 40, default "Request Proposal"), `metrics` (which of views, leads, conversion_rate the widget's GET reports).
         *     - `package_list`: the workspace's published, non-private packages (linked, or of linked events), each as on a
         *       card. Config: `title`, `limit` (1–50, default 10), `sort` (`price_desc` default, `price_asc`, `title`), `cta`, `metrics`.
         *     - `kpi_tile`: one number over the workspace's orders. Config: `metric` (`gmv_cents`: paid orders' amounts in
         *       `currency`, with the workspace's `goal_gmv_cents` as goal; `orders`: orders not cancelled or expired;
         *       `sponsors`: distinct sponsors of those orders; `packages_available`: units left of the workspace's
         *       packages), `label` (≤ 60), `currency` (default USD), `metrics`.
         *     - `leaderboard`: the sponsors with the most paid spend in `currency` over the workspace's orders, a public
         *       sponsor by name and any other as null. Config: `title`, `limit` (1–20, default 5), `currency`, `metrics`.
         *     "Paid" means escrow funded, locked or released. No type shows ids, buyers' details, order counts per sponsor
         *     or anything of other organizations.
         * @enum {string}
         */
        WidgetType: "marketplace_card" | "package_list" | "kpi_tile" | "leaderboard";
        WidgetPut: {
            /**
             * Format: uuid
             * @description The package of a `marketplace_card` (one of the organization's); null for the other types.
             */
            package_id?: string | null;
            widget_type: components["schemas"]["WidgetType"];
            /** @description Checked against `widget_type`; see `WidgetType`. */
            config?: {
                [key: string]: unknown;
            };
            /**
             * @description Published widgets answer at `GET /v1/public/widgets/{public_id}` without credentials.
             * @default false
             */
            published?: boolean;
        };
        Widget: {
            widget_id: string;
            /** Format: uuid */
            workspace_id: string;
            /** Format: uuid */
            package_id: string | null;
            widget_type: components["schemas"]["WidgetType"];
            config: {
                [key: string]: unknown;
            };
            published: boolean;
            /**
             * Format: uuid
             * @description Served at `/v1/public/widgets/{public_id}` while published.
             */
            public_id: string;
            /** @description The metrics the config names (all three when it names none), from recorded views and leads. */
            metrics: {
                views?: number;
                leads?: number;
                /** @description leads / views; null before the first view. */
                conversion_rate?: number | null;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PublicWidgetPackage: {
            title: string;
            tier: string;
            price_cents: number;
            currency: string;
            /** @description Units left (0 while the package is not on sale). */
            available: number;
            sold_out: boolean;
        };
        /** @description Exactly the fields of the widget's type; nothing else. */
        PublicWidget: {
            /** @constant */
            widget_type: "marketplace_card";
            /** Format: uuid */
            public_id: string;
            highlight: string | null;
            cta: string;
            package: components["schemas"]["PublicWidgetPackage"];
        } | {
            /** @constant */
            widget_type: "package_list";
            /** Format: uuid */
            public_id: string;
            title: string | null;
            cta: string;
            packages: components["schemas"]["PublicWidgetPackage"][];
        } | {
            /** @constant */
            widget_type: "kpi_tile";
            /** Format: uuid */
            public_id: string;
            /** @enum {string} */
            metric: "gmv_cents" | "orders" | "sponsors" | "packages_available";
            label: string;
            value: number;
            /** @description The workspace's `goal_gmv_cents` for `gmv_cents`. */
            goal: number | null;
            /** @description For `gmv_cents` only. */
            currency: string | null;
        } | {
            /** @constant */
            widget_type: "leaderboard";
            /** Format: uuid */
            public_id: string;
            title: string | null;
            currency: string;
            entries: {
                rank: number;
                sponsor_name: string | null;
                amount_cents: number;
            }[];
        };
        PublicWidgetEvent: {
            /**
             * @description `lead`: a "Request Proposal" click.
             * @enum {string}
             */
            type: "view" | "lead" | "error";
            /** @description What went wrong, for `error`. */
            detail?: string;
        };
        /** @description What notifies Slack: a feed row crossing a threshold (below it in the previous row, at or above it in this one) sends one message per crossing. The first feed row only sets the baseline. */
        CommandCenterThresholds: {
            /** @description Percentages of the workspace's `settings.goal_gmv_cents` (GMV in the command center's `currency`). */
            gmv_goal_percent?: number[];
            /** @description Notify when at least this many deliverables are overdue. */
            deliverables_overdue?: number;
            /** @description Notify when at least this many SLAs are at risk (pending and due within 3 days). */
            sla_at_risk?: number;
        };
        CommandCenterEnable: {
            /** @description Write a feed row every 5 minutes (and evaluate thresholds on it); the live stream runs either way. */
            capture_rollups?: boolean;
            /**
             * Format: uri
             * @description A Slack incoming-webhook URL (`https://hooks.slack.com/services/…`); null removes it.
             */
            notify_slack_webhook?: string | null;
            /** @description The currency GMV and escrow are counted in against the goal; other currencies are listed in `gmv_by_currency`. */
            currency?: string;
            thresholds?: components["schemas"]["CommandCenterThresholds"];
        };
        CommandCenter: {
            /** Format: uuid */
            workspace_id: string;
            enabled: boolean;
            capture_rollups: boolean;
            /** @description Only the origin of the Slack URL (the rest is a credential), e.g. `https://hooks.slack.com/…`. */
            notify_slack_webhook: string | null;
            currency: string;
            thresholds: components["schemas"]["CommandCenterThresholds"];
            /** Format: date-time */
            enabled_at: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description The workspace's numbers at the slot: its orders are `sponsorship_workspace_scope_orders` (linked orders, orders of linked packages and of linked events); proposals and matches are those of its linked packages and events. */
        CommandCenterKpis: {
            currency: string;
            /** @description Funded orders in `currency`, minus their refunds. */
            gmv_cents: number;
            /** @description The workspace's `settings.goal_gmv_cents`. */
            goal_gmv_cents: number | null;
            /** @description gmv_cents / goal_gmv_cents × 100, one decimal; null without a goal. */
            goal_percent: number | null;
            gmv_by_currency: {
                [key: string]: number;
            };
            /** @description Held in escrow (funded or locked, not released) in `currency`. */
            escrow_cents: number;
            orders_total: number;
            /** @description Orders by `status`. */
            orders_by_state: {
                [key: string]: number;
            };
            /** @description Pending or needing changes, due within 7 days. */
            deliverables_due: number;
            /** @description Pending or needing changes, past due. */
            deliverables_overdue: number;
            /** @description SLAs pending and due within 3 days (or past due, not yet evaluated). */
            sla_at_risk: number;
            sla_breached: number;
            /** @description Proposals sent or countered, waiting for an answer. */
            proposals_waiting: number;
            top_matches: {
                /** Format: uuid */
                event_id: string;
                /** Format: uuid */
                sponsor_id: string;
                score: number;
                /** Format: uuid */
                best_package_id: string | null;
            }[];
        };
        CommandCenterFeedRow: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            workspace_id: string;
            /**
             * Format: date-time
             * @description The start of the 5-minute slot.
             */
            slot: string;
            kpis: components["schemas"]["CommandCenterKpis"];
            /** @description What moved since the previous row: numbers as differences (`{"gmv_cents": 50000, "orders_by_state": {"active": 1, "pending": -1}}`), the top matches as the new list; `{}` for the first row. */
            changes: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
        };
        /** @description One message of `GET …/command-center/stream`. */
        CommandCenterEvent: {
            /** @description The position in the stream (for Last-Event-ID). */
            id: string;
            /** @enum {string} */
            type: "feed.row" | "order.changed" | "deliverable.changed" | "proposal.changed";
            /** Format: uuid */
            workspace_id: string;
            /** Format: date-time */
            created_at: string;
            /** @description `feed.row`: a `CommandCenterFeedRow`. `order.changed`: `order_id, status, escrow_state, amount_cents, refunded_cents, currency, previous` (the earlier `status, escrow_state, refunded_cents`, null when created). `deliverable.changed`: `deliverable_id, order_id, type, status, due_at, previous`. `proposal.changed`: `proposal_id, package_id, event_id, sponsor_id, status, previous`. */
            data: {
                [key: string]: unknown;
            };
        };
        ListEnvelope: {
            data: unknown[];
            has_more: boolean;
            /** @description Pass as `starting_after` to get the next page. */
            next_cursor: string | null;
        };
        Deleted: {
            /** Format: uuid */
            id: string;
            /** @constant */
            deleted: true;
        };
        Readiness: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            checks: {
                [key: string]: string;
            };
        };
        /**
         * @description owner and admin manage keys, members and payout settings; viewer is read-only.
         * @enum {string}
         */
        Role: "owner" | "admin" | "member" | "viewer";
        Organization: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: date-time */
            created_at: string;
        };
        CurrentOrganization: components["schemas"]["Organization"] & {
            caller: {
                /** @enum {string} */
                kind: "api_key" | "user";
                role: components["schemas"]["Role"];
                /** Format: uuid */
                api_key_id?: string;
                api_key_prefix?: string;
                /** @enum {string} */
                mode?: "test" | "live";
                /** Format: uuid */
                user_id?: string;
                email?: string | null;
            };
        };
        Member: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string | null;
            role: components["schemas"]["Role"];
            /** @enum {string} */
            status: "pending" | "active";
            /** Format: uuid */
            user_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            joined_at: string | null;
        };
        MemberInvite: {
            /** Format: email */
            email: string;
            /** @default member */
            role?: components["schemas"]["Role"];
        };
        MemberUpdate: {
            role: components["schemas"]["Role"];
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The first characters of the key, to recognise it. */
            prefix: string;
            /** @enum {string} */
            mode: "test" | "live";
            role: components["schemas"]["Role"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** Format: date-time */
            revoked_at: string | null;
        };
        ApiKeyWithSecret: components["schemas"]["ApiKey"] & {
            /** @description The whole key. Shown once; store it now. */
            secret: string;
        };
        ApiKeyCreate: {
            name: string;
            /**
             * @default test
             * @enum {string}
             */
            mode?: "test" | "live";
            /** @default admin */
            role?: components["schemas"]["Role"];
        };
        AuditLogEntry: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            actor_type: "user" | "api_key" | "system";
            actor_id: string | null;
            /** @example event.create */
            action: string;
            resource_type: string;
            resource_id: string | null;
            request_id: string | null;
            /** Format: date-time */
            created_at: string;
        };
        /** @description Who the event reaches, e.g. `{ "age_range": "18-34", "interests": ["music"] }`. */
        EventAudience: {
            [key: string]: unknown;
        };
        Event: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            owner_org_id: string;
            title: string;
            description: string | null;
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            venue: string | null;
            city: string | null;
            country: string | null;
            category: string | null;
            target_audience: components["schemas"]["EventAudience"];
            brand_safety_tags: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        EventCreate: {
            title: string;
            description?: string | null;
            /** Format: date-time */
            starts_at: string;
            /**
             * Format: date-time
             * @description Must not be before `starts_at`.
             */
            ends_at: string;
            venue?: string | null;
            city?: string | null;
            /** @description ISO 3166-1 alpha-2. */
            country?: string | null;
            category?: string | null;
            target_audience?: components["schemas"]["EventAudience"];
            brand_safety_tags?: string[];
            embedding?: components["schemas"]["Embedding"] | null;
        };
        EventUpdate: {
            title?: string;
            description?: string | null;
            /** Format: date-time */
            starts_at?: string;
            /** Format: date-time */
            ends_at?: string;
            venue?: string | null;
            city?: string | null;
            country?: string | null;
            category?: string | null;
            target_audience?: components["schemas"]["EventAudience"];
            brand_safety_tags?: string[];
            embedding?: components["schemas"]["Embedding"] | null;
        };
        /** @enum {string} */
        SponsorVisibility: "public" | "private";
        Sponsor: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            org_id: string;
            name: string;
            /** Format: uri */
            logo_url: string | null;
            /** Format: uri */
            website_url: string | null;
            industry: string | null;
            visibility: components["schemas"]["SponsorVisibility"];
            attribution_utm_sources: components["schemas"]["AttributionUtmSources"];
            attribution_promo_codes: components["schemas"]["AttributionPromoCodes"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SponsorCreate: {
            name: string;
            /** Format: uri */
            logo_url?: string | null;
            /** Format: uri */
            website_url?: string | null;
            industry?: string | null;
            /** @default private */
            visibility?: components["schemas"]["SponsorVisibility"];
            attribution_utm_sources?: components["schemas"]["AttributionUtmSources"];
            attribution_promo_codes?: components["schemas"]["AttributionPromoCodes"];
        };
        SponsorUpdate: {
            name?: string;
            /** Format: uri */
            logo_url?: string | null;
            /** Format: uri */
            website_url?: string | null;
            industry?: string | null;
            visibility?: components["schemas"]["SponsorVisibility"];
            attribution_utm_sources?: components["schemas"]["AttributionUtmSources"];
            attribution_promo_codes?: components["schemas"]["AttributionPromoCodes"];
        };
        /** @description `utm_source` values of this sponsor's campaigns: ticket purchases carrying one are attributed to it in ROI reports. */
        AttributionUtmSources: string[];
        /** @description Promo codes of this sponsor; ticket purchases using one are attributed to it in ROI reports. */
        AttributionPromoCodes: string[];
        ActivationPreferences: {
            /** @description Brand-safety tags of events this sponsor will not appear at. */
            avoid_tags?: string[];
        } & {
            [key: string]: unknown;
        };
        SponsorProfile: {
            /** Format: uuid */
            sponsor_id: string;
            industry: string | null;
            categories: string[];
            budget_min_cents: number | null;
            budget_max_cents: number | null;
            currency: string;
            target_audience: components["schemas"]["EventAudience"];
            regions: string[];
            objectives: string | null;
            activation_preferences: components["schemas"]["ActivationPreferences"];
            /** Format: date-time */
            updated_at: string;
        };
        SponsorProfileInput: {
            industry?: string | null;
            categories?: string[];
            budget_min_cents?: number | null;
            budget_max_cents?: number | null;
            /** @default USD */
            currency?: string;
            target_audience?: components["schemas"]["EventAudience"];
            regions?: string[];
            objectives?: string | null;
            activation_preferences?: components["schemas"]["ActivationPreferences"];
            embedding?: components["schemas"]["Embedding"] | null;
        };
        /**
         * @description public packages are listed in the marketplace; unlisted ones are reachable by id; private ones only by their organizer.
         * @enum {string}
         */
        PackageVisibility: "public" | "unlisted" | "private";
        /** @enum {string} */
        PackageStatus: "draft" | "published" | "archived";
        /** @description What the sponsor gets, e.g. `{ "logo_stage": true, "booth": "10x10", "social_posts": 5 }`. */
        PackageBenefits: {
            [key: string]: unknown;
        };
        PackageAvailability: {
            /**
             * Format: date-time
             * @description On sale from.
             */
            start?: string | null;
            /**
             * Format: date-time
             * @description On sale until.
             */
            end?: string | null;
            max_per_sponsor?: number | null;
            /** @description Only one sponsor may hold units of this package. */
            exclusivity?: boolean;
        };
        PackageConstraints: {
            /** @description Only sponsors whose industry or preferred categories include one of these (case-insensitive). */
            category_allow?: string[];
            /** @description Sponsor names or industries that may not buy this package (case-insensitive). */
            sponsor_conflicts?: string[];
        };
        /** @description The event's shareable audience at publish: `estimated_reach`, consented segments only, and `captured_at`; empty segments when the event has no stats yet. */
        AudienceSnapshot: {
            [key: string]: unknown;
        };
        /**
         * @description How escrow is released to the organizer. `whole_order` (the default): once, after the order is locked and every deliverable approved or waived. `per_deliverable` (milestones): each deliverable's approval (or waiver, or the review window's automatic approval) releases its weighted share at once, one payout per milestone; the last one releases everything still held, so the shares add up to the order exactly; the rest stays in escrow. Such an order is never locked. A dispute holds the shares until it is won.
         * @enum {string}
         */
        ReleasePolicy: "whole_order" | "per_deliverable";
        /** @description Each deliverable's weight in a `per_deliverable` release, keyed by the benefit it is made from (the deliverables of an order are its package's or variant's promised benefits); a deliverable without a weight weighs 1. A share is `weight / (weights of the deliverables not yet released)` of what the order still holds. */
        ReleaseWeights: {
            [key: string]: number;
        };
        SponsorshipPackage: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The event's organizer organization.
             */
            org_id: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            template_id: string | null;
            title: string;
            tier: string;
            price_cents: number;
            currency: string;
            inventory: number;
            sold: number;
            benefits: components["schemas"]["PackageBenefits"];
            availability: components["schemas"]["PackageAvailability"];
            constraints: components["schemas"]["PackageConstraints"];
            cancellation_policy: components["schemas"]["CancellationPolicy"] | null;
            visibility: components["schemas"]["PackageVisibility"];
            /** @description True once published. */
            is_active: boolean;
            status: components["schemas"]["PackageStatus"];
            expected_reach: number | null;
            audience_snapshot: components["schemas"]["AudienceSnapshot"];
            quality_score: number | null;
            /** @description The guarantees an order of this package gets (null until written or generated at publish: an impressions term at the expected reach and a booth-hours term for a booth benefit). Editable while the package is a draft; frozen into each order when it is funded. */
            sla_terms: components["schemas"]["SlaTerm"][] | null;
            release_policy: components["schemas"]["ReleasePolicy"];
            release_weights: components["schemas"]["ReleaseWeights"];
            version: number;
            /** Format: date-time */
            published_at: string | null;
            /** Format: date-time */
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SponsorshipPackageCreate: {
            /** Format: uuid */
            event_id: string;
            /**
             * Format: uuid
             * @description Fills title, tier, price, currency and benefits left out.
             */
            template_id?: string;
            title?: string;
            tier?: string;
            price_cents?: number;
            currency?: string;
            inventory: number;
            benefits?: components["schemas"]["PackageBenefits"];
            availability?: components["schemas"]["PackageAvailability"];
            audience_snapshot?: components["schemas"]["AudienceSnapshot"];
            constraints?: components["schemas"]["PackageConstraints"];
            cancellation_policy?: components["schemas"]["CancellationPolicy"];
            /** @default public */
            visibility?: components["schemas"]["PackageVisibility"];
            expected_reach?: number | null;
            /** @description The guarantees sold with it; replaces the whole list (send `[]` for none). */
            sla_terms?: components["schemas"]["SlaTerm"][];
            /** @default whole_order */
            release_policy?: components["schemas"]["ReleasePolicy"];
            release_weights?: components["schemas"]["ReleaseWeights"];
        };
        SponsorshipPackageUpdate: {
            /** @description The version you read; stale → 412. */
            version?: number;
            title?: string;
            tier?: string;
            price_cents?: number;
            currency?: string;
            inventory?: number;
            benefits?: components["schemas"]["PackageBenefits"];
            availability?: components["schemas"]["PackageAvailability"];
            constraints?: components["schemas"]["PackageConstraints"];
            cancellation_policy?: components["schemas"]["CancellationPolicy"] | null;
            visibility?: components["schemas"]["PackageVisibility"];
            expected_reach?: number | null;
            /** @description The guarantees sold with it; replaces the whole list (send `[]` for none); only while the package is a draft. */
            sla_terms?: components["schemas"]["SlaTerm"][];
            /** @description For orders placed from now on; an order keeps the policy it was placed with. */
            release_policy?: components["schemas"]["ReleasePolicy"];
            release_weights?: components["schemas"]["ReleaseWeights"];
        };
        PackageTemplate: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            org_id: string;
            title: string;
            tier: string;
            price_cents: number;
            currency: string;
            benefits: components["schemas"]["PackageBenefits"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PackageTemplateCreate: {
            title: string;
            tier: string;
            price_cents: number;
            currency: string;
            benefits?: components["schemas"]["PackageBenefits"];
        };
        PackageTemplateUpdate: {
            title?: string;
            tier?: string;
            price_cents?: number;
            currency?: string;
            benefits?: components["schemas"]["PackageBenefits"];
        };
        PackageVariant: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            package_id: string;
            title: string;
            tier: string;
            price_cents: number;
            /** @description The variant's currency, else the package's. */
            currency: string;
            /** @description Units of this variant for sale (null - only the package's inventory bounds it). */
            inventory: number | null;
            sold: number;
            benefits: components["schemas"]["PackageBenefits"];
            /** @description The variant's guarantees (null - the package's). */
            sla_terms: components["schemas"]["SlaTerm"][] | null;
            is_active: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PackageVariantCreate: {
            title: string;
            tier: string;
            price_cents: number;
            /** @description Defaults to the package's currency. */
            currency?: string;
            /** @description Units of this variant for sale; each sale also takes a unit of the package. */
            inventory?: number | null;
            benefits?: components["schemas"]["PackageBenefits"];
            /** @description The variant's guarantees (null - the package's); only while the package is a draft. */
            sla_terms?: components["schemas"]["SlaTerm"][] | null;
            /** @default true */
            is_active?: boolean;
        };
        PackageVariantUpdate: {
            title?: string;
            tier?: string;
            price_cents?: number;
            /** @description Defaults to the package's currency. */
            currency?: string;
            /** @description Units of this variant for sale; each sale also takes a unit of the package. */
            inventory?: number | null;
            benefits?: components["schemas"]["PackageBenefits"];
            /** @description The variant's guarantees (null - the package's); only while the package is a draft. */
            sla_terms?: components["schemas"]["SlaTerm"][] | null;
            is_active?: boolean;
        };
        /** @description A package card of the marketplace (guide §16 `v_sponsorship_package_cards`). */
        MarketplacePackage: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            event_title: string;
            event_category: string | null;
            event_city: string | null;
            /** Format: date-time */
            event_starts_at: string;
            title: string;
            tier: string;
            price_cents: number;
            currency: string;
            /** @description Estimated reach from the audience snapshot, else the expected reach. */
            reach: number | null;
            sold: number;
            inventory: number;
            quality_score: number | null;
            benefits: components["schemas"]["PackageBenefits"];
            /** Format: date-time */
            published_at: string | null;
            /** @description The package's guarantees. */
            sla_terms: components["schemas"]["SlaTerm"][];
            /** @description The active variants on sale, cheapest last. */
            variants: components["schemas"]["MarketplaceVariant"][];
        };
        MarketplaceVariant: {
            /** Format: uuid */
            id: string;
            title: string;
            tier: string;
            price_cents: number;
            currency: string;
            benefits: components["schemas"]["PackageBenefits"];
            inventory: number | null;
            sold: number;
            /** @description Units one can still buy: the variant's left, never more than the package's left. */
            available: number;
            /** @description The guarantees of this variant (its own, else the package's). */
            sla_terms: components["schemas"]["SlaTerm"][];
        };
        /**
         * @description The side of a deal; a caller's side comes from its organization.
         * @enum {string}
         */
        Side: "organizer" | "sponsor";
        /** @enum {string} */
        ProposalStatus: "draft" | "sent" | "countered" | "accepted" | "rejected" | "withdrawn" | "expired";
        ProposalOffer: {
            price_cents: number;
            /** @description Defaults to the package's currency. */
            currency?: string;
            /**
             * Format: uuid
             * @description The package variant offered; its price list and terms apply.
             */
            variant_id?: string;
            /** @description Counter on the guarantees: each term replaces the package's (or variant's) term of the same metric, or adds one. The terms of the accepted offer are the order's. */
            sla_terms_delta?: components["schemas"]["SlaTerm"][];
            requested_benefits?: string[];
            /** @description Changes to the package benefits, e.g. `{ "story_posts": 3, "exclusivity": true }`. */
            benefits_delta?: {
                [key: string]: unknown;
            };
        };
        /** @description The offer on the table: a ProposalOffer's fields plus who made it and in which message. (Not `allOf` the offer: its `additionalProperties: false` would refuse `side` and `message_id`.) */
        LatestOffer: {
            price_cents: number;
            currency?: string;
            /** Format: uuid */
            variant_id?: string;
            sla_terms_delta?: components["schemas"]["SlaTerm"][];
            requested_benefits?: string[];
            benefits_delta?: {
                [key: string]: unknown;
            };
            side: components["schemas"]["Side"];
            /** Format: uuid */
            message_id: string;
        };
        ProposalMessage: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            thread_id: string;
            side: components["schemas"]["Side"];
            /** Format: uuid */
            sender_user_id: string | null;
            body: string;
            offer: components["schemas"]["ProposalOffer"] | null;
            /** Format: date-time */
            created_at: string;
        };
        ProposalMessageCreate: {
            /** @default  */
            body?: string;
            offer?: components["schemas"]["ProposalOffer"];
        };
        ProposalCreate: {
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            sponsor_id: string;
            /** Format: uuid */
            package_id?: string;
            initial_message?: components["schemas"]["ProposalMessageCreate"];
        };
        ProposalClose: {
            reason?: string;
        };
        Proposal: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            event_title: string;
            /** Format: uuid */
            package_id: string | null;
            /** Format: uuid */
            sponsor_id: string;
            sponsor_name: string;
            sponsor_logo_url: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            status: components["schemas"]["ProposalStatus"];
            created_by_side: components["schemas"]["Side"];
            your_side: components["schemas"]["Side"];
            /** @description The side that may answer (counter, accept or reject) the latest offer; null once closed. */
            turn: components["schemas"]["Side"] | null;
            latest_offer: components["schemas"]["LatestOffer"] | null;
            message_count: number;
            /**
             * Format: uuid
             * @description The order created on acceptance.
             */
            order_id: string | null;
            closed_reason: string | null;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description The last activity.
             */
            updated_at: string;
            /** @description Oldest first; present when the thread is retrieved by id. */
            messages?: components["schemas"]["ProposalMessage"][];
        };
        /**
         * @description `pending` until funded, `active` while funded or locked, `completed` once released; `cancelled`,
         *     `refunded` (all of it) and `partially_refunded` after refunds; `expired` when the payment window closed
         *     before it was paid.
         * @enum {string}
         */
        OrderStatus: "pending" | "active" | "completed" | "cancelled" | "refunded" | "partially_refunded" | "expired";
        /**
         * @description Where the money is: not yet paid (`pending`), held by the platform (`funded`, then `locked` for
         *     release), paid out to the organizer (`released`), or given back to the sponsor (`refunded`, or
         *     `partially_refunded` when a cancellation penalty went to the organizer).
         * @enum {string}
         */
        EscrowState: "pending" | "funded" | "locked" | "released" | "refunded" | "partially_refunded";
        /**
         * @description Cancelling more than `window_days` before the event refunds everything; inside the window
         *     `penalty_pct` (a fraction, 0.1 = 10 %) of the amount is kept for the organizer.
         */
        CancellationPolicy: {
            window_days: number;
            penalty_pct: number;
        };
        Order: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            package_id: string;
            /** Format: uuid */
            sponsor_id: string;
            /**
             * Format: uuid
             * @description The package variant bought.
             */
            variant_id: string | null;
            /** @description The guarantees this order carries: the accepted terms of its negotiation, else the variant's or package's terms frozen when it was funded (null before). Later changes to the package never change them. */
            sla_terms: components["schemas"]["SlaTerm"][] | null;
            /** Format: uuid */
            proposal_id: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            amount_cents: number;
            currency: string;
            cancellation_policy: components["schemas"]["CancellationPolicy"];
            status: components["schemas"]["OrderStatus"];
            escrow_state: components["schemas"]["EscrowState"];
            /**
             * @description The status of the order's Stripe PaymentIntent, once funding started.
             * @enum {string|null}
             */
            payment_status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "succeeded" | "canceled" | null;
            /** @description Why the last payment attempt failed. */
            payment_error: string | null;
            stripe_payment_intent_id: string | null;
            /** @description The platform fee in basis points (1000 = 10 %), fixed when the order is locked. */
            platform_fee_bps: number | null;
            application_fee_cents: number | null;
            refunded_cents: number;
            /** @description An open dispute holds the order: it cannot be released or paid out until the dispute closes (see `dispute`). */
            disputed: boolean;
            /** @enum {string|null} */
            lock_reason: "manual" | "event_started" | "deliverables_complete" | null;
            /** @enum {string} */
            created_by_side: "organizer" | "sponsor";
            release_policy: components["schemas"]["ReleasePolicy"];
            release_weights: components["schemas"]["ReleaseWeights"];
            /** @description What has left escrow for the organizer (with the platform fee): the whole order at release, or the milestones released so far. `ledger.held_cents` is what escrow still holds. */
            released_cents: number;
            /** Format: date-time */
            funded_at: string | null;
            /** Format: date-time */
            locked_at: string | null;
            /** Format: date-time */
            released_at: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            ledger?: components["schemas"]["OrderLedgerSummary"];
            /** @description The order's payout of a whole-order release (the organizer sees it; null for the sponsor, before release and for a `per_deliverable` order, whose payouts are in `payouts`). */
            payout?: components["schemas"]["Payout"] | null;
            /** @description Every payout of the order (the organizer sees them; empty for the sponsor): the whole-order one, or one per released milestone (its `deliverable_id`). */
            payouts?: components["schemas"]["Payout"][];
            refunds?: components["schemas"]["OrderRefund"][];
            /** @description The order's latest dispute (null when its charge was never disputed). */
            dispute?: components["schemas"]["OrderDispute"] | null;
        };
        OrderDispute: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string;
            stripe_dispute_id: string;
            /**
             * @description Stripe's dispute status; the order is held until it is `won`, `lost` or `warning_closed`.
             * @enum {string}
             */
            status: "warning_needs_response" | "warning_under_review" | "warning_closed" | "needs_response" | "under_review" | "won" | "lost";
            /** @description The amount the sponsor's bank disputes. */
            amount_cents: number;
            currency: string;
            /** @description The bank's reason, e.g. `fraudulent`, `product_not_received`. */
            reason: string;
            /**
             * Format: date-time
             * @description Answer with evidence (in the Stripe dashboard) before this time.
             */
            evidence_due_by: string | null;
            /** @description Taken back by the bank when the dispute was lost. */
            lost_cents: number;
            /** @description Stripe's dispute fee, booked when it was lost. */
            fee_cents: number;
            /**
             * @description To recover from the organizer's transfers (transfer reversals) when lost after a payout: the order's
             *     transfer, or each milestone transfer of a `per_deliverable` order, newest first.
             */
            reversal_cents: number;
            /** @description The Stripe id of the reversal when the dispute reversed one transfer; see `reversals`. */
            stripe_reversal_id: string | null;
            /**
             * @description One transfer reversal per payout the lost dispute recovers from, each made once (idempotency key
             *     `dispute:{id}:payout:{payout_id}:reversal`). `pending` until Stripe made it (a transfer still being
             *     made is reversed once it exists); `failed` when Stripe refused it (the connected account no longer
             *     holds enough): it shows in the ops inbox (`payout_reversal_failed`) until retried with
             *     `POST /v1/payouts/{payout_id}:retry`.
             */
            reversals: {
                /** Format: uuid */
                payout_id: string;
                amount_cents: number;
                /** @enum {string} */
                status: "pending" | "reversed" | "failed";
                stripe_reversal_id: string | null;
                /** @description Stripe's refusal, when `failed`. */
                failure_reason: string | null;
            }[];
            /** Format: date-time */
            closed_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        OrderSettings: {
            /** Format: uuid */
            org_id: string;
            /** @description Unpaid orders expire after this (default 72). */
            payment_window_hours: number;
            /** @description Submitted deliverables are approved after this (default 7). */
            review_window_days: number;
            /** @description Locked, fulfilled orders are released this long after the lock (null, the default, never). */
            auto_release_after_days: number | null;
            /**
             * Format: date-time
             * @description Null while the defaults apply.
             */
            updated_at: string | null;
        };
        OrderSettingsInput: {
            payment_window_hours?: number;
            review_window_days?: number;
            auto_release_after_days?: number | null;
        };
        SandboxDisputeClose: {
            /** @enum {string} */
            outcome: "won" | "lost";
        };
        OrderCreate: {
            /** Format: uuid */
            package_id: string;
            /** Format: uuid */
            sponsor_id: string;
            /**
             * Format: uuid
             * @description A variant of the package: its price, currency, inventory, benefits and terms apply.
             */
            variant_id?: string;
            /**
             * Format: uuid
             * @description Optional; must be the package's event.
             */
            event_id?: string;
            /** @description Defaults to the package's price. */
            amount_cents?: number;
            /** @description Defaults to (and must be) the package's currency. */
            currency?: string;
            cancellation_policy?: components["schemas"]["CancellationPolicy"];
            /** @description Defaults to the package's. */
            release_policy?: components["schemas"]["ReleasePolicy"];
            /** @description Defaults to the package's (only when `release_policy` is left out as well). */
            release_weights?: components["schemas"]["ReleaseWeights"];
        };
        OrderLedgerSummary: {
            /** @description Posted balance of the order's escrow account. */
            escrow_balance_cents: number;
            /** @description Posted out of escrow to the organizer and the platform fee (the release, or each milestone). */
            released_cents: number;
            /** @description Still held in escrow (the same as `escrow_balance_cents`). */
            held_cents: number;
            /** @description Amount booked by the lock and waiting for release (a pending ledger transaction). */
            pending_release_cents: number;
            transactions: components["schemas"]["LedgerTransaction"][];
        };
        OrderRefund: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string;
            amount_cents: number;
            currency: string;
            reason: string;
            /** @description What caused it, e.g. `cancellation`, `manual:<key>`, `sla:<id>`. */
            reference: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            /** @description Taken back from the organizer's transfer. */
            reversal_cents: number;
            stripe_refund_id: string | null;
            stripe_reversal_id: string | null;
            failure_reason: string | null;
            /** Format: date-time */
            created_at: string;
        };
        Payout: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The organizer organization paid.
             */
            org_id: string;
            /** Format: uuid */
            order_id: string;
            /**
             * Format: uuid
             * @description The milestone (deliverable) this payout releases; null for a whole-order release.
             */
            deliverable_id: string | null;
            /** @description Transferred to the organizer (order amount − fee). */
            amount_cents: number;
            /** @description The platform fee kept. */
            fee_cents: number;
            currency: string;
            status: components["schemas"]["PayoutStatus"];
            /** @description How often `:retry` queued it again (its transfer key is then `payout:{id}:retry:{n}`). */
            retry_count: number;
            /**
             * Format: date-time
             * @description When the transfer was last asked of Stripe.
             */
            transfer_requested_at: string | null;
            /** @description The organizer's Stripe Connect account. */
            destination_account_id: string | null;
            stripe_transfer_id: string | null;
            reversed_cents: number;
            payout_attempts: number;
            payout_failure_reason: string | null;
            /** Format: date-time */
            paid_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description `pending` (queued), `processing` (the transfer was asked of Stripe), `paid`; `awaiting_configuration`
         *     while the organizer cannot receive transfers (it resumes by itself once the payout configuration allows
         *     it); `failed` after the last attempt (`POST /v1/payouts/{id}:retry`, `yardpass payouts retry <id>`);
         *     `cancelled` when a lost dispute took the money back before it was transferred.
         * @enum {string}
         */
        PayoutStatus: "pending" | "processing" | "awaiting_configuration" | "paid" | "failed" | "cancelled";
        LedgerEntry: {
            /** Format: uuid */
            account_id: string;
            account_code: string;
            /** @enum {string} */
            account_kind: "stripe_clearing" | "platform_fees" | "escrow" | "organizer_payable";
            /** @description Positive for a debit, negative for a credit. */
            amount_cents: number;
            currency: string;
        };
        LedgerTransaction: {
            /** Format: uuid */
            id: string;
            reference: string;
            /** @enum {string} */
            kind: "fund" | "lock" | "refund" | "penalty" | "transfer" | "reversal" | "dispute" | "release";
            /** @enum {string} */
            status: "pending" | "posted" | "voided";
            /** Format: uuid */
            order_id: string | null;
            description: string;
            entries: components["schemas"]["LedgerEntry"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            posted_at: string | null;
            /** Format: date-time */
            voided_at: string | null;
        };
        LedgerAccount: {
            /** Format: uuid */
            id: string;
            /**
             * @example escrow:6f1c…
             * @example organizer_payable:9a2b…:USD
             */
            code: string;
            /** @enum {string} */
            kind: "stripe_clearing" | "platform_fees" | "escrow" | "organizer_payable";
            currency: string;
            /** Format: uuid */
            org_id: string | null;
            /** Format: uuid */
            order_id: string | null;
            /** @description Sum of the posted entries the caller may see. */
            balance_cents: number;
            /** @description Sum of the entries of pending transactions. */
            pending_cents: number;
            /** Format: date-time */
            created_at: string;
        };
        OrderFundRequest: {
            /** @example pm_card_visa */
            payment_method_id: string;
        };
        OrderFunding: {
            payment_intent_id: string;
            /** @enum {string} */
            status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "requires_capture" | "canceled" | "succeeded";
            /** @description For Stripe.js to finish 3-D Secure when `status` is `requires_action`. */
            client_secret: string | null;
            order: components["schemas"]["Order"];
        };
        OrderCancelRequest: {
            reason?: string;
        };
        OrderRefundRequest: {
            /** @description Leave out to refund everything not yet refunded. */
            amount_cents?: number;
            reason?: string;
        };
        PayoutConfiguration: {
            /** Format: uuid */
            org_id: string;
            stripe_connect_account_id: string | null;
            /** @description Basis points: 1000 = 10 %. */
            platform_fee_bps: number;
            platform_fee_limits: {
                min_bps: number;
                max_bps: number;
            };
            /** Format: date-time */
            created_at: string | null;
            /** Format: date-time */
            updated_at: string | null;
        };
        PayoutConfigurationInput: {
            stripe_connect_account_id?: string | null;
            platform_fee_bps?: number;
        };
        PayoutOnboardingRequest: {
            /** Format: uri */
            return_url: string;
            /** Format: uri */
            refresh_url: string;
        };
        PayoutOnboarding: {
            account_id: string;
            /** Format: uri */
            url: string;
            /** Format: date-time */
            expires_at: string;
        };
        /**
         * @description `pending → submitted → approved | needs_changes (→ submitted …) | waived`.
         * @enum {string}
         */
        DeliverableStatus: "pending" | "submitted" | "approved" | "needs_changes" | "waived";
        Deliverable: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            sponsor_id: string;
            /** Format: uuid */
            order_id: string | null;
            /** Format: uuid */
            package_id: string | null;
            /**
             * Format: uuid
             * @description The package variant of its order.
             */
            variant_id: string | null;
            /**
             * Format: uuid
             * @description The SLA whose breach this make-good deliverable answers.
             */
            sla_id: string | null;
            /** @description The package benefit it fulfils, for deliverables created at funding. */
            benefit_key: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            /** @example logo_placement */
            type: string;
            spec: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            due_at: string | null;
            evidence_required: boolean;
            /** @description The side that must fulfil it. */
            owner_side: components["schemas"]["Side"];
            status: components["schemas"]["DeliverableStatus"];
            /** @description The reason given with the latest request for changes or waiver. */
            status_reason: string | null;
            /** @description Its weight in a `per_deliverable` release of its order (from the order's `release_weights`). */
            release_weight: number;
            event_title: string | null;
            sponsor_name: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        DeliverableProof: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            deliverable_id: string;
            /** Format: uri */
            asset_url: string;
            metrics: {
                [key: string]: number;
            };
            note: string | null;
            side: components["schemas"]["Side"];
            /** Format: uuid */
            submitted_by_user_id: string | null;
            /** Format: date-time */
            created_at: string;
        };
        DeliverableReview: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            deliverable_id: string;
            /** @enum {string} */
            action: "submitted" | "approved" | "needs_changes" | "waived";
            side: components["schemas"]["Side"];
            from_status: components["schemas"]["DeliverableStatus"];
            to_status: components["schemas"]["DeliverableStatus"];
            reason: string | null;
            /** Format: uuid */
            proof_id: string | null;
            /** Format: uuid */
            actor_user_id: string | null;
            /** Format: date-time */
            created_at: string;
        };
        DeliverableDetail: components["schemas"]["Deliverable"] & {
            proofs: components["schemas"]["DeliverableProof"][];
            reviews: components["schemas"]["DeliverableReview"][];
        };
        DeliverableCreate: {
            /** Format: uuid */
            order_id?: string;
            /** Format: uuid */
            event_id?: string;
            /** Format: uuid */
            sponsor_id?: string;
            /** Format: uuid */
            package_id?: string;
            type: string;
            spec?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            due_at?: string | null;
            /** @default true */
            evidence_required?: boolean;
            /** @default organizer */
            owner_side?: components["schemas"]["Side"];
        };
        DeliverableUpdate: {
            type?: string;
            spec?: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            due_at?: string | null;
            evidence_required?: boolean;
        };
        DeliverableProofCreate: {
            /** Format: uri */
            asset_url: string;
            /** @description What the proof shows, e.g. `{ "impressions": 25000, "clicks": 1050 }`; counts towards SLAs once approved. */
            metrics?: {
                [key: string]: number;
            };
            note?: string | null;
        };
        DeliverableReason: {
            reason: string;
        };
        /**
         * @description A guarantee written into a package, a variant or an order. Metrics: `impressions` and `reach` (measured
         *     from event stats or proof metrics), `clicks`, `engagement_rate`, `booth_hours`, `posts_published`, `leads`
         *     (proof metrics), and `proof:<name>` for any metric of approved proofs by name. Counts add up over the
         *     approved proofs of the order; `engagement_rate` is their average.
         */
        SlaTerm: {
            /**
             * @example impressions
             * @example booth_hours
             * @example proof:story_views
             */
            metric: string;
            target: number;
            /**
             * @description The measurement window runs until this many days after the event ends (the due date).
             * @default 0
             */
            window_days?: number;
            /**
             * @description Where the actual value comes from: the event's latest stat snapshot (impressions and reach only) or the approved proofs of the order's deliverables. Defaults to event stats where the metric has them.
             * @enum {string}
             */
            source?: "event_stats" | "proof_metrics";
            /**
             * @description Days after the due date before a miss counts as a breach.
             * @default 0
             */
            grace_days?: number;
            breach_policy?: components["schemas"]["SlaTermBreachPolicy"];
            /** @description The term in words, written by the server (ignored when sent). */
            readonly summary?: string;
        };
        /**
         * @description What a breach does: refund `penalty_pct` of the order amount (`penalty_pct`) or `penalty_cents`
         *     (`penalty_fixed`), owe a make-good deliverable (`make_good`), or only tell both parties (`notify`).
         *     A penalty may also owe a make-good with `make_good: true`. Every breach sends `sla.breached`.
         */
        SlaTermBreachPolicy: {
            /** @enum {string} */
            action: "penalty_pct" | "penalty_fixed" | "make_good" | "notify";
            penalty_pct?: number;
            penalty_cents?: number;
            /** @default false */
            make_good?: boolean;
        };
        /** @enum {string} */
        SlaStatus: "pending" | "met" | "breached";
        /** @description Guide §11: a penalty (`penalty_pct` of the order amount, or `penalty_cents`) refunded on breach, or `remedy: makegood` (a new deliverable), after `grace_days`. */
        SlaBreachPolicy: {
            penalty_pct?: number;
            penalty_cents?: number;
            /**
             * @example makegood
             * @example partial_refund
             */
            remedy?: string;
            grace_days?: number;
        } & {
            [key: string]: unknown;
        };
        Sla: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            sponsor_id: string;
            /** Format: uuid */
            package_id: string;
            /** @description The term of the order it was made from (window, source, grace, policy, summary). */
            terms: components["schemas"]["SlaTerm"] | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            /**
             * @example impressions_total
             * @example booth_hours
             */
            metric: string;
            target: number;
            breach_policy: components["schemas"]["SlaBreachPolicy"];
            status: components["schemas"]["SlaStatus"];
            /** @description The value found by the latest evaluation. */
            actual: number | null;
            /** @description The `event_stat_snapshots` rows the actual value came from (guide §17). */
            evidence_snapshot_ids: string[];
            /** @description The approved proofs whose metrics counted. */
            evidence_proof_ids: string[];
            /** Format: date-time */
            due_at: string;
            /**
             * Format: date-time
             * @description The due date plus the grace days.
             */
            evaluate_after: string;
            /** Format: date-time */
            evaluated_at: string | null;
            /** Format: date-time */
            breached_at: string | null;
            /** @description The penalty refunded for a breach. */
            penalty_cents: number | null;
            /** @description The refund made for the breach (`sla:<id>`). */
            refund_reference: string | null;
            /** Format: uuid */
            makegood_deliverable_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @enum {string} */
        ActivationStatus: "draft" | "in_progress" | "complete";
        EventSponsorship: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            sponsor_id: string;
            tier: string;
            amount_cents: number;
            currency: string;
            benefits: {
                [key: string]: unknown;
            };
            activation_status: components["schemas"]["ActivationStatus"];
            /**
             * Format: uuid
             * @description The funded order that activated it.
             */
            order_id: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        EventSponsorshipUpsert: {
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            sponsor_id: string;
            tier: string;
            amount_cents?: number;
            currency?: string;
            benefits?: {
                [key: string]: unknown;
            };
            activation_status?: components["schemas"]["ActivationStatus"];
        };
        /**
         * @description A webhook event type; `GET /v1/webhook-event-types` lists them with their payload schemas.
         * @example order.funded
         */
        WebhookEventTypeName: string;
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            org_id: string;
            /** Format: uri */
            url: string;
            description: string | null;
            /** @description The event types delivered here; `null` for all of them. */
            event_types: components["schemas"]["WebhookEventTypeName"][] | null;
            enabled: boolean;
            /**
             * @description `manual` (you), `gone` (the endpoint answered 410), `failing` (it failed continuously too long).
             * @enum {string|null}
             */
            disabled_reason: "manual" | "gone" | "failing" | null;
            /**
             * Format: date-time
             * @description When the current run of failed attempts began; `null` while deliveries succeed.
             */
            failing_since: string | null;
            /** @description The start of the signing secret, to recognise it. */
            secret_prefix: string;
            /**
             * Format: date-time
             * @description Until then the previous secret signs too (a second `v1,` signature).
             */
            previous_secret_expires_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookEndpointWithSecret: components["schemas"]["WebhookEndpoint"] & {
            /** @description The signing secret (`whsec_` + base64). Shown only on creation and rotation. */
            secret: string;
        };
        WebhookEndpointCreate: {
            /**
             * Format: uri
             * @description Must be https (plain http only in dev mode) and must not resolve to a private address.
             */
            url: string;
            description?: string | null;
            event_types?: components["schemas"]["WebhookEventTypeName"][] | null;
            /** @default true */
            enabled?: boolean;
        };
        WebhookEndpointUpdate: {
            /** Format: uri */
            url?: string;
            description?: string | null;
            event_types?: components["schemas"]["WebhookEventTypeName"][] | null;
            /** @description Enabling clears `disabled_reason` and `failing_since`. */
            enabled?: boolean;
        };
        WebhookSecretRotation: {
            /**
             * @description How long the previous secret keeps signing alongside the new one.
             * @default 86400
             */
            overlap_seconds?: number;
        };
        /** @description An event, exactly as delivered (the webhook body). */
        WebhookEvent: {
            /**
             * Format: uuid
             * @description Also the `webhook-id` header: de-duplicate on it.
             */
            id: string;
            type: components["schemas"]["WebhookEventTypeName"];
            /** Format: date-time */
            created_at: string;
            data: {
                [key: string]: unknown;
            };
        };
        WebhookEventDetail: components["schemas"]["WebhookEvent"] & {
            deliveries: components["schemas"]["WebhookDelivery"][];
        };
        /**
         * @description `failed`: the last attempt failed and another is scheduled; `dead`: no attempt is left (dead letter).
         * @enum {string}
         */
        WebhookDeliveryStatus: "pending" | "failed" | "succeeded" | "dead";
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            event_type: components["schemas"]["WebhookEventTypeName"];
            /** Format: uuid */
            endpoint_id: string;
            status: components["schemas"]["WebhookDeliveryStatus"];
            attempt_count: number;
            /** Format: date-time */
            next_attempt_at: string | null;
            /** Format: date-time */
            last_attempt_at: string | null;
            last_error: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description Every attempt, oldest first (empty in lists). */
            attempts: components["schemas"]["WebhookAttempt"][];
        };
        WebhookAttempt: {
            attempt: number;
            /** Format: date-time */
            attempted_at: string;
            /** @description `null` when no answer came (timeout, refused, blocked). */
            status_code: number | null;
            latency_ms: number;
            /** @description The first 2 KiB of the answer. */
            response_body: string | null;
            error: string | null;
        };
        WebhookEventType: {
            type: components["schemas"]["WebhookEventTypeName"];
            description: string;
            /** @description JSON Schema (2020-12) of the whole payload, `{id, type, created_at, data}`, with its `$defs`. */
            schema: {
                [key: string]: unknown;
            };
        };
        WebhookEventTrigger: {
            type: components["schemas"]["WebhookEventTypeName"];
        };
        WebhookReplay: {
            /** @description How many deliveries were queued again. */
            replayed: number;
        };
        /**
         * @description One raw record. `impression` uses `session_id`, `source`, `utm_source`, `placement`; `post_view` needs
         *     `post_id` and `dwell_ms`; `ticket_open` / `ticket_purchase` use `value_cents` (purchases), `utm_source`
         *     and `promo_code`. `age_segment` and `city` are optional audience attributes of any record.
         */
        AnalyticsRecord: {
            /** @enum {string} */
            kind: "impression" | "post_view" | "ticket_open" | "ticket_purchase";
            /** Format: date-time */
            occurred_at: string;
            session_id?: string;
            source?: string;
            utm_source?: string;
            placement?: string;
            post_id?: string;
            dwell_ms?: number;
            value_cents?: number;
            promo_code?: string;
            age_segment?: string;
            city?: string;
        };
        AnalyticsBatchInput: {
            /**
             * Format: uuid
             * @description Chosen by the sender; the same id for the same event is stored once.
             */
            batch_id: string;
            records: components["schemas"]["AnalyticsRecord"][];
        };
        AnalyticsBatch: {
            /** Format: uuid */
            batch_id: string;
            /** Format: uuid */
            event_id: string;
            records: number;
            impressions: number;
            post_views: number;
            ticket_events: number;
            /** @description True when this batch had been stored before. */
            replayed: boolean;
            /** Format: date-time */
            received_at: string;
        };
        /** @description The audience as shared with other organizations (consented, unexpired, at least k people). */
        ShareableAudience: {
            /** Format: date-time */
            captured_at: string | null;
            estimated_reach: number | null;
            /** @description Age segment → share of the people with a known segment. */
            age_segments: {
                [key: string]: number;
            };
            geo_top3: string[];
            metrics: {
                [key: string]: number;
            };
        };
        EventStats: {
            /** Format: uuid */
            event_id: string;
            /**
             * Format: date-time
             * @description When the latest rollup ran; null before the first.
             */
            captured_at: string | null;
            /** @description The latest value of each metric: impressions_24h, impressions_total, video_avg_dwell_ms_7d, post_views_7d, ticket_opens_30d, ticket_purchases_30d, ticket_conv_rate_30d, ticket_revenue_cents_30d, reach_estimate_30d. */
            metrics: {
                [key: string]: number;
            };
            /** @description The id of each metric's snapshot row (SLA evidence). */
            snapshot_ids: {
                [key: string]: string;
            };
            /** @description One point per rollup in the window, oldest first. */
            series: {
                /** Format: date-time */
                captured_at: string;
                metrics: {
                    [key: string]: number;
                };
            }[];
            audience: components["schemas"]["ShareableAudience"];
        };
        AudienceConsentInput: {
            /**
             * @example age:18-24
             * @example city:Austin
             */
            segment_key: string;
            /** @enum {string} */
            scope: "aggregated" | "cohort" | "pseudonymous";
            /** Format: date-time */
            expires_at?: string | null;
        };
        AudienceConsent: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            segment_key: string;
            /** @enum {string} */
            scope: "aggregated" | "cohort" | "pseudonymous";
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            created_at: string;
        };
        RoiDay: {
            /** Format: date */
            date: string;
            impressions: number;
            conversions: number;
            conversion_value_cents: number;
        };
        RoiReport: {
            /** Format: uuid */
            order_id: string;
            /** Format: uuid */
            event_id: string;
            event_title: string;
            /** Format: uuid */
            sponsor_id: string;
            sponsor_name: string;
            /** @description The organization that owns the event. */
            organizer_name: string;
            /** @description The package variant bought, if any. */
            variant: {
                /** Format: uuid */
                id: string;
                title: string;
                tier: string;
            } | null;
            currency: string;
            /** @description Where the investment is: released to the organizer (the whole order at release, or each approved milestone of a `per_deliverable` order) and still held in escrow, from the ledger. */
            escrow: {
                release_policy: components["schemas"]["ReleasePolicy"];
                released_cents: number;
                held_cents: number;
            };
            /** @description Whole UTC days, `from` inclusive, `to` exclusive. */
            period: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            attribution: {
                utm_sources: string[];
                promo_codes: string[];
                utm_source_filter: string | null;
                /** @description False when no utm source, promo code or `utm_source` filter can attribute a sale. */
                configured: boolean;
                /** @description Without attribution, why conversions are 0 and how to set it; else null. */
                note: string | null;
            };
            /**
             * @description What the approved deliverables' proofs claim, beside the measured figures: each numeric metric of
             *     their latest proofs, summed by name (e.g. `impressions`).
             */
            proof_metrics: {
                [key: string]: number;
            };
            investment_cents: number;
            impressions: number;
            conversions: number;
            conversion_value_cents: number;
            /** @description Conversion value ÷ investment. */
            roi_multiplier: number;
            /** @description Investment per thousand impressions; null without impressions. */
            cpm_cents: number | null;
            daily: components["schemas"]["RoiDay"][];
            deliverables: {
                /** Format: uuid */
                id: string;
                type: string;
                status: string;
                /** Format: date-time */
                due_at: string | null;
                /** @description The metrics of the latest proof. */
                proven_metrics: {
                    [key: string]: unknown;
                };
            }[];
            slas: {
                /** Format: uuid */
                id: string;
                metric: string;
                target: number;
                status: string;
                actual: number | null;
                snapshot_ids: string[];
                /** @description The guarantee as sold (null for SLAs made before terms existed). */
                terms: components["schemas"]["SlaTerm"] | null;
            }[];
            /** @description The stat snapshots the report used (the event's latest rollup before the window's end). */
            snapshot_ids: string[];
            /** Format: date-time */
            generated_at: string;
        };
        /** @enum {string} */
        InboxKind: "order_awaiting_funding" | "deliverable_awaiting_review" | "deliverable_past_due" | "proposal_follow_up" | "order_disputed" | "order_locked" | "payout_failed" | "payout_awaiting_configuration" | "payout_reversal_failed" | "webhook_endpoint_failing" | "webhook_delivery_dead";
        InboxItem: {
            kind: components["schemas"]["InboxKind"];
            /**
             * Format: uuid
             * @description The stuck resource.
             */
            id: string;
            /** @enum {string} */
            resource: "order" | "deliverable" | "proposal" | "payout" | "webhook endpoint" | "webhook delivery";
            /**
             * Format: uuid
             * @description The organization whose move it is.
             */
            org_id: string;
            /**
             * Format: date-time
             * @description Stuck since (for a past-due deliverable: its due date).
             */
            since: string;
            /** @description Why it is stuck, in one sentence. */
            why: string;
            /** @description The money it holds up (the order's remaining amount, the payout or its reversal, the latest offer). */
            amount_cents: number | null;
            currency: string | null;
            /**
             * Format: uuid
             * @description The order of a deliverable or payout, the endpoint of a delivery.
             */
            related_id: string | null;
            action: {
                /**
                 * @description GET: nothing in the API moves it; the answer says where to act.
                 * @enum {string}
                 */
                method: "GET" | "POST" | "PATCH" | "PUT";
                path: string;
                /** @description The `yardpass` command that does the same. */
                command: string;
            };
        };
        InboxSummary: {
            kind: components["schemas"]["InboxKind"];
            currency: string | null;
            count: number;
            amount_cents: number;
        };
        Inbox: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["InboxItem"][];
        };
        IntegrityCheck: {
            /** @enum {string} */
            name: "active_package_event" | "public_sponsor_profile" | "ledger_transaction_balance" | "escrow_balance" | "funded_order_escrow" | "released_order_payout" | "paid_payout_transfer" | "payout_reversal_booked";
            /** @enum {string} */
            severity: "error" | "warning";
            passed: boolean;
            /** @description The rows that break the check (up to 100). */
            rows: {
                id: string;
                detail: {
                    [key: string]: unknown;
                };
            }[];
            /** @description More than 100 rows break it. */
            more: boolean;
        };
        IntegrityReport: {
            /** @description No check of severity error failed. */
            ok: boolean;
            /** Format: date-time */
            checked_at: string;
            checks: components["schemas"]["IntegrityCheck"][];
        };
        BusinessMoney: {
            currency: string;
            orders_funded: number;
            gmv_cents: number;
            platform_fees_cents: number;
            refunds_cents: number;
            /** @description Paid payouts, by the day they were paid, less the transfer reversals of lost disputes, by the day they were reversed (a day can be negative). */
            payouts_cents: number;
        };
        BusinessFigures: {
            packages_created: number;
            events_with_new_packages: number;
            packages_per_event: number | null;
            proposals: number;
            proposals_converted: number;
            conversion_rate: number | null;
            median_negotiation_seconds: number | null;
            deliverables_due: number;
            deliverables_on_time: number;
            on_time_rate: number | null;
            slas_evaluated: number;
            slas_met: number;
            sla_compliance_rate: number | null;
            money: components["schemas"]["BusinessMoney"][];
        };
        BusinessPeriod: {
            /** Format: date-time */
            period_start: string;
        } & components["schemas"]["BusinessFigures"];
        BusinessMetrics: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** @enum {string} */
            interval: "day" | "week" | "month";
            /** Format: uuid */
            event_id: string | null;
            series: components["schemas"]["BusinessPeriod"][];
            totals: components["schemas"]["BusinessFigures"];
        };
        ReconciliationRequest: {
            /**
             * Format: date-time
             * @description Start of the period (default: the start of yesterday, UTC).
             */
            from?: string;
            /**
             * Format: date-time
             * @description End of the period, exclusive (default: the start of today, UTC).
             */
            to?: string;
        };
        ReconciliationRun: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            provider: "stripe" | "sandbox";
            /** @enum {string} */
            trigger: "schedule" | "manual";
            /** Format: date-time */
            period_start: string;
            /** Format: date-time */
            period_end: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /** @description How many of the processor's records of each kind were compared. */
            checked: {
                [key: string]: number;
            };
            difference_count: number;
            /** @description Why a failed run failed. */
            error: string | null;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            finished_at: string | null;
        };
        ReconciliationDifference: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            object_type: "charge" | "transfer" | "refund" | "dispute";
            /** @description The processor's id (ch_…, tr_…, re_…, dp_…). */
            object_id: string;
            /** @enum {string} */
            issue: "missing_in_ledger" | "missing_at_processor" | "amount_mismatch";
            /** Format: uuid */
            order_id: string | null;
            processor_amount_cents: number | null;
            ledger_amount_cents: number | null;
            currency: string | null;
            detail: string;
        };
        ReconciliationDetail: components["schemas"]["ReconciliationRun"] & {
            differences: components["schemas"]["ReconciliationDifference"][];
        };
        /**
         * @description The caller's side's status: `suggested` once the score reaches the organization's threshold, `accepted` or `dismissed` by feedback.
         * @enum {string}
         */
        MatchStatus: "pending" | "suggested" | "accepted" | "dismissed";
        /** @description One weight per component; they add up to 1 (defaults 0.25, 0.35, 0.15, 0.15, 0.10). */
        MatchWeights: {
            budget_fit: number;
            audience_overlap: number;
            geo_overlap: number;
            engagement_quality: number;
            objectives_similarity: number;
        };
        Match: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            sponsor_id: string;
            your_side: components["schemas"]["Side"];
            status: components["schemas"]["MatchStatus"];
            /** @description The weighted sum of the components. */
            score: number;
            /** @description Each component in [0, 1] (docs/matching.md defines them). */
            components: components["schemas"]["MatchWeights"];
            /** @description The weights the score was computed with (the organizer's). */
            weights: components["schemas"]["MatchWeights"];
            /** @description Inputs that were absent, whose component counted as 0 (e.g. `sponsor_budget`, `audience_consent`). */
            missing: string[];
            /** @description What each component saw (packages in budget, shared age segments, the matching place, …). */
            details: {
                [key: string]: unknown;
            };
            event: {
                /** Format: uuid */
                id: string;
                title: string;
                city: string | null;
                category: string | null;
                /** Format: date-time */
                starts_at: string;
            };
            sponsor: {
                /** Format: uuid */
                id: string;
                name: string;
                industry: string | null;
                logo_url: string | null;
            };
            /** @description The event's package that fits the sponsor best (in budget, highest price; else the cheapest). */
            best_package: null | {
                /** Format: uuid */
                id: string;
                title: string;
                tier: string;
                price_cents: number;
                currency: string;
            };
            /** Format: date-time */
            suggested_at: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        MatchDetail: components["schemas"]["Match"] & {
            /** @description One sentence per component, e.g. "Audience 25-34 overlaps 0.71.". */
            explanation: string[];
            /** @description The caller's own feedback on this match, newest first. */
            feedback: components["schemas"]["MatchFeedback"][];
        };
        MatchFeedbackCreate: {
            /** @enum {string} */
            action: "accept" | "dismiss" | "not_relevant";
            reason?: string;
            note?: string;
        };
        MatchFeedback: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            match_id: string;
            side: components["schemas"]["Side"];
            /** @enum {string} */
            action: "accept" | "dismiss" | "not_relevant";
            reason: string | null;
            note: string | null;
            /** Format: date-time */
            created_at: string;
        };
        MatchPropose: {
            initial_message?: components["schemas"]["ProposalMessageCreate"];
        };
        /** @description The guide's body; at least one of `event_id` and `sponsor_id`. */
        MatchRecompute: {
            /** Format: uuid */
            event_id?: string;
            /** Format: uuid */
            sponsor_id?: string;
            /** @default manual */
            reason?: string;
        };
        MatchRecomputeEntry: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            event_id: string | null;
            /** Format: uuid */
            sponsor_id: string | null;
            reason: string;
            /** Format: date-time */
            queued_at: string;
            /** Format: date-time */
            processed_at: string | null;
        };
        MatchingSettings: {
            weights: components["schemas"]["MatchWeights"];
            threshold: number;
            /**
             * Format: date-time
             * @description Null while the defaults apply.
             */
            updated_at: string | null;
        };
        MatchingSettingsInput: {
            weights?: components["schemas"]["MatchWeights"];
            threshold?: number;
        };
        /** @description A float vector from your embeddings model, compared by cosine similarity with the counterpart's for the objectives component (both sides need one of the same length). Write-only. */
        Embedding: number[];
    };
    responses: {
        /** @description A workspace. */
        Workspace: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Workspace"];
                };
            };
        };
        /** @description A workspace member or invitation. */
        WorkspaceMember: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WorkspaceMember"];
                };
            };
        };
        /** @description What the workspace groups. */
        WorkspaceLinks: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WorkspaceLinks"];
                };
            };
        };
        /** @description A widget with its metrics. */
        Widget: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Widget"];
                };
            };
        };
        /** @description A workspace's command center settings. */
        CommandCenter: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["CommandCenter"];
                };
            };
        };
        /** @description A reconciliation run and its differences. */
        Reconciliation: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["ReconciliationDetail"];
                };
            };
        };
        /** @description A page of matches, best score first. */
        MatchList: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ListEnvelope"] & {
                    data: components["schemas"]["Match"][];
                };
            };
        };
        /** @description The organization's matching settings. */
        MatchingSettings: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["MatchingSettings"];
                };
            };
        };
        /** @description The caller's organization. */
        CurrentOrganization: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["CurrentOrganization"];
                };
            };
        };
        /** @description A membership. */
        Member: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Member"];
                };
            };
        };
        /** @description An event. */
        Event: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Event"];
                };
            };
        };
        /** @description A sponsor. */
        Sponsor: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Sponsor"];
                };
            };
        };
        /** @description A sponsor profile. */
        SponsorProfile: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["SponsorProfile"];
                };
            };
        };
        /** @description The resource was deleted. */
        Deleted: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Deleted"];
                };
            };
        };
        /** @description The request is malformed or invalid; `errors[]` names each field. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing, malformed, expired or revoked credentials. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's role does not allow this. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource in the caller's organization. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A conflicting state, a duplicate, or the same Idempotency-Key still in progress. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The Idempotency-Key was used with a different request, or the request breaks a business rule. */
        UnprocessableEntity: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit exceeded; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                "RateLimit-Limit": components["headers"]["RateLimit-Limit"];
                "RateLimit-Remaining": components["headers"]["RateLimit-Remaining"];
                "RateLimit-Reset": components["headers"]["RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A sponsorship package. */
        SponsorshipPackage: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["SponsorshipPackage"];
                };
            };
        };
        /** @description A package template. */
        PackageTemplate: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["PackageTemplate"];
                };
            };
        };
        /** @description A package variant. */
        PackageVariant: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["PackageVariant"];
                };
            };
        };
        /** @description A proposal thread (with its messages when retrieved one by one). */
        Proposal: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Proposal"];
                };
            };
        };
        /** @description A message of a proposal thread. */
        ProposalMessage: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["ProposalMessage"];
                };
            };
        };
        /** @description The `version` (or `If-Match`) is stale; read the resource again and retry. */
        PreconditionFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An order. */
        Order: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Order"];
                };
            };
        };
        /** @description The PaymentIntent's status and the order. */
        OrderFunding: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["OrderFunding"];
                };
            };
        };
        /** @description A payout. */
        Payout: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Payout"];
                };
            };
        };
        /** @description Order windows. */
        OrderSettings: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["OrderSettings"];
                };
            };
        };
        /** @description Payout settings. */
        PayoutConfiguration: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["PayoutConfiguration"];
                };
            };
        };
        /** @description A Stripe Connect onboarding link. */
        PayoutOnboarding: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["PayoutOnboarding"];
                };
            };
        };
        /** @description The card was declined (`decline_code`, `payment_intent_id`); the order stays pending. */
        PaymentDeclined: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Stripe could not be reached; nothing was recorded, retry with the same Idempotency-Key. */
        PaymentsUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A deliverable with its proofs and review history. */
        DeliverableDetail: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["DeliverableDetail"];
                };
            };
        };
        /** @description An SLA of an order. */
        Sla: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["Sla"];
                };
            };
        };
        /** @description An event sponsorship. */
        EventSponsorship: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["EventSponsorship"];
                };
            };
        };
        /** @description A webhook endpoint. */
        WebhookEndpoint: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WebhookEndpoint"];
                };
            };
        };
        /** @description A webhook endpoint with its signing secret (shown only here). */
        WebhookEndpointWithSecret: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
        };
        /** @description A webhook event. */
        WebhookEvent: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WebhookEvent"];
                };
            };
        };
        /** @description A webhook event with its deliveries and their attempts. */
        WebhookEventDetail: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WebhookEventDetail"];
                };
            };
        };
        /** @description A delivery of an event to an endpoint, with its attempts. */
        WebhookDelivery: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WebhookDelivery"];
                };
            };
        };
        /** @description The deliveries queued again. */
        WebhookReplay: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["WebhookReplay"];
                };
            };
        };
        /** @description The batch as stored (200 when it had been stored before). */
        AnalyticsBatch: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["AnalyticsBatch"];
                };
            };
        };
        /** @description The event's stats. */
        EventStats: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["EventStats"];
                };
            };
        };
        /** @description An audience consent. */
        AudienceConsent: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["AudienceConsent"];
                };
            };
        };
        /** @description A page of audience consents. */
        AudienceConsentList: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ListEnvelope"] & {
                    data?: components["schemas"]["AudienceConsent"][];
                };
            };
        };
        /** @description The ROI report, as JSON, CSV or PDF. */
        RoiReport: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: components["schemas"]["RoiReport"];
                };
                "text/csv": string;
                "application/pdf": string;
            };
        };
    };
    parameters: {
        Id: string;
        /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
        OrgId: string;
        /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
        IdempotencyKey: string;
        /** @description Page size. */
        Limit: number;
        /** @description The `next_cursor` of the previous page. */
        StartingAfter: string;
        /** @description Your own id of the widget inside the workspace (letters, digits, `-`, `_`). */
        WidgetId: string;
        /** @description The `public_id` of a published widget. */
        PublicWidgetId: string;
        /** @description Only matches with this status for the caller's side (dismissed ones are listed only this way). */
        MatchStatusFilter: components["schemas"]["MatchStatus"];
        MinScore: number;
        /** @description The counterpart's category (the event's; the sponsor's industry or preferred categories). */
        MatchCategory: string;
        /** @description The counterpart's place (the event's city; one of the sponsor's regions). */
        MatchCity: string;
    };
    requestBodies: never;
    headers: {
        /** @description The request's id; also in logs and problem bodies. */
        "X-Request-Id": string;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description Requests allowed per window in this bucket. */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window resets. */
        "RateLimit-Reset": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getOpenApiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getOpenApiYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page rendering this contract (Swagger UI, served by this server, no CDN). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getDocsAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: "swagger-ui.css" | "swagger-ui-bundle.js";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, from the server's installed swagger-ui-dist package. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                    "text/javascript": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    getCurrentOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CurrentOrganization"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Member"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    inviteMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberInvite"];
            };
        };
        responses: {
            201: components["responses"]["Member"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Member"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberUpdate"];
            };
        };
        responses: {
            200: components["responses"]["Member"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of API keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["ApiKey"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description The new key, with its secret. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKeyWithSecret"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKey"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only entries with this action, e.g. `event.create`. */
                action?: string;
                /** @description Only entries about this kind of resource, e.g. `event`. */
                resource_type?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit log entries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["AuditLogEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description `me`: only events the organization owns. */
                owner?: "me";
                category?: string;
                city?: string;
                /** @description Only events starting at or after this time. */
                starts_after?: string;
                /** @description Only events starting before this time. */
                starts_before?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events, by start time. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Event"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventCreate"];
            };
        };
        responses: {
            201: components["responses"]["Event"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Event"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Deleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventUpdate"];
            };
        };
        responses: {
            200: components["responses"]["Event"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSponsors: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                industry?: string;
                visibility?: components["schemas"]["SponsorVisibility"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sponsors, by name. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Sponsor"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSponsor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorCreate"];
            };
        };
        responses: {
            201: components["responses"]["Sponsor"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSponsor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Sponsor"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSponsor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Deleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateSponsor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorUpdate"];
            };
        };
        responses: {
            200: components["responses"]["Sponsor"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSponsorProfile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SponsorProfile"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putSponsorProfile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorProfileInput"];
            };
        };
        responses: {
            200: components["responses"]["SponsorProfile"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPackages: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                event_id?: string;
                visibility?: components["schemas"]["PackageVisibility"];
                is_active?: boolean;
                tier?: string;
                min_price_cents?: number;
                max_price_cents?: number;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of packages, by price (highest first). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["SponsorshipPackage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPackage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorshipPackageCreate"];
            };
        };
        responses: {
            201: components["responses"]["SponsorshipPackage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPackage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SponsorshipPackage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updatePackage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description The package `version` you read (quotes allowed, as in an ETag). Same as `version` in the body. */
                "If-Match"?: string;
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SponsorshipPackageUpdate"];
            };
        };
        responses: {
            200: components["responses"]["SponsorshipPackage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    publishPackage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SponsorshipPackage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    unpublishPackage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SponsorshipPackage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    archivePackage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["SponsorshipPackage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPackageVariants: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of variants, by price (highest first). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["PackageVariant"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPackageVariant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PackageVariantCreate"];
            };
        };
        responses: {
            201: components["responses"]["PackageVariant"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePackageVariant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Deleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updatePackageVariant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PackageVariantUpdate"];
            };
        };
        responses: {
            200: components["responses"]["PackageVariant"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPackageTemplates: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of templates, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["PackageTemplate"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPackageTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PackageTemplateCreate"];
            };
        };
        responses: {
            201: components["responses"]["PackageTemplate"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPackageTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PackageTemplate"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePackageTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Deleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updatePackageTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PackageTemplateUpdate"];
            };
        };
        responses: {
            200: components["responses"]["PackageTemplate"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    searchMarketplace: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Text search (trigram similarity) on the package title and the event title. */
                q?: string;
                /** @description The event's category. */
                category?: string;
                city?: string;
                /** @description Events starting at or after this time. */
                from?: string;
                /** @description Events starting at or before this time. */
                to?: string;
                tier?: string;
                min_price_cents?: number;
                max_price_cents?: number;
                /** @description Browse as this sponsor of the caller's organization: packages of events whose brand-safety tags the sponsor's profile avoids are left out. */
                sponsor_id?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of package cards, by price (highest first). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["MarketplacePackage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProposals: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                event_id?: string;
                status?: components["schemas"]["ProposalStatus"];
                /** @description Only threads where the caller is on this side. */
                side?: components["schemas"]["Side"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of threads, most recently active first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Proposal"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalCreate"];
            };
        };
        responses: {
            201: components["responses"]["Proposal"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Proposal"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProposalMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalMessageCreate"];
            };
        };
        responses: {
            201: components["responses"]["ProposalMessage"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    sendProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Proposal"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    acceptProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Proposal"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rejectProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProposalClose"];
            };
        };
        responses: {
            200: components["responses"]["Proposal"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    withdrawProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProposalClose"];
            };
        };
        responses: {
            200: components["responses"]["Proposal"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                event_id?: string;
                status?: components["schemas"]["OrderStatus"];
                escrow_state?: components["schemas"]["EscrowState"];
                /** @description `true`: only orders held by an open dispute; `false`: only orders without one. */
                disputed?: boolean;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Order"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCreate"];
            };
        };
        responses: {
            201: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    fundOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderFundRequest"];
            };
        };
        responses: {
            200: components["responses"]["OrderFunding"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentDeclined"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["PaymentsUnavailable"];
        };
    };
    lockOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    releaseOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrderCancelRequest"];
            };
        };
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["PaymentsUnavailable"];
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrderRefundRequest"];
            };
        };
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["PaymentsUnavailable"];
        };
    };
    listPayouts: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                order_id?: string;
                status?: components["schemas"]["PayoutStatus"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of payouts, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Payout"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPayout: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Payout"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    retryPayout: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Payout"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    closeSandboxDispute: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxDisputeClose"];
            };
        };
        responses: {
            200: components["responses"]["Order"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPayoutConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PayoutConfiguration"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putPayoutConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayoutConfigurationInput"];
            };
        };
        responses: {
            200: components["responses"]["PayoutConfiguration"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    onboardPayoutConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayoutOnboardingRequest"];
            };
        };
        responses: {
            200: components["responses"]["PayoutOnboarding"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["PaymentsUnavailable"];
        };
    };
    getOrderSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OrderSettings"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putOrderSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderSettingsInput"];
            };
        };
        responses: {
            200: components["responses"]["OrderSettings"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listLedgerAccounts: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                kind?: "stripe_clearing" | "platform_fees" | "escrow" | "organizer_payable";
                currency?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of accounts, by code. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["LedgerAccount"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listLedgerTransactions: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                order_id?: string;
                kind?: "fund" | "lock" | "refund" | "penalty" | "transfer" | "reversal";
                status?: "pending" | "posted" | "voided";
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of transactions, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["LedgerTransaction"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header: {
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The event was received (`duplicate` when it had been before). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        received: boolean;
                        duplicate: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    listWorkspaces: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description List archived workspaces instead of active ones. */
                archived?: boolean;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of workspaces, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Workspace"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceCreate"];
            };
        };
        responses: {
            201: components["responses"]["Workspace"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workspace"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceUpdate"];
            };
        };
        responses: {
            200: components["responses"]["Workspace"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    archiveWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Workspace"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWorkspaceMembers: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["WorkspaceMember"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addWorkspaceMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceMemberAdd"];
            };
        };
        responses: {
            201: components["responses"]["WorkspaceMember"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeWorkspaceMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WorkspaceMember"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWorkspaceLinks: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WorkspaceLinks"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    linkWorkspaceResources: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceLinksChange"];
            };
        };
        responses: {
            200: components["responses"]["WorkspaceLinks"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    unlinkWorkspaceResources: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceLinksChange"];
            };
        };
        responses: {
            200: components["responses"]["WorkspaceLinks"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWorkspaceAudit: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of entries, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["WorkspaceAuditEntry"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWidgets: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of widgets, by widget id. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Widget"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWidget: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
                /** @description Your own id of the widget inside the workspace (letters, digits, `-`, `_`). */
                widgetId: components["parameters"]["WidgetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Widget"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putWidget: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
                /** @description Your own id of the widget inside the workspace (letters, digits, `-`, `_`). */
                widgetId: components["parameters"]["WidgetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WidgetPut"];
            };
        };
        responses: {
            200: components["responses"]["Widget"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteWidget: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
                /** @description Your own id of the widget inside the workspace (letters, digits, `-`, `_`). */
                widgetId: components["parameters"]["WidgetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Widget"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    enableCommandCenter: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CommandCenterEnable"];
            };
        };
        responses: {
            200: components["responses"]["CommandCenter"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    disableCommandCenter: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CommandCenter"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listCommandCenterFeed: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of feed rows, newest slot first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["CommandCenterFeedRow"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    streamCommandCenter: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Resume after this event id (sent by EventSource clients on reconnect). */
                "Last-Event-ID"?: string;
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless `text/event-stream` of `CommandCenterEvent`s. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPublicWidget: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the body you hold; 304 when it is still current. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The `public_id` of a published widget. */
                publicId: components["parameters"]["PublicWidgetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The widget's public data. */
            200: {
                headers: {
                    /** @description The body's entity tag. */
                    ETag?: string;
                    /** @description `public, max-age=0, must-revalidate` */
                    "Cache-Control"?: string;
                    /** @description `*` */
                    "Access-Control-Allow-Origin"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PublicWidget"];
                    };
                };
            };
            /** @description Not modified; the body you hold (its `If-None-Match`) is current. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
        };
    };
    recordPublicWidgetEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The `public_id` of a published widget. */
                publicId: components["parameters"]["PublicWidgetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicWidgetEvent"];
            };
        };
        responses: {
            /** @description Recorded. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @constant */
                            recorded: true;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listDeliverables: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                event_id?: string;
                sponsor_id?: string;
                order_id?: string;
                status?: components["schemas"]["DeliverableStatus"];
                /** @description Only deliverables due strictly before this time. */
                due_before?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliverables, by due date. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Deliverable"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createDeliverable: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverableCreate"];
            };
        };
        responses: {
            201: components["responses"]["DeliverableDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getDeliverable: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DeliverableDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateDeliverable: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverableUpdate"];
            };
        };
        responses: {
            200: components["responses"]["DeliverableDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    submitDeliverableProof: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverableProofCreate"];
            };
        };
        responses: {
            201: components["responses"]["DeliverableDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    approveDeliverable: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DeliverableDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    requestDeliverableChanges: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverableReason"];
            };
        };
        responses: {
            200: components["responses"]["DeliverableDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    waiveDeliverable: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliverableReason"];
            };
        };
        responses: {
            200: components["responses"]["DeliverableDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSlas: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                order_id?: string;
                event_id?: string;
                status?: components["schemas"]["SlaStatus"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of SLAs, by due date. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["Sla"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    evaluateSla: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Sla"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listEventSponsorships: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                event_id?: string;
                sponsor_id?: string;
                activation_status?: components["schemas"]["ActivationStatus"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of event sponsorships, most recently changed first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["EventSponsorship"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    upsertEventSponsorship: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventSponsorshipUpsert"];
            };
        };
        responses: {
            200: components["responses"]["EventSponsorship"];
            201: components["responses"]["EventSponsorship"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of endpoints, newest first. Secrets are not included. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["WebhookEndpoint"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            201: components["responses"]["WebhookEndpointWithSecret"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookEndpoint"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Deleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            200: components["responses"]["WebhookEndpoint"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookSecretRotation"];
            };
        };
        responses: {
            200: components["responses"]["WebhookEndpointWithSecret"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["WebhookDelivery"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    replayFailedWebhookDeliveries: {
        parameters: {
            query: {
                /** @description Deliveries of events created at or after this time. */
                since: string;
                /** @description Deliveries of events created before this time (default now). */
                until?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["WebhookReplay"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWebhookEventTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All event types, in one page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["WebhookEventType"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWebhookEvents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                type?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["WebhookEvent"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    triggerWebhookEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEventTrigger"];
            };
        };
        responses: {
            201: components["responses"]["WebhookEvent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    streamWebhookEvents: {
        parameters: {
            query?: {
                /** @description Comma-separated event types to receive (default all). */
                types?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Resume after this event id (sent by EventSource clients on reconnect). */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless `text/event-stream`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWebhookEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookEventDetail"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                status?: components["schemas"]["WebhookDeliveryStatus"];
                endpoint_id?: string;
                event_id?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["WebhookDelivery"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookDelivery"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["WebhookDelivery"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    ingestAnalytics: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnalyticsBatchInput"];
            };
        };
        responses: {
            200: components["responses"]["AnalyticsBatch"];
            201: components["responses"]["AnalyticsBatch"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            /** @description The body is over 16 MiB; send smaller batches. */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    refreshEventStats: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStats"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getEventStats: {
        parameters: {
            query?: {
                /** @description Start of the series (default 7 days before `to`). */
                from?: string;
                /** @description End of the series (default now). */
                to?: string;
                /** @description At most this many rollups in the series, the newest ones. */
                points?: number;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStats"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAudienceConsents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AudienceConsentList"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putAudienceConsent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AudienceConsentInput"];
            };
        };
        responses: {
            200: components["responses"]["AudienceConsent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteAudienceConsent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
                consent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Deleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRoiReport: {
        parameters: {
            query: {
                order_id: string;
                from?: string;
                to?: string;
                utm_source?: string;
                format?: "json" | "csv" | "pdf";
                /** @description CSV only — one table instead of all four. */
                section?: "summary" | "daily" | "deliverables" | "slas";
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["RoiReport"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOpsInbox: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                kind?: components["schemas"]["InboxKind"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of stuck items, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inbox"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOpsInboxSummary: {
        parameters: {
            query?: {
                kind?: components["schemas"]["InboxKind"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One line per kind and currency. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InboxSummary"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getOpsIntegrity: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of every check. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["IntegrityReport"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getBusinessMetrics: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                interval?: "day" | "week" | "month";
                event_id?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The series and the totals. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["BusinessMetrics"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    runReconciliation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReconciliationRequest"];
            };
        };
        responses: {
            201: components["responses"]["Reconciliation"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["PaymentsUnavailable"];
        };
    };
    listReconciliations: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of runs, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListEnvelope"] & {
                        data: components["schemas"]["ReconciliationRun"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getReconciliation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Reconciliation"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    recomputeMatches: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatchRecompute"];
            };
        };
        responses: {
            /** @description The queue entry. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MatchRecomputeEntry"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listEventMatches: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only matches with this status for the caller's side (dismissed ones are listed only this way). */
                status?: components["parameters"]["MatchStatusFilter"];
                min_score?: components["parameters"]["MinScore"];
                /** @description The counterpart's category (the event's; the sponsor's industry or preferred categories). */
                category?: components["parameters"]["MatchCategory"];
                /** @description The counterpart's place (the event's city; one of the sponsor's regions). */
                city?: components["parameters"]["MatchCity"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MatchList"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSponsorMatches: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page. */
                starting_after?: components["parameters"]["StartingAfter"];
                /** @description Only matches with this status for the caller's side (dismissed ones are listed only this way). */
                status?: components["parameters"]["MatchStatusFilter"];
                min_score?: components["parameters"]["MinScore"];
                /** @description The counterpart's category (the event's; the sponsor's industry or preferred categories). */
                category?: components["parameters"]["MatchCategory"];
                /** @description The counterpart's place (the event's city; one of the sponsor's regions). */
                city?: components["parameters"]["MatchCity"];
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MatchList"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The match as the caller's side sees it. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MatchDetail"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createMatchFeedback: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatchFeedbackCreate"];
            };
        };
        responses: {
            /** @description The feedback as recorded. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["MatchFeedback"];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    proposeFromMatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["MatchPropose"];
            };
        };
        responses: {
            201: components["responses"]["Proposal"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMatchingSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MatchingSettings"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putMatchingSettings: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). A value that is not a UUID answers 400. */
                "X-Org-Id"?: components["parameters"]["OrgId"];
                /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MatchingSettingsInput"];
            };
        };
        responses: {
            200: components["responses"]["MatchingSettings"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
