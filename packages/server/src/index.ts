export { createApp, type AppDeps } from './app';
export { loadConfig, type Config } from './config';
export { createDb, type Db } from './db/pool';
export { migrate } from './db/migrate';
export { ensureDatabase } from './db/admin';
export { startEmbeddedCluster } from './db/embedded';
export { createOrganization } from './domain/identity';
export { drainMatchQueue } from './domain/matching';
export { listEventMatches, scorePairs } from './db/matching';
export { emitEvent } from './webhooks/emit';
export { rollupAll as rollupStats } from './domain/stats';
export { ensureAnalyticsPartitions } from './domain/analytics';
export { startWorker } from './jobs/worker';
export { createLogger } from './logger';
export { type EarlyAnswer, listen } from './listen';
// The API's own statements, so that the benchmarks' bare baselines run exactly what the API runs.
export { insertEvent, listEvents } from './db/events';
export { insertPackage, listPackages } from './db/packages';
export { listInbox } from './db/proposals';
export { toPage } from './db/pagination';
export { findCachedWidget } from './db/widgets';
export { insertAuditEntry } from './db/audit';
export { ensureAccount, insertLedgerTransaction, settlePendingTransactions } from './db/ledger';
export { claimKeySql, claimOutcome, storeAnswer } from './db/idempotency';
export { createOperator } from './domain/operators';
export {
  activityMetrics,
  listInbox as listOpsInbox,
  moneyMetrics,
  INBOX_KINDS,
  summarizeInbox as summarizeOpsInbox,
} from './db/ops';
