import {
  deleteTemplate,
  findTemplate,
  insertTemplate,
  listTemplates,
  type TemplateInput,
  updateTemplate,
} from '../db/package-templates';
import { readOne, readPage } from '../db/reads';
import type { Db } from '../db/pool';
import { NotFoundError } from '../errors';
import { recordAudit } from '../db/audit';
import type { Caller } from '../caller';

export function createTemplate(db: Db, caller: Caller, input: TemplateInput) {
  return db.tenant(caller.orgId, async (tx) => {
    const template = await insertTemplate(tx, caller.orgId, input);
    await recordAudit(tx, caller, {
      action: 'package_template.create',
      resourceType: 'package_template',
      resourceId: template.id,
    });
    return template;
  });
}

export function getTemplate(db: Db, caller: Caller, id: string) {
  return readOne(db, caller.orgId, 'package template', (tx) => findTemplate(tx, id));
}

export function listTemplatesPage(
  db: Db,
  caller: Caller,
  query: { limit?: number; starting_after?: string },
) {
  return readPage(
    db,
    caller.orgId,
    query,
    (tx, page) => listTemplates(tx, page),
    (row) => row.created_at,
  );
}

export function updateTemplateById(db: Db, caller: Caller, id: string, changes: Partial<TemplateInput>) {
  return db.tenant(caller.orgId, async (tx) => {
    const template = await updateTemplate(tx, id, changes);
    if (!template) throw new NotFoundError('package template');
    await recordAudit(tx, caller, {
      action: 'package_template.update',
      resourceType: 'package_template',
      resourceId: id,
    });
    return template;
  });
}

/** Packages made from a template keep their values: the foreign key sets their `template_id` to null. */
export function deleteTemplateById(db: Db, caller: Caller, id: string) {
  return db.tenant(caller.orgId, async (tx) => {
    if (!(await deleteTemplate(tx, id))) throw new NotFoundError('package template');
    await recordAudit(tx, caller, {
      action: 'package_template.delete',
      resourceType: 'package_template',
      resourceId: id,
    });
    return { id, deleted: true as const };
  });
}
