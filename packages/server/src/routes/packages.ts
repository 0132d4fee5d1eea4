import type { Db } from '../db/pool';
import { searchMarketplacePage } from '../domain/marketplace';
import {
  createTemplate,
  deleteTemplateById,
  getTemplate,
  listTemplatesPage,
  updateTemplateById,
} from '../domain/package-templates';
import {
  archivePackage,
  createPackage,
  createVariant,
  deleteVariantById,
  getPackage,
  listPackagesPage,
  listVariantsPage,
  publishPackage,
  unpublishPackage,
  updatePackageById,
  updateVariantById,
} from '../domain/packages';
import { created, type Handlers, ok, page } from '../http/router';

export const packageRoutes = ({ db }: { db: Db }) =>
  ({
    createPackage: async ({ caller, body }) => created(await createPackage(db, caller, body)),
    listPackages: async ({ caller, query }) => page(await listPackagesPage(db, caller, query)),
    getPackage: async ({ caller, params }) => ok(await getPackage(db, caller, params.id)),
    updatePackage: async (input) =>
      ok(await updatePackageById(db, input.caller, input.params.id, input.body, input.header('if-match'))),
    publishPackage: async ({ caller, params }) => ok(await publishPackage(db, caller, params.id)),
    unpublishPackage: async ({ caller, params }) => ok(await unpublishPackage(db, caller, params.id)),
    archivePackage: async ({ caller, params }) => ok(await archivePackage(db, caller, params.id)),
    listPackageVariants: async ({ caller, params, query }) =>
      page(await listVariantsPage(db, caller, params.id, query)),
    createPackageVariant: async ({ caller, params, body }) =>
      created(await createVariant(db, caller, params.id, body)),
    updatePackageVariant: async ({ caller, params, body }) =>
      ok(await updateVariantById(db, caller, params.id, body)),
    deletePackageVariant: async ({ caller, params }) => ok(await deleteVariantById(db, caller, params.id)),
    listPackageTemplates: async ({ caller, query }) => page(await listTemplatesPage(db, caller, query)),
    createPackageTemplate: async ({ caller, body }) => created(await createTemplate(db, caller, body)),
    getPackageTemplate: async ({ caller, params }) => ok(await getTemplate(db, caller, params.id)),
    updatePackageTemplate: async ({ caller, params, body }) =>
      ok(await updateTemplateById(db, caller, params.id, body)),
    deletePackageTemplate: async ({ caller, params }) => ok(await deleteTemplateById(db, caller, params.id)),
    searchMarketplace: async ({ caller, query }) => page(await searchMarketplacePage(db, caller, query)),
  }) satisfies Partial<Handlers>;
