import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger';

/** Keeps only the words of a Bolt log call: objects (payloads, error details) may hold what a member wrote. */
function describe(parts: unknown[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : ''))
    .filter(Boolean)
    .join(' ')
    .slice(0, 300);
}

/**
 * Bolt and the Web API client log through our logger: warnings and errors only (debug output contains payloads),
 * as one line each.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) => logger.warn(`slack: ${describe(parts)}`),
    error: (...parts: unknown[]) => logger.error(`slack: ${describe(parts)}`),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
