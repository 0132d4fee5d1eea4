import type { components } from '@yardpass/sdk';
import { usageError } from '../errors.js';
import { optional, readData, type BodyField } from '../fields.js';
import { table } from '../output.js';
import type { Resource } from './resource.js';

type SlaTerm = components['schemas']['SlaTerm'];

const packageId = '7c1e4f2a-3b5d-4e6f-8a9b-0c1d2e3f4a5b';
const VISIBILITY = ['public', 'unlisted', 'private'] as const;
const RELEASE_POLICIES = ['whole_order', 'per_deliverable'] as const;

// Both create and update take these.
const editable: readonly (BodyField<'createPackage'> & BodyField<'updatePackage'>)[] = [
  { name: 'title', description: 'Title, e.g. "Gold Stage Sponsor"' },
  { name: 'tier', description: 'Tier, e.g. gold' },
  { name: 'price_cents', description: 'Price in minor units, e.g. 150000', type: 'integer' },
  { name: 'currency', description: 'ISO 4217 currency, e.g. USD' },
  { name: 'inventory', description: 'Units for sale', type: 'integer' },
  {
    name: 'benefits',
    description: 'Benefits as JSON, e.g. {"booth":"10x10","social_posts":5}',
    type: 'json',
  },
  {
    name: 'availability',
    description: 'Sale window and limits as JSON: {"start","end","max_per_sponsor","exclusivity"}',
    type: 'json',
  },
  {
    name: 'constraints',
    description: 'Who may buy, as JSON: {"category_allow":[…],"sponsor_conflicts":[…]}',
    type: 'json',
  },
  {
    name: 'cancellation_policy',
    description: 'Orders\' cancellation policy as JSON: {"window_days","penalty_pct"}',
    type: 'json',
  },
  { name: 'visibility', description: 'Who can find it', choices: VISIBILITY },
  {
    name: 'sla_terms',
    description:
      'Guarantees as a JSON array, e.g. [{"metric":"impressions","target":20000,"breach_policy":{"action":"notify"}}] (drafts only)',
    type: 'json-array',
  },
  {
    name: 'release_policy',
    description: 'Release escrow as a whole after lock, or per deliverable as each is approved (milestones)',
    choices: RELEASE_POLICIES,
  },
  {
    name: 'release_weights',
    description: 'Milestone weights by benefit as JSON, e.g. {"booth":3,"social_posts":1} (others weigh 1)',
    type: 'json',
  },
  {
    name: 'expected_reach',
    description: 'Expected reach (people); drives the impressions SLA',
    type: 'integer',
    nullable: true,
  },
];

const baseFields: BodyField<'createPackage'>[] = [
  { name: 'event_id', description: 'The event', required: true, ref: 'events' },
  { name: 'template_id', description: 'A template filling title, tier, price, currency and benefits' },
  ...editable,
  {
    name: 'audience_snapshot',
    description: 'Audience figures as JSON (replaced by real stats at publish)',
    type: 'json',
  },
];
const createFields: readonly BodyField<'createPackage'>[] = baseFields.map((field) =>
  field.name === 'inventory' ? { ...field, required: true } : field,
);

const variantFields: readonly BodyField<'createPackageVariant'>[] = [
  { name: 'title', description: 'Title, e.g. "Silver Stage Sponsor"', required: true },
  { name: 'tier', description: 'Tier, e.g. silver', required: true },
  { name: 'price_cents', description: 'Price in minor units', type: 'integer', required: true },
  { name: 'currency', description: "ISO 4217 currency (default: the package's)" },
  {
    name: 'inventory',
    description: "Units of this variant for sale (each also takes one of the package's)",
    type: 'integer',
    nullable: true,
  },
  { name: 'benefits', description: 'Benefits as JSON', type: 'json' },
  {
    name: 'sla_terms',
    description: "Guarantees as a JSON array (empty value: the package's terms; drafts only)",
    type: 'json-array',
    nullable: true,
  },
  { name: 'is_active', description: 'Offered (true) or not (false)', type: 'boolean' },
];

