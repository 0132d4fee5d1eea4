// Generated from the `webhooks` section of openapi.yaml by `pnpm gen` (openapi-typescript). Do not edit.

export interface components {
    schemas: {
        /** @enum {string} */
        ActivationStatus: "draft" | "in_progress" | "complete";
        /** @description The event's shareable audience at publish: `estimated_reach`, consented segments only, and `captured_at`; empty segments when the event has no stats yet. */
        AudienceSnapshot: {
            [key: string]: unknown;
        };
        /**
         * @description Cancelling more than `window_days` before the event refunds everything; inside the window
         *     `penalty_pct` (a fraction, 0.1 = 10 %) of the amount is kept for the organizer.
         */
        CancellationPolicy: {
            penalty_pct: number;
            window_days: number;
        };
        Deliverable: {
            /** @description The package benefit it fulfils, for deliverables created at funding. */
            benefit_key: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            due_at: string | null;
            /** Format: uuid */
            event_id: string;
            event_title: string | null;
            evidence_required: boolean;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** @description The side that must fulfil it. */
            owner_side: components["schemas"]["Side"];
            /** Format: uuid */
            package_id: string | null;
            /** @description Its weight in a `per_deliverable` release of its order (from the order's `release_weights`). */
            release_weight: number;
            /**
             * Format: uuid
             * @description The SLA whose breach this make-good deliverable answers.
             */
            sla_id: string | null;
            spec: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            sponsor_id: string;
            sponsor_name: string | null;
            /** Format: uuid */
            sponsor_org_id: string;
            status: components["schemas"]["DeliverableStatus"];
            /** @description The reason given with the latest request for changes or waiver. */
            status_reason: string | null;
            /** @example logo_placement */
            type: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: uuid
             * @description The package variant of its order.
             */
            variant_id: string | null;
        };
        /**
         * @description `pending → submitted → approved | needs_changes (→ submitted …) | waived`.
         * @enum {string}
         */
        DeliverableStatus: "pending" | "submitted" | "approved" | "needs_changes" | "waived";
        /**
         * @description Where the money is: not yet paid (`pending`), held by the platform (`funded`, then `locked` for
         *     release), paid out to the organizer (`released`), or given back to the sponsor (`refunded`, or
         *     `partially_refunded` when a cancellation penalty went to the organizer).
         * @enum {string}
         */
        EscrowState: "pending" | "funded" | "locked" | "released" | "refunded" | "partially_refunded";
        EventSponsorship: {
            activation_status: components["schemas"]["ActivationStatus"];
            amount_cents: number;
            benefits: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            currency: string;
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The funded order that activated it.
             */
            order_id: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            sponsor_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            tier: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description The offer on the table: a ProposalOffer's fields plus who made it and in which message. (Not `allOf` the offer: its `additionalProperties: false` would refuse `side` and `message_id`.) */
        LatestOffer: {
            benefits_delta?: {
                [key: string]: unknown;
            };
            currency?: string;
            /** Format: uuid */
            message_id: string;
            price_cents: number;
            requested_benefits?: string[];
            side: components["schemas"]["Side"];
            sla_terms_delta?: components["schemas"]["SlaTerm"][];
            /** Format: uuid */
            variant_id?: string;
        };
        LedgerEntry: {
            account_code: string;
            /** Format: uuid */
            account_id: string;
            /** @enum {string} */
            account_kind: "stripe_clearing" | "platform_fees" | "escrow" | "organizer_payable";
            /** @description Positive for a debit, negative for a credit. */
            amount_cents: number;
            currency: string;
        };
        LedgerTransaction: {
            /** Format: date-time */
            created_at: string;
            description: string;
            entries: components["schemas"]["LedgerEntry"][];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "fund" | "lock" | "refund" | "penalty" | "transfer" | "reversal" | "dispute" | "release";
            /** Format: uuid */
            order_id: string | null;
            /** Format: date-time */
            posted_at: string | null;
            reference: string;
            /** @enum {string} */
            status: "pending" | "posted" | "voided";
            /** Format: date-time */
            voided_at: string | null;
        };
        Match: {
            /** @description The event's package that fits the sponsor best (in budget, highest price; else the cheapest). */
            best_package: null | {
                currency: string;
                /** Format: uuid */
                id: string;
                price_cents: number;
                tier: string;
                title: string;
            };
            /** @description Each component in [0, 1] (docs/matching.md defines them). */
            components: components["schemas"]["MatchWeights"];
            /** @description What each component saw (packages in budget, shared age segments, the matching place, …). */
            details: {
                [key: string]: unknown;
            };
            event: {
                category: string | null;
                city: string | null;
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                starts_at: string;
                title: string;
            };
            /** Format: uuid */
            event_id: string;
            /** Format: uuid */
            id: string;
            /** @description Inputs that were absent, whose component counted as 0 (e.g. `sponsor_budget`, `audience_consent`). */
            missing: string[];
            /** @description The weighted sum of the components. */
            score: number;
            sponsor: {
                /** Format: uuid */
                id: string;
                industry: string | null;
                logo_url: string | null;
                name: string;
            };
            /** Format: uuid */
            sponsor_id: string;
            status: components["schemas"]["MatchStatus"];
            /** Format: date-time */
            suggested_at: string | null;
            /** Format: date-time */
            updated_at: string;
            /** @description The weights the score was computed with (the organizer's). */
            weights: components["schemas"]["MatchWeights"];
            your_side: components["schemas"]["Side"];
        };
        /**
         * @description The caller's side's status: `suggested` once the score reaches the organization's threshold, `accepted` or `dismissed` by feedback.
         * @enum {string}
         */
        MatchStatus: "pending" | "suggested" | "accepted" | "dismissed";
        /** @description One weight per component; they add up to 1 (defaults 0.25, 0.35, 0.15, 0.15, 0.10). */
        MatchWeights: {
            audience_overlap: number;
            budget_fit: number;
            engagement_quality: number;
            geo_overlap: number;
            objectives_similarity: number;
        };
        Order: {
            amount_cents: number;
            application_fee_cents: number | null;
            cancellation_policy: components["schemas"]["CancellationPolicy"];
            /** Format: date-time */
            cancelled_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** @enum {string} */
            created_by_side: "organizer" | "sponsor";
            currency: string;
            /** @description The order's latest dispute (null when its charge was never disputed). */
            dispute?: components["schemas"]["OrderDispute"] | null;
            /** @description An open dispute holds the order: it cannot be released or paid out until the dispute closes (see `dispute`). */
            disputed: boolean;
            escrow_state: components["schemas"]["EscrowState"];
            /** Format: uuid */
            event_id: string;
            /** Format: date-time */
            funded_at: string | null;
            /** Format: uuid */
            id: string;
            ledger?: components["schemas"]["OrderLedgerSummary"];
            /** @enum {string|null} */
            lock_reason: "manual" | "event_started" | "deliverables_complete" | null;
            /** Format: date-time */
            locked_at: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            package_id: string;
            /** @description Why the last payment attempt failed. */
            payment_error: string | null;
            /**
             * @description The status of the order's Stripe PaymentIntent, once funding started.
             * @enum {string|null}
             */
            payment_status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "succeeded" | "canceled" | null;
            /** @description The order's payout of a whole-order release (the organizer sees it; null for the sponsor, before release and for a `per_deliverable` order, whose payouts are in `payouts`). */
            payout?: components["schemas"]["Payout"] | null;
            /** @description Every payout of the order (the organizer sees them; empty for the sponsor): the whole-order one, or one per released milestone (its `deliverable_id`). */
            payouts?: components["schemas"]["Payout"][];
            /** @description The platform fee in basis points (1000 = 10 %), fixed when the order is locked. */
            platform_fee_bps: number | null;
            /** Format: uuid */
            proposal_id: string | null;
            refunded_cents: number;
            refunds?: components["schemas"]["OrderRefund"][];
            release_policy: components["schemas"]["ReleasePolicy"];
            release_weights: components["schemas"]["ReleaseWeights"];
            /** Format: date-time */
            released_at: string | null;
            /** @description What has left escrow for the organizer (with the platform fee): the whole order at release, or the milestones released so far. `ledger.held_cents` is what escrow still holds. */
            released_cents: number;
            /** @description The guarantees this order carries: the accepted terms of its negotiation, else the variant's or package's terms frozen when it was funded (null before). Later changes to the package never change them. */
            sla_terms: components["schemas"]["SlaTerm"][] | null;
            /** Format: uuid */
            sponsor_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            status: components["schemas"]["OrderStatus"];
            stripe_payment_intent_id: string | null;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: uuid
             * @description The package variant bought.
             */
            variant_id: string | null;
        };
        OrderDispute: {
            /** @description The amount the sponsor's bank disputes. */
            amount_cents: number;
            /** Format: date-time */
            closed_at: string | null;
            /** Format: date-time */
            created_at: string;
            currency: string;
            /**
             * Format: date-time
             * @description Answer with evidence (in the Stripe dashboard) before this time.
             */
            evidence_due_by: string | null;
            /** @description Stripe's dispute fee, booked when it was lost. */
            fee_cents: number;
            /** Format: uuid */
            id: string;
            /** @description Taken back by the bank when the dispute was lost. */
            lost_cents: number;
            /** Format: uuid */
            order_id: string;
            /** @description The bank's reason, e.g. `fraudulent`, `product_not_received`. */
            reason: string;
            /**
             * @description To recover from the organizer's transfers (transfer reversals) when lost after a payout: the order's
             *     transfer, or each milestone transfer of a `per_deliverable` order, newest first.
             */
            reversal_cents: number;
            /**
             * @description One transfer reversal per payout the lost dispute recovers from, each made once (idempotency key
             *     `dispute:{id}:payout:{payout_id}:reversal`). `pending` until Stripe made it (a transfer still being
             *     made is reversed once it exists); `failed` when Stripe refused it (the connected account no longer
             *     holds enough): it shows in the ops inbox (`payout_reversal_failed`) until retried with
             *     `POST /v1/payouts/{payout_id}:retry`.
             */
            reversals: {
                amount_cents: number;
                /** @description Stripe's refusal, when `failed`. */
                failure_reason: string | null;
                /** Format: uuid */
                payout_id: string;
                /** @enum {string} */
                status: "pending" | "reversed" | "failed";
                stripe_reversal_id: string | null;
            }[];
            /**
             * @description Stripe's dispute status; the order is held until it is `won`, `lost` or `warning_closed`.
             * @enum {string}
             */
            status: "warning_needs_response" | "warning_under_review" | "warning_closed" | "needs_response" | "under_review" | "won" | "lost";
            stripe_dispute_id: string;
            /** @description The Stripe id of the reversal when the dispute reversed one transfer; see `reversals`. */
            stripe_reversal_id: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        OrderLedgerSummary: {
            /** @description Posted balance of the order's escrow account. */
            escrow_balance_cents: number;
            /** @description Still held in escrow (the same as `escrow_balance_cents`). */
            held_cents: number;
            /** @description Amount booked by the lock and waiting for release (a pending ledger transaction). */
            pending_release_cents: number;
            /** @description Posted out of escrow to the organizer and the platform fee (the release, or each milestone). */
            released_cents: number;
            transactions: components["schemas"]["LedgerTransaction"][];
        };
        OrderRefund: {
            amount_cents: number;
            /** Format: date-time */
            created_at: string;
            currency: string;
            failure_reason: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string;
            reason: string;
            /** @description What caused it, e.g. `cancellation`, `manual:<key>`, `sla:<id>`. */
            reference: string;
            /** @description Taken back from the organizer's transfer. */
            reversal_cents: number;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            stripe_refund_id: string | null;
            stripe_reversal_id: string | null;
        };
        /**
         * @description `pending` until funded, `active` while funded or locked, `completed` once released; `cancelled`,
         *     `refunded` (all of it) and `partially_refunded` after refunds; `expired` when the payment window closed
         *     before it was paid.
         * @enum {string}
         */
        OrderStatus: "pending" | "active" | "completed" | "cancelled" | "refunded" | "partially_refunded" | "expired";
        PackageAvailability: {
            /**
             * Format: date-time
             * @description On sale until.
             */
            end?: string | null;
            /** @description Only one sponsor may hold units of this package. */
            exclusivity?: boolean;
            max_per_sponsor?: number | null;
            /**
             * Format: date-time
             * @description On sale from.
             */
            start?: string | null;
        };
        /** @description What the sponsor gets, e.g. `{ "logo_stage": true, "booth": "10x10", "social_posts": 5 }`. */
        PackageBenefits: {
            [key: string]: unknown;
        };
        PackageConstraints: {
            /** @description Only sponsors whose industry or preferred categories include one of these (case-insensitive). */
            category_allow?: string[];
            /** @description Sponsor names or industries that may not buy this package (case-insensitive). */
            sponsor_conflicts?: string[];
        };
        /** @enum {string} */
        PackageStatus: "draft" | "published" | "archived";
        /**
         * @description public packages are listed in the marketplace; unlisted ones are reachable by id; private ones only by their organizer.
         * @enum {string}
         */
        PackageVisibility: "public" | "unlisted" | "private";
        Payout: {
            /** @description Transferred to the organizer (order amount − fee). */
            amount_cents: number;
            /** Format: date-time */
            created_at: string;
            currency: string;
            /**
             * Format: uuid
             * @description The milestone (deliverable) this payout releases; null for a whole-order release.
             */
            deliverable_id: string | null;
            /** @description The organizer's Stripe Connect account. */
            destination_account_id: string | null;
            /** @description The platform fee kept. */
            fee_cents: number;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            order_id: string;
            /**
             * Format: uuid
             * @description The organizer organization paid.
             */
            org_id: string;
            /** Format: date-time */
            paid_at: string | null;
            payout_attempts: number;
            payout_failure_reason: string | null;
            /** @description How often `:retry` queued it again (its transfer key is then `payout:{id}:retry:{n}`). */
            retry_count: number;
            reversed_cents: number;
            status: components["schemas"]["PayoutStatus"];
            stripe_transfer_id: string | null;
            /**
             * Format: date-time
             * @description When the transfer was last asked of Stripe.
             */
            transfer_requested_at: string | null;
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
        PingData: {
            message: string;
        };
        Proposal: {
            closed_reason: string | null;
            /** Format: date-time */
            created_at: string;
            created_by_side: components["schemas"]["Side"];
            /** Format: uuid */
            event_id: string;
            event_title: string;
            /** Format: uuid */
            id: string;
            latest_offer: components["schemas"]["LatestOffer"] | null;
            message_count: number;
            /** @description Oldest first; present when the thread is retrieved by id. */
            messages?: components["schemas"]["ProposalMessage"][];
            /**
             * Format: uuid
             * @description The order created on acceptance.
             */
            order_id: string | null;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            package_id: string | null;
            /** Format: uuid */
            sponsor_id: string;
            sponsor_logo_url: string | null;
            sponsor_name: string;
            /** Format: uuid */
            sponsor_org_id: string;
            status: components["schemas"]["ProposalStatus"];
            /** @description The side that may answer (counter, accept or reject) the latest offer; null once closed. */
            turn: components["schemas"]["Side"] | null;
            /**
             * Format: date-time
             * @description The last activity.
             */
            updated_at: string;
            your_side: components["schemas"]["Side"];
        };
        ProposalMessage: {
            body: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            offer: components["schemas"]["ProposalOffer"] | null;
            /** Format: uuid */
            sender_user_id: string | null;
            side: components["schemas"]["Side"];
            /** Format: uuid */
            thread_id: string;
        };
        ProposalOffer: {
            /** @description Changes to the package benefits, e.g. `{ "story_posts": 3, "exclusivity": true }`. */
            benefits_delta?: {
                [key: string]: unknown;
            };
            /** @description Defaults to the package's currency. */
            currency?: string;
            price_cents: number;
            requested_benefits?: string[];
            /** @description Counter on the guarantees: each term replaces the package's (or variant's) term of the same metric, or adds one. The terms of the accepted offer are the order's. */
            sla_terms_delta?: components["schemas"]["SlaTerm"][];
            /**
             * Format: uuid
             * @description The package variant offered; its price list and terms apply.
             */
            variant_id?: string;
        };
        /** @enum {string} */
        ProposalStatus: "draft" | "sent" | "countered" | "accepted" | "rejected" | "withdrawn" | "expired";
        /**
         * @description How escrow is released to the organizer. `whole_order` (the default): once, after the order is locked and every deliverable approved or waived. `per_deliverable` (milestones): each deliverable's approval (or waiver, or the review window's automatic approval) releases its weighted share at once, one payout per milestone; the last one releases everything still held, so the shares add up to the order exactly; the rest stays in escrow. Such an order is never locked. A dispute holds the shares until it is won.
         * @enum {string}
         */
        ReleasePolicy: "whole_order" | "per_deliverable";
        /** @description Each deliverable's weight in a `per_deliverable` release, keyed by the benefit it is made from (the deliverables of an order are its package's or variant's promised benefits); a deliverable without a weight weighs 1. A share is `weight / (weights of the deliverables not yet released)` of what the order still holds. */
        ReleaseWeights: {
            [key: string]: number;
        };
        /**
         * @description The side of a deal; a caller's side comes from its organization.
         * @enum {string}
         */
        Side: "organizer" | "sponsor";
        Sla: {
            /** @description The value found by the latest evaluation. */
            actual: number | null;
            breach_policy: components["schemas"]["SlaBreachPolicy"];
            /** Format: date-time */
            breached_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            due_at: string;
            /**
             * Format: date-time
             * @description The due date plus the grace days.
             */
            evaluate_after: string;
            /** Format: date-time */
            evaluated_at: string | null;
            /** Format: uuid */
            event_id: string;
            /** @description The approved proofs whose metrics counted. */
            evidence_proof_ids: string[];
            /** @description The `event_stat_snapshots` rows the actual value came from (guide §17). */
            evidence_snapshot_ids: string[];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            makegood_deliverable_id: string | null;
            /**
             * @example impressions_total
             * @example booth_hours
             */
            metric: string;
            /** Format: uuid */
            order_id: string;
            /** Format: uuid */
            organizer_org_id: string;
            /** Format: uuid */
            package_id: string;
            /** @description The penalty refunded for a breach. */
            penalty_cents: number | null;
            /** @description The refund made for the breach (`sla:<id>`). */
            refund_reference: string | null;
            /** Format: uuid */
            sponsor_id: string;
            /** Format: uuid */
            sponsor_org_id: string;
            status: components["schemas"]["SlaStatus"];
            target: number;
            /** @description The term of the order it was made from (window, source, grace, policy, summary). */
            terms: components["schemas"]["SlaTerm"] | null;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description Guide §11: a penalty (`penalty_pct` of the order amount, or `penalty_cents`) refunded on breach, or `remedy: makegood` (a new deliverable), after `grace_days`. */
        SlaBreachPolicy: {
            grace_days?: number;
            penalty_cents?: number;
            penalty_pct?: number;
            /**
             * @example makegood
             * @example partial_refund
             */
            remedy?: string;
        } & {
            [key: string]: unknown;
        };
        /** @enum {string} */
        SlaStatus: "pending" | "met" | "breached";
        /**
         * @description A guarantee written into a package, a variant or an order. Metrics: `impressions` and `reach` (measured
         *     from event stats or proof metrics), `clicks`, `engagement_rate`, `booth_hours`, `posts_published`, `leads`
         *     (proof metrics), and `proof:<name>` for any metric of approved proofs by name. Counts add up over the
         *     approved proofs of the order; `engagement_rate` is their average.
         */
        SlaTerm: {
            breach_policy?: components["schemas"]["SlaTermBreachPolicy"];
            /**
             * @description Days after the due date before a miss counts as a breach.
             * @default 0
             */
            grace_days?: number;
            /**
             * @example impressions
             * @example booth_hours
             * @example proof:story_views
             */
            metric: string;
            /**
             * @description Where the actual value comes from: the event's latest stat snapshot (impressions and reach only) or the approved proofs of the order's deliverables. Defaults to event stats where the metric has them.
             * @enum {string}
             */
            source?: "event_stats" | "proof_metrics";
            /** @description The term in words, written by the server (ignored when sent). */
            readonly summary?: string;
            target: number;
            /**
             * @description The measurement window runs until this many days after the event ends (the due date).
             * @default 0
             */
            window_days?: number;
        };
        /**
         * @description What a breach does: refund `penalty_pct` of the order amount (`penalty_pct`) or `penalty_cents`
         *     (`penalty_fixed`), owe a make-good deliverable (`make_good`), or only tell both parties (`notify`).
         *     A penalty may also owe a make-good with `make_good: true`. Every breach sends `sla.breached`.
         */
        SlaTermBreachPolicy: {
            /** @enum {string} */
            action: "penalty_pct" | "penalty_fixed" | "make_good" | "notify";
            /** @default false */
            make_good?: boolean;
            penalty_cents?: number;
            penalty_pct?: number;
        };
        SponsorshipPackage: {
            /** Format: date-time */
            archived_at: string | null;
            audience_snapshot: components["schemas"]["AudienceSnapshot"];
            availability: components["schemas"]["PackageAvailability"];
            benefits: components["schemas"]["PackageBenefits"];
            cancellation_policy: components["schemas"]["CancellationPolicy"] | null;
            constraints: components["schemas"]["PackageConstraints"];
            /** Format: date-time */
            created_at: string;
            currency: string;
            /** Format: uuid */
            event_id: string;
            expected_reach: number | null;
            /** Format: uuid */
            id: string;
            inventory: number;
            /** @description True once published. */
            is_active: boolean;
            /**
             * Format: uuid
             * @description The event's organizer organization.
             */
            org_id: string;
            price_cents: number;
            /** Format: date-time */
            published_at: string | null;
            quality_score: number | null;
            release_policy: components["schemas"]["ReleasePolicy"];
            release_weights: components["schemas"]["ReleaseWeights"];
            /** @description The guarantees an order of this package gets (null until written or generated at publish: an impressions term at the expected reach and a booth-hours term for a booth benefit). Editable while the package is a draft; frozen into each order when it is funded. */
            sla_terms: components["schemas"]["SlaTerm"][] | null;
            sold: number;
            status: components["schemas"]["PackageStatus"];
            /** Format: uuid */
            template_id: string | null;
            tier: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
            version: number;
            visibility: components["schemas"]["PackageVisibility"];
        };
        WebhookEndpoint: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            /**
             * @description `manual` (you), `gone` (the endpoint answered 410), `failing` (it failed continuously too long).
             * @enum {string|null}
             */
            disabled_reason: "manual" | "gone" | "failing" | null;
            enabled: boolean;
            /** @description The event types delivered here; `null` for all of them. */
            event_types: components["schemas"]["WebhookEventTypeName"][] | null;
            /**
             * Format: date-time
             * @description When the current run of failed attempts began; `null` while deliveries succeed.
             */
            failing_since: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            org_id: string;
            /**
             * Format: date-time
             * @description Until then the previous secret signs too (a second `v1,` signature).
             */
            previous_secret_expires_at: string | null;
            /** @description The start of the signing secret, to recognise it. */
            secret_prefix: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: uri */
            url: string;
        };
        /**
         * @description A webhook event type; `GET /v1/webhook-event-types` lists them with their payload schemas.
         * @example order.funded
         */
        WebhookEventTypeName: string;
        Widget: {
            config: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            created_at: string;
            /** @description The metrics the config names (all three when it names none), from recorded views and leads. */
            metrics: {
                /** @description leads / views; null before the first view. */
                conversion_rate?: number | null;
                leads?: number;
                views?: number;
            };
            /** Format: uuid */
            package_id: string | null;
            /**
             * Format: uuid
             * @description Served at `/v1/public/widgets/{public_id}` while published.
             */
            public_id: string;
            published: boolean;
            /** Format: date-time */
            updated_at: string;
            widget_id: string;
            widget_type: components["schemas"]["WidgetType"];
            /** Format: uuid */
            workspace_id: string;
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
        Workspace: {
            /** Format: date-time */
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            default_role: components["schemas"]["WorkspaceRole"];
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            org_id: string;
            /** @description The caller's role here. API keys and the organization's owners and admins act on every workspace of the organization: as owner (an owner or admin), editor (a member key) or viewer (a viewer key). Users with another organization role have their membership's role, at most viewer for an organization viewer. */
            role: components["schemas"]["WorkspaceRole"];
            settings: components["schemas"]["WorkspaceSettings"];
            slug: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description owner: everything, including members, settings and archiving; editor: widgets and links; viewer: reads.
         * @enum {string}
         */
        WorkspaceRole: "owner" | "editor" | "viewer";
        WorkspaceSettings: {
            /** @description The GMV goal the workspace tracks, in minor units. */
            goal_gmv_cents?: number;
            /**
             * Format: uri
             * @description An https URL reports are sent to.
             */
            reporting_webhook?: string;
            /** @description An IANA time zone, e.g. `America/Los_Angeles`. */
            timezone?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}

/** The API's `Deliverable`, as event `data`. */
export type Deliverable = components['schemas']['Deliverable'];
/** The API's `EventSponsorship`, as event `data`. */
export type EventSponsorship = components['schemas']['EventSponsorship'];
/** The API's `Match`, as event `data`. */
export type Match = components['schemas']['Match'];
/** The API's `Order`, as event `data`. */
export type Order = components['schemas']['Order'];
/** The API's `Payout`, as event `data`. */
export type Payout = components['schemas']['Payout'];
/** The `data` of `ping` events. */
export type PingData = components['schemas']['PingData'];
/** The API's `Proposal`, as event `data`. */
export type Proposal = components['schemas']['Proposal'];
/** The API's `Sla`, as event `data`. */
export type Sla = components['schemas']['Sla'];
/** The API's `SponsorshipPackage`, as event `data`. */
export type SponsorshipPackage = components['schemas']['SponsorshipPackage'];
/** The API's `WebhookEndpoint`, as event `data`. */
export type WebhookEndpoint = components['schemas']['WebhookEndpoint'];
/** The API's `Widget`, as event `data`. */
export type Widget = components['schemas']['Widget'];
/** The API's `Workspace`, as event `data`. */
export type Workspace = components['schemas']['Workspace'];

/** Every event type and the shape of its `data`. */
export interface YardpassWebhookEventMap {
  /** A sponsorship package was published and can be sold. */
  'package.published': SponsorshipPackage;
  /** A proposal (or a new offer in it) was sent to the other side. */
  'proposal.sent': Proposal;
  /** The other side answered an offer with a counter-offer. */
  'proposal.countered': Proposal;
  /** A proposal was accepted; its order exists. */
  'proposal.accepted': Proposal;
  /** A proposal was rejected. */
  'proposal.rejected': Proposal;
  /** An order was created from an accepted proposal. */
  'order.created': Order;
  /** An order's payment succeeded; the money is held in escrow. */
  'order.funded': Order;
  /** An order was refunded, in full or in part. */
  'order.refunded': Order;
  /** The sponsor's bank disputed the order's charge: release and payout wait until it closes. */
  'order.disputed': Order;
  /** The order's dispute closed: won lifts the hold; lost books the loss (and reverses a transfer made). */
  'order.dispute_closed': Order;
  /** An unpaid order expires within a day (the organizer's payment window): fund it now. */
  'order.payment_due': Order;
  /** An order was not funded within its payment window: it expired and its unit went back to the package. */
  'order.expired': Order;
  /** A locked order is released automatically within a day (the auto-release window). */
  'order.release_due': Order;
  /** A locked order was released automatically after the auto-release window; its payout is queued. */
  'order.auto_released': Order;
  /** An order was cancelled. */
  'order.cancelled': Order;
  /** Proof was submitted for a deliverable. */
  'deliverable.submitted': Deliverable;
  /** A deliverable was approved. */
  'deliverable.approved': Deliverable;
  /** A submitted deliverable is approved automatically within a day unless reviewed. */
  'deliverable.review_due': Deliverable;
  /** A submitted deliverable was not reviewed within the review window and was approved automatically. */
  'deliverable.auto_approved': Deliverable;
  /** A deliverable was sent back for changes. */
  'deliverable.needs_changes': Deliverable;
  /** A deliverable was waived. */
  'deliverable.waived': Deliverable;
  /** An SLA missed its target; its breach policy was applied. */
  'sla.breached': Sla;
  /** An organizer's payout was transferred. */
  'payout.completed': Payout;
  /** A payout waits because the organizer cannot receive transfers yet (no Connect account, onboarding not finished); it resumes by itself once the payout configuration allows it. */
  'payout.awaiting_configuration': Payout;
  /** A payout failed after its retries. */
  'payout.failed': Payout;
  /** An event sponsorship's activation changed. */
  'event_sponsorship.updated': EventSponsorship;
  /** A workspace was created. */
  'workspace.created': Workspace;
  /** A workspace was changed or archived. */
  'workspace.updated': Workspace;
  /** A workspace's widget was created or changed (PUT). */
  'widget.updated': Widget;
  /** Yardpass stopped delivering to one of your endpoints (410 Gone, or failing too long). */
  'webhook_endpoint.disabled': WebhookEndpoint;
  /** A pair's score first reached the organization's suggestion threshold (sent to each side that crossed its own). */
  'match.suggested': Match;
  /** Sent by `POST /v1/webhook-endpoints/{id}:test` to that endpoint only. */
  ping: PingData;
}
