import { analytics } from './analytics.js';
import { commandCenter } from './command-center.js';
import { auditLog } from './audit-log.js';
import { consents } from './consents.js';
import { deliverables } from './deliverables.js';
import { events } from './events.js';
import { keys } from './keys.js';
import { ledger } from './ledger.js';
import { members } from './members.js';
import { orders } from './orders.js';
import { ops } from './ops.js';
import { orgs } from './orgs.js';
import { packageTemplates } from './package-templates.js';
import { packages } from './packages.js';
import { payoutConfig } from './payout-config.js';
import { payouts } from './payouts.js';
import { proposals } from './proposals.js';
import { marketplace } from './marketplace.js';
import { matches } from './matches.js';
import type { Resource } from './resource.js';
import { reports } from './reports.js';
import { settings } from './settings.js';
import { slas } from './slas.js';
import { sponsors } from './sponsors.js';
import { sponsorships } from './sponsorships.js';
import { stats } from './stats.js';
import { webhooks } from './webhooks.js';
import { widgets } from './widgets.js';
import { workspaces } from './workspaces.js';

/** Every resource group, in the order `yardpass --help` lists them. */
export const resources: readonly Resource[] = [
  events,
  sponsors,
  packages,
  packageTemplates,
  marketplace,
  matches,
  proposals,
  orders,
  payouts,
  payoutConfig,
  settings,
  ledger,
  sponsorships,
  deliverables,
  slas,
  analytics,
  stats,
  consents,
  reports,
  webhooks,
  workspaces,
  widgets,
  commandCenter,
  members,
  keys,
  auditLog,
  orgs,
  ops,
];