export const packages: Resource = {
  name: 'packages',
  noun: 'package',
  summary: 'Sponsorship packages of your events: create, publish, variants',
  label: ['title', 'tier'],
  commands: [
    {
      kind: 'list',
      path: 'list',
      operationId: 'listPackages',
      summary: 'List your packages (the gallery), by price',
      examples: [
        'yardpass packages list --event-id <event>',
        'yardpass packages list --is-active true --json',
      ],
      filters: [
        { name: 'event_id', description: 'Only packages of this event' },
        { name: 'visibility', description: 'Only this visibility', choices: VISIBILITY },
        { name: 'is_active', description: 'Only published (true) or drafts (false)', type: 'boolean' },
        { name: 'tier', description: 'Only this tier' },
        { name: 'min_price_cents', description: 'Cheapest price', type: 'integer' },
        { name: 'max_price_cents', description: 'Dearest price', type: 'integer' },
      ],
      columns: ['id', 'title', 'tier', 'price_cents', 'sold', 'inventory', 'status'],
      call: (client, query) => client.packages.list(query),
    },
    {
      kind: 'item',
      path: 'create',
      operationId: 'createPackage',
      summary: 'Create a package (a draft until published)',
      examples: [
        'yardpass packages create --event-id <event> --title "Gold Stage Sponsor" --tier gold --price-cents 150000 --currency USD --inventory 3',
        'yardpass packages create --data @package.json',
        'yardpass packages create --event-id <event> --title Booth --tier silver --price-cents 90000 --currency USD --inventory 5 --benefits \'{"booth":"10x10","social_posts":3}\' --release-policy per_deliverable --release-weights \'{"booth":3}\'',
      ],
      fields: createFields,
      done: 'Created',
      call: (client, { body }) => client.packages.create(body),
    },
    {
      kind: 'item',
      path: 'get',
      operationId: 'getPackage',
      summary: 'Show a package',
      examples: [`yardpass packages get ${packageId}`],
      id: true,
      call: (client, { id }) => client.packages.retrieve(id),
    },
    {
      kind: 'item',
      path: 'update',
      operationId: 'updatePackage',
      summary: 'Change a package (send the version you read to refuse a stale change)',
      examples: [`yardpass packages update ${packageId} --data '{"version":2}' --price-cents 120000`],
      id: true,
      fields: [
        {
          name: 'version',
          description:
            'The version you read; a stale one is refused (pass it in --data: --version prints the CLI version)',
          type: 'integer',
        },
        ...optional(editable),
      ],
      partial: true,
      done: 'Updated',
      call: (client, { id, body }) => client.packages.update(id, body),
    },
    {
      kind: 'item',
      path: 'publish',
      operationId: 'publishPackage',
      summary: 'Publish a package: audience snapshot, SLA templates, on sale',
      examples: [`yardpass packages publish ${packageId}`],
      id: true,
      done: 'Published',
      call: (client, { id }) => client.packages.publish(id),
    },
    {
      kind: 'item',
      path: 'unpublish',
      operationId: 'unpublishPackage',
      summary: 'Take a package off sale (back to draft)',
      examples: [`yardpass packages unpublish ${packageId}`],
      id: true,
      done: 'Unpublished',
      call: (client, { id }) => client.packages.unpublish(id),
    },
    {
      kind: 'item',
      path: 'archive',
      operationId: 'archivePackage',
      summary: 'Archive a package for good',
      examples: [`yardpass packages archive ${packageId} --yes`],
      id: true,
      confirm: (what) => `Archive ${what}? It goes off sale for good.`,
      done: 'Archived',
      call: (client, { id }) => client.packages.archive(id),
    },
    {
      kind: 'custom',
      path: 'variants list',
      operationId: 'listPackageVariants',
      summary: "List a package's variants",
      examples: [`yardpass packages variants list ${packageId}`],
      configure: (command) => command.argument('[package-id]', 'The package'),
      async run(input) {
        const { client, args, json, io } = input;
        const id = await input.chooseId({ resource: 'packages', given: args[0], name: '<package-id>' });
        const items = await client.packages.listVariants(id, { limit: 100 }).toArray();
        if (json) io.json(items);
        else if (items.length === 0) io.note('No variants.');
        else
          io.print(
            table({
              items,
              columns: ['id', 'title', 'tier', 'price_cents', 'currency', 'sold', 'inventory', 'is_active'],
              io,
            }),
          );
      },
    },
    {
      kind: 'item',
      path: 'variants create',
      operationId: 'createPackageVariant',
      summary: 'Add a variant (e.g. a cheaper tier) to a package',
      examples: [
        `yardpass packages variants create ${packageId} --title Silver --tier silver --price-cents 80000`,
      ],
      id: true,
      fields: variantFields,
      done: 'Added variant to',
      call: (client, { id, body }) => client.packages.createVariant(id, body),
    },
    {
      kind: 'item',
      path: 'variants update',
      operationId: 'updatePackageVariant',
      summary: 'Change a variant',
      examples: ['yardpass packages variants update <variant-id> --is-active false'],
      id: true,
      fields: optional(variantFields),
      partial: true,
      done: 'Updated variant',
      call: (client, { id, body }) => client.packages.updateVariant(id, body),
    },
    {
      kind: 'item',
      path: 'variants delete',
      operationId: 'deletePackageVariant',
      summary: 'Delete a variant',
      examples: ['yardpass packages variants delete <variant-id> --yes'],
      id: true,
      confirm: (what) => `Delete this variant of ${what}?`,
      done: 'Deleted variant',
      silent: true,
      call: (client, { id }) => client.packages.delVariant(id),
    },
    {
      kind: 'custom',
      path: 'sla-terms show',
      operationId: 'getPackage',
      alsoPerforms: ['listPackageVariants'],
      summary: 'Show the guarantees (SLA terms) a package or one of its variants is sold with',
      examples: [
        `yardpass packages sla-terms show ${packageId}`,
        `yardpass packages sla-terms show ${packageId} --variant-id <variant>`,
      ],
      configure: (command) =>
        command
          .argument('[package-id]', 'The package')
          .option('--variant-id <id>', "A variant of the package (its own terms, else the package's)"),
      async run(input) {
        const { client, args, options, json, io } = input;
        const id = await input.chooseId({ resource: 'packages', given: args[0], name: '<package-id>' });
        const pkg = await client.packages.retrieve(id);
        let terms = pkg.sla_terms;
        const variantId = options.variantId as string | undefined;
        if (variantId) {
          const variants = await client.packages.listVariants(id, { limit: 100 }).toArray();
          const variant = variants.find((v) => v.id === variantId);
          if (!variant) throw usageError(`--variant-id: ${variantId} is not a variant of ${id}.`);
          terms = variant.sla_terms ?? pkg.sla_terms;
        }
        if (json) io.json(terms);
        else if (terms === null) io.note('No terms written yet: publishing generates the defaults.');
        else if (terms.length === 0) io.note('No guarantees: this is sold without SLAs.');
        else io.print(termsTable(terms, io));
      },
    },
    {
      kind: 'custom',
      path: 'sla-terms set',
      operationId: 'updatePackage',
      alsoPerforms: ['updatePackageVariant'],
      summary: "Replace a draft package's (or variant's) SLA terms",
      examples: [
        `yardpass packages sla-terms set ${packageId} '[{"metric":"impressions","target":20000,"grace_days":7,"breach_policy":{"action":"penalty_pct","penalty_pct":0.1}}]'`,
        `yardpass packages sla-terms set ${packageId} @terms.json --variant-id <variant>`,
        `yardpass packages sla-terms set ${packageId} '[]'`,
      ],
      configure: (command) =>
        command
          .argument('[package-id]', 'The package (a draft: unpublish it first)')
          .argument('[terms]', 'The terms: a JSON array, @file.json, or - for standard input')
          .option('--variant-id <id>', 'Set the terms of this variant of the package instead')
          .option('--inherit', "With --variant-id: drop the variant's terms, so the package's apply"),
      async run(input) {
        const { client, args, options, json, io } = input;
        const id = await input.chooseId({ resource: 'packages', given: args[0], name: '<package-id>' });
        const variantId = options.variantId as string | undefined;
        if (options.inherit && !variantId) throw usageError('--inherit needs --variant-id.');
        let terms: SlaTerm[] | null = null;
        if (!options.inherit) {
          if (args[1] === undefined)
            throw usageError('Missing <terms>: a JSON array of terms, @file.json, or - for standard input.');
          const data = await readData(args[1], input.stdin);
          if (!Array.isArray(data))
            throw usageError('<terms> must be a JSON array of terms (send [] for none).');
          terms = data as SlaTerm[];
        }
        if (variantId) {
          const variants = await client.packages.listVariants(id, { limit: 100 }).toArray();
          if (!variants.some((v) => v.id === variantId))
            throw usageError(`--variant-id: ${variantId} is not a variant of ${id}.`);
          const variant = await client.packages.updateVariant(variantId, { sla_terms: terms });
          if (json) io.json(variant);
          else if (variant.sla_terms) io.print(termsTable(variant.sla_terms, io));
          else io.success(`Variant ${variant.title} now has the package's terms.`);
          return;
        }
        const pkg = await client.packages.update(id, { sla_terms: terms ?? [] });
        if (json) io.json(pkg);
        else if (pkg.sla_terms?.length) io.print(termsTable(pkg.sla_terms, io));
        else io.success(`${pkg.title} is now sold without guarantees.`);
      },
    },
  ],
};

/** One row per term: what is guaranteed, where it is measured, and what a miss does, then the summary. */
function termsTable(terms: readonly SlaTerm[], io: Parameters<typeof table>[0]['io']): string {
  const items = terms.map((term) => ({
    metric: term.metric,
    target: term.target,
    source: term.source ?? null,
    window_days: term.window_days ?? 0,
    grace_days: term.grace_days ?? 0,
    if_missed: term.breach_policy?.action ?? 'notify',
    summary: term.summary ?? '',
  }));
  return table({
    items,
    columns: ['metric', 'target', 'source', 'window_days', 'grace_days', 'if_missed', 'summary'],
    io,
  });
}
