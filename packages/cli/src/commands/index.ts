import { auditLog } from './audit-log.js';
import { events } from './events.js';
import { keys } from './keys.js';
import { members } from './members.js';
import { orgs } from './orgs.js';
import type { Resource } from './resource.js';
import { sponsors } from './sponsors.js';

/** Every resource group, in the order `yardpass --help` lists them. */
export const resources: readonly Resource[] = [events, sponsors, members, keys, auditLog, orgs];
