import type { components } from '../generated/openapi';
import type { Cursor } from './pagination';
import type { Queryable, Tx } from './pool';
import { updateById } from './sql';

export type TemplateRow = components['schemas']['PackageTemplate'];
export type TemplateInput = components['schemas']['PackageTemplateCreate'];

const columns = 'id, org_id, title, tier, price_cents, currency, benefits, created_at, updated_at';

export async function insertTemplate(tx: Tx, orgId: string, input: TemplateInput): Promise<TemplateRow> {
  const { rows } = await tx.query<TemplateRow>(
    `insert into package_templates (org_id, title, tier, price_cents, currency, benefits)
     values ($1, $2, $3, $4, $5, $6) returning ${columns}`,
    [orgId, input.title, input.tier, input.price_cents, input.currency, input.benefits ?? {}],
  );
  return rows[0]!;
}

export async function findTemplate(tx: Queryable, id: string): Promise<TemplateRow | undefined> {
  const { rows } = await tx.query<TemplateRow>(`select ${columns} from package_templates where id = $1`, [
    id,
  ]);
  return rows[0];
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listTemplates(
  tx: Queryable,
  filter: { limit: number; after?: Cursor },
): Promise<TemplateRow[]> {
  const { rows } = await tx.query<TemplateRow>(
    `select ${columns} from package_templates
      where ($1::timestamptz is null or (created_at, id) < ($1, $2::uuid))
      order by created_at desc, id desc limit $3`,
    [filter.after?.value ?? null, filter.after?.id ?? null, filter.limit + 1],
  );
  return rows;
}

export function updateTemplate(
  tx: Tx,
  id: string,
  changes: Partial<TemplateInput>,
): Promise<TemplateRow | undefined> {
  const { benefits, ...rest } = changes;
  return updateById<TemplateRow>(tx, {
    table: 'package_templates',
    id,
    changes: { ...rest, benefits: benefits === undefined ? undefined : JSON.stringify(benefits) },
    returning: columns,
  });
}

export async function deleteTemplate(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from package_templates where id = $1', [id]);
  return rowCount === 1;
}
