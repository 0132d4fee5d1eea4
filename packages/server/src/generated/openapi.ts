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
        /** List the organization's events */
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
         *     The format is `format`, else the `Accept` header (`text/csv`, `application/pdf`), else JSON. The CSV
         *     (RFC 4180) holds a summary block, an empty line, then the daily series; the PDF has the figures, a
         *     chart of daily impressions and conversions, and the deliverables.
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
}
export type webhooks = Record<string, never>;
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
            errors?: {
                /** @description JSON pointer to the offending field, e.g. `/price_cents`. */
                path: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
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
        };
        SponsorUpdate: {
            name?: string;
            /** Format: uri */
            logo_url?: string | null;
            /** Format: uri */
            website_url?: string | null;
            industry?: string | null;
            visibility?: components["schemas"]["SponsorVisibility"];
        };
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
        };
        /**
         * @description `pending` until funded, `active` while funded or locked, `completed` once released; `cancelled`,
         *     `refunded` (all of it) and `partially_refunded` after refunds.
         * @enum {string}
         */
        OrderStatus: "pending" | "active" | "completed" | "cancelled" | "refunded" | "partially_refunded";
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
            /** @description The sponsor's bank opened a dispute on the charge. */
            disputed: boolean;
            /** @enum {string|null} */
            lock_reason: "manual" | "event_started" | "deliverables_complete" | null;
            /** @enum {string} */
            created_by_side: "organizer" | "sponsor";
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
            /** @description The order's payout (the organizer sees it; null for the sponsor and before release). */
            payout?: components["schemas"]["Payout"] | null;
            refunds?: components["schemas"]["OrderRefund"][];
        };
        OrderCreate: {
            /** Format: uuid */
            package_id: string;
            /** Format: uuid */
            sponsor_id: string;
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
        };
        OrderLedgerSummary: {
            /** @description Posted balance of the order's escrow account. */
            escrow_balance_cents: number;
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
            /** @description Transferred to the organizer (order amount − fee). */
            amount_cents: number;
            /** @description The platform fee kept. */
            fee_cents: number;
            currency: string;
            /** @enum {string} */
            status: "pending" | "paid" | "failed";
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
            kind: "fund" | "lock" | "refund" | "penalty" | "transfer" | "reversal";
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
            currency: string;
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
            }[];
            /** @description The stat snapshots the report used (the event's latest rollup before the window's end). */
            snapshot_ids: string[];
            /** Format: date-time */
            generated_at: string;
        };
    };
    responses: {
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
        /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
        OrgId: string;
        /** @description Makes the request safe to retry. Same key and request → the stored answer again; kept 24 hours. */
        IdempotencyKey: string;
        /** @description Page size. */
        Limit: number;
        /** @description The `next_cursor` of the previous page. */
        StartingAfter: string;
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
            /** @description An HTML page rendering this contract. */
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
    getCurrentOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
                "X-Org-Id"?: components["parameters"]["OrgId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CurrentOrganization"];
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                category?: string;
                city?: string;
                /** @description Only events starting at or after this time. */
                starts_after?: string;
                /** @description Only events starting before this time. */
                starts_before?: string;
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSponsor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    putSponsorProfile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    ingestAnalytics: {
        parameters: {
            query?: never;
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
            };
            header?: {
                /** @description The organization to act in. Required with a JWT; ignored with an API key (keys belong to one organization). */
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
}
