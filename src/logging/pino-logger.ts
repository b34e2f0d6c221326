import pino, { type DestinationStream } from 'pino';
import type { LogFields, Logger, LogLevel } from '../ports/logger';

/** JSON lines (production, log collectors) or one readable line per entry (a developer's terminal). */
export type LogFormat = 'json' | 'pretty';

/**
 * Field names that may carry what a member wrote, a name or a secret. Callers pass ids and codes only; this is the
 * second line of defence should one slip through: the value is replaced, the key stays so the slip is visible.
 */
export const REDACTED_FIELDS = [
  'text',
  'body',
  'rawBody',
  'payload',
  'description',
  'report',
  'answer',
  'answers',
  'input',
  'detail',
  'note',
  'closeReason',
  'name',
  'displayName',
  'email',
  'authorization',
  'token',
  'password',
  'secret',
  'signingSecret',
  'cookie',
] as const;

const REDACT_PATHS = REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`]);

/** What the readable format prints per line: time, level, message, then the fields as key=value. */
function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, message, ...fields } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const rest = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${clock} ${String(level).toUpperCase().padEnd(5)} ${String(message)}${rest ? `  ${rest}` : ''}\n`;
}

/** Options of {@link createPinoLogger}. */
export interface PinoLoggerOptions {
  level: LogLevel;
  format: LogFormat;
  /** Where lines go (default stdout); tests pass a stream that keeps them. */
  destination?: { write(line: string): void };
}

/**
 * The Logger port on pino: redaction of {@link REDACTED_FIELDS}, JSON or readable lines, ISO times, and the level
 * as a word so a log collector need not know pino's numbers.
 */
export function createPinoLogger(options: PinoLoggerOptions): Logger {
  const target = options.destination ?? process.stdout;
  const destination: DestinationStream =
    options.format === 'pretty' ? { write: (line: string) => target.write(prettyLine(line)) } : target;
  const log = pino(
    {
      level: options.level,
      base: null,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) log[level](message);
      else log[level](fields, message);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
