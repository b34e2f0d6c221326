/** Structured fields for a log line: ids and codes only, never report text or names. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Where the bot writes what happened. Callers pass ids (case, dialog, step), never what a member wrote. */
export interface Logger {
  /** Detail for finding a fault (ids, counts, timings); off unless LOG_LEVEL=debug. */
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** How much to log; `debug` adds detail for finding faults (still ids and codes only). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** One JSON line per entry on stdout/stderr. */
export function createConsoleLogger(minimum: LogLevel = 'info'): Logger {
  const order = { debug: -1, info: 0, warn: 1, error: 2, silent: 3 } as const;
  const write = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (order[level] < order[minimum]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    (level === 'info' || level === 'debug' ? process.stdout : process.stderr).write(`${line}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** A logger that keeps lines in memory, for tests that check nothing sensitive is logged. */
export function createMemoryLogger(): Logger & {
  lines: Array<{ level: string; message: string; fields?: LogFields }>;
} {
  const lines: Array<{ level: string; message: string; fields?: LogFields }> = [];
  return {
    lines,
    debug: (message, fields) => lines.push({ level: 'debug', message, fields }),
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
}
