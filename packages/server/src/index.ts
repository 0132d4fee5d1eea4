export { createApp, type AppDeps } from './app';
export { loadConfig, type Config } from './config';
export { createDb, type Db } from './db/pool';
export { migrate } from './db/migrate';
export { ensureDatabase } from './db/admin';
export { startEmbeddedCluster } from './db/embedded';
export { createOrganization } from './domain/identity';
export { createLogger } from './logger';
export { listen } from './listen';
