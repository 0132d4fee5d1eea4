import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';
import { updateById } from './sql';

export type SponsorRow = components['schemas']['Sponsor'];
export type SponsorInput = components['schemas']['SponsorCreate'];
export type SponsorProfileRow = components['schemas']['SponsorProfile'];
export type SponsorProfileInput = components['schemas']['SponsorProfileInput'];

const columns = `id, org_id, name, logo_url, website_url, industry, visibility, attribution_utm_sources,
  attribution_promo_codes, created_at, updated_at`;
const profileColumns = `sponsor_id, industry, preferred_categories as categories, budget_min_cents, budget_max_cents,
  currency, target_audience, regions, objectives, activation_preferences, updated_at`;

export async function insertSponsor(tx: Tx, orgId: string, input: SponsorInput): Promise<SponsorRow> {
  const { rows } = await tx.query<SponsorRow>(
    `insert into sponsors (org_id, name, logo_url, website_url, industry, visibility, attribution_utm_sources,
       attribution_promo_codes)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${columns}`,
    [
      orgId,
      input.name,
      input.logo_url ?? null,
      input.website_url ?? null,
      input.industry ?? null,
      input.visibility ?? 'private',
      input.attribution_utm_sources ?? [],
      input.attribution_promo_codes ?? [],
    ],
  );
  return rows[0]!;
}

export async function findSponsor(tx: Queryable, id: string): Promise<SponsorRow | undefined> {
  const { rows } = await tx.query<SponsorRow>(`select ${columns} from sponsors where id = $1`, [id]);
  return rows[0];
}

export async function listSponsors(
  tx: Queryable,
  filter: { industry?: string; visibility?: string; limit: number; after?: Cursor },
): Promise<SponsorRow[]> {
  const { rows } = await tx.query<SponsorRow>(
    `select ${columns} from sponsors
      where ($1::text is null or industry = $1) and ($2::text is null or visibility = $2)
        and ($3::text is null or (name, id) > ($3, $4::uuid))
      order by name, id limit $5`,
    [
      filter.industry ?? null,
      filter.visibility ?? null,
      filter.after?.value ?? null,
      filter.after?.id ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

export function updateSponsor(
  tx: Tx,
  id: string,
  changes: Partial<SponsorInput>,
): Promise<SponsorRow | undefined> {
  return updateById<SponsorRow>(tx, { table: 'sponsors', id, changes, returning: columns });
}

export async function deleteSponsor(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from sponsors where id = $1', [id]);
  return rowCount === 1;
}

export async function findSponsorProfile(
  tx: Queryable,
  sponsorId: string,
): Promise<SponsorProfileRow | undefined> {
  const { rows } = await tx.query<SponsorProfileRow>(
    `select ${profileColumns} from sponsor_profiles where sponsor_id = $1`,
    [sponsorId],
  );
  return rows[0];
}

export async function upsertSponsorProfile(
  tx: Tx,
  profile: SponsorProfileInput & { sponsorId: string; orgId: string },
): Promise<SponsorProfileRow> {
  const { rows } = await tx.query<SponsorProfileRow>(
    `insert into sponsor_profiles (sponsor_id, org_id, industry, preferred_categories, budget_min_cents, budget_max_cents,
       currency, target_audience, regions, objectives, activation_preferences, embedding)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (sponsor_id) do update set industry = excluded.industry,
       preferred_categories = excluded.preferred_categories, budget_min_cents = excluded.budget_min_cents,
       budget_max_cents = excluded.budget_max_cents, currency = excluded.currency,
       target_audience = excluded.target_audience, regions = excluded.regions, objectives = excluded.objectives,
       activation_preferences = excluded.activation_preferences, embedding = excluded.embedding, updated_at = now()
     returning ${profileColumns}`,
    [
      profile.sponsorId,
      profile.orgId,
      profile.industry ?? null,
      profile.categories ?? [],
      profile.budget_min_cents ?? null,
      profile.budget_max_cents ?? null,
      profile.currency ?? 'USD',
      profile.target_audience ?? {},
      profile.regions ?? [],
      profile.objectives ?? null,
      profile.activation_preferences ?? {},
      profile.embedding ?? null,
    ],
  );
  return rows[0]!;
}
