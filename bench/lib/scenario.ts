import type { BenchDatabase } from './database';
import type { Target } from './measure';

export interface BenchContext {
  database: BenchDatabase;
}

/** One thing to load: it starts its own server on a free port, is measured, then is closed. */
export interface Scenario {
  name: string;
  /** The scenario this one is compared with (it must run earlier in the same table). */
  baseline?: string;
  start(context: BenchContext): Promise<{ target: Target; close: () => Promise<void> }>;
}
