import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; every request line carries its `request_id`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'yardpass-server' }, timestamp: pino.stdTimeFunctions.isoTime });
}
