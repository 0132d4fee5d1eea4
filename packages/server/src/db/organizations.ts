import type { Queryable, Tx } from './pool';

export interface OrganizationRow {
  id: string;
  name: string;
  created_at: string;
}

export async function insertOrganization(tx: Tx, name: string): Promise<OrganizationRow> {
  const { rows } = await tx.query<OrganizationRow>(
    'insert into organizations (name) values ($1) returning id, name, created_at',
    [name],
  );
  return rows[0]!;
}

export async function findOrganization(tx: Queryable, id: string): Promise<OrganizationRow | undefined> {
  const { rows } = await tx.query<OrganizationRow>(
    'select id, name, created_at from organizations where id = $1',
    [id],
  );
  return rows[0];
}
