-- Up Migration

-- Sellable variants and SLA terms written into the package (issue 22).

-- SLA terms are a JSON array of terms (metric, target, window, source, grace, breach policy, summary; see
-- `SlaTerm` in openapi.yaml). On a package, null means "not written yet": publishing generates the defaults.
alter table sponsorship_packages
  add column sla_terms jsonb check (sla_terms is null or jsonb_typeof(sla_terms) = 'array');

-- A variant sells its own units at its own price and currency (null: the package's), with its own benefits and
-- SLA terms (null: the package's). A sale takes a unit of the variant and a unit of the package, so the
-- package's `sold <= inventory` still bounds all of its units together; a variant without inventory draws on the
-- package's alone.
alter table package_variants
  add column currency text check (currency ~ '^[A-Z]{3}$'),
  add column inventory int check (inventory >= 0),
  add column sold int not null default 0,
  add column sla_terms jsonb check (sla_terms is null or jsonb_typeof(sla_terms) = 'array'),
  add constraint package_variants_sold_check check (sold >= 0 and (inventory is null or sold <= inventory)),
  add constraint package_variants_id_package_key unique (id, package_id);

-- The variant bought (always one of the order's package), and the SLA terms the order carries: the accepted
-- terms of a negotiation from its acceptance, else the variant's or package's terms frozen at funding.
alter table sponsorship_orders
  add column variant_id uuid,
  add column sla_terms jsonb check (sla_terms is null or jsonb_typeof(sla_terms) = 'array'),
  add constraint sponsorship_orders_variant_fkey foreign key (variant_id, package_id)
    references package_variants (id, package_id) on delete restrict;
create index sponsorship_orders_variant_idx on sponsorship_orders (variant_id) where variant_id is not null;

-- Sponsors read the variants of listed packages (marketplace, GET package) and of packages they ordered.
create policy published on package_variants for select using (
  exists (select from sponsorship_packages p
           where p.id = package_variants.package_id and p.is_active and p.visibility <> 'private')
);
create policy ordered on package_variants for select using (
  exists (select from sponsorship_orders o where o.variant_id = package_variants.id)
);

-- Each SLA keeps the term it was made from (window, source, grace, policy, summary); null for SLAs made before.
alter table sponsorship_slas add column terms jsonb;

-- The generated SLA templates become the packages' terms; the templates table goes.
update sponsorship_packages p set sla_terms = t.terms
  from (
    select package_id, jsonb_agg(jsonb_build_object(
        'metric', metric, 'target', target, 'window_days', 0,
        'source', case when metric = 'impressions' then 'event_stats' else 'proof_metrics' end,
        'grace_days', grace_days,
        'breach_policy', policy,
        'summary', format('At least %s %s (%s), due when the event ends, %s days of grace.', target,
          replace(metric, '_', ' '),
          case when metric = 'impressions' then 'event stats' else 'approved proof metrics' end, grace_days))
      order by metric) as terms
      from (
        select package_id,
               case metric when 'impressions_total' then 'impressions' when 'booth_hours' then 'booth_hours'
                           else 'proof:' || left(regexp_replace(lower(metric), '[^a-z0-9_]', '_', 'g'), 60) end
                 as metric,
               target,
               coalesce((breach_policy->>'grace_days')::int, 0) as grace_days,
               case when breach_policy ? 'penalty_cents'
                      then jsonb_build_object('action', 'penalty_fixed', 'penalty_cents',
                             (breach_policy->>'penalty_cents')::bigint)
                    when breach_policy ? 'penalty_pct'
                      then jsonb_build_object('action', 'penalty_pct', 'penalty_pct',
                             (breach_policy->>'penalty_pct')::numeric,
                             'make_good', breach_policy->>'remedy' = 'makegood')
                    when breach_policy->>'remedy' = 'makegood' then jsonb_build_object('action', 'make_good')
                    else jsonb_build_object('action', 'notify') end as policy
          from package_sla_templates
      ) converted
     group by package_id
  ) t
 where t.package_id = p.id;
alter table sponsorship_slas drop column template_id;
drop table package_sla_templates;

-- Down Migration

drop policy if exists ordered on package_variants;
drop policy if exists published on package_variants;
create table package_sla_templates (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organizations on delete cascade,
  package_id uuid not null references sponsorship_packages on delete cascade,
  event_id uuid not null references events on delete cascade,
  metric text not null,
  target numeric not null check (target >= 0),
  breach_policy jsonb not null default '{}',
  created_at timestamptz not null default now(),
  unique (package_id, metric)
);
alter table package_sla_templates enable row level security;
alter table package_sla_templates force row level security;
create policy tenant on package_sla_templates using (org_id = yardpass_current_org() or yardpass_is_system());
alter table sponsorship_slas add column template_id uuid references package_sla_templates on delete set null;
alter table sponsorship_slas drop column if exists terms;
drop index if exists sponsorship_orders_variant_idx;
alter table sponsorship_orders
  drop constraint if exists sponsorship_orders_variant_fkey,
  drop column if exists sla_terms,
  drop column if exists variant_id;
alter table package_variants
  drop constraint if exists package_variants_id_package_key,
  drop constraint if exists package_variants_sold_check,
  drop column if exists sla_terms,
  drop column if exists sold,
  drop column if exists inventory,
  drop column if exists currency;
alter table sponsorship_packages drop column if exists sla_terms;
