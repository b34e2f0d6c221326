/**
 * `npm run remind -- [--at <ISO time>] [--only digest|escalation]`: one reminder sweep (the daily digest and the
 * escalation of untaken cases) now or as if at the given time, with the stores, directory and platforms configured as
 * for `npm start`. For operators (did the morning digest go out? send it now) and tests. Prints counts and case
 * numbers, never what a report says.
 *
 * Beside a server running on the same DATA_DIR (which holds the folder's lock, so a second writer cannot open it),
 * the server runs the sweep: this script asks it over the folder's admin socket (src/server/admin-socket.ts) and
 * prints what it did. With MongoDB there is no lock: the sweep runs here, and the sweep lease, the digest ids and the
 * conditional escalation writes keep every message once-only beside any number of instances.
 */
import { createVaktpost, type VaktpostOptions } from '../main';
import { isVaktpostError } from '../src/domain/errors';
import type { Clock } from '../src/ports/clock';
import { createConsoleLogger } from '../src/ports/logger';
import type { SweepKind } from '../src/reminders/plan';
import type { SweepOutcome } from '../src/reminders/wiring';
import { AdminCallError, requestSweep } from '../src/server/admin-client';

const USAGE = 'usage: npm run remind -- [--at <ISO time, e.g. 2026-03-02T08:00:00+01:00>] [--only digest|escalation]';

/** A command line this script does not understand; printed without a stack trace. */
export class UsageError extends Error {}

/** What the command line asks for. */
export interface RemindArgs {
  /** The moment to sweep as; null for now. */
  at: Date | null;
  kind: SweepKind;
}

/** Reads `--at` and `--only`; throws with the usage line on anything else. */
export function parseRemindArgs(argv: string[]): RemindArgs {
  const args: RemindArgs = { at: null, kind: 'both' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--at' && value !== undefined && !Number.isNaN(Date.parse(value))) {
      args.at = new Date(value);
      i += 1;
    } else if (flag === '--only' && (value === 'digest' || value === 'escalation')) {
      args.kind = value;
      i += 1;
    } else {
      throw new UsageError(
        `${flag === '--at' ? `--at needs an ISO time, got "${value ?? ''}"` : `unknown argument "${flag}"`}\n${USAGE}`,
      );
    }
  }
  return args;
}

const LEVELS = ['info', 'warn', 'error', 'silent'] as const;
const logLevel = (value: string | undefined): (typeof LEVELS)[number] =>
  LEVELS.find((level) => level === value) ?? 'warn';

/** The sweep as lines an operator reads. */
export function describeSweep(outcome: SweepOutcome): string[] {
  const parts = outcome.kind === 'both' ? 'digest + escalation' : outcome.kind;
  const lines = [`Sweep at ${outcome.at} (${parts})`];
  if (outcome.skipped.length > 0) {
    lines.push(
      `Skipped, another sweep (the schedule or another process) is running it right now: ${outcome.skipped.join(', ')}`,
    );
  }
  if (outcome.kind !== 'escalation' && !outcome.skipped.includes('digest')) {
    lines.push(`Digests queued: ${outcome.digests} (queued before for this date: ${outcome.digestsAlreadyQueued})`);
  }
  if (outcome.kind !== 'digest' && !outcome.skipped.includes('escalation')) {
    const escalated = outcome.escalations.map((e) => `${e.number} (reminder ${e.n})`);
    lines.push(`Escalated: ${escalated.length > 0 ? escalated.join(', ') : 'none'}`);
  }
  if (outcome.sessionsExpired > 0) lines.push(`Unfinished sessions expired: ${outcome.sessionsExpired}`);
  const { sent, pending, dead } = outcome.delivery;
  lines.push(
    `Notifications: ${outcome.queued} queued, ${sent} sent, ${pending} waiting for a retry, ${dead} undeliverable (rerouted)`,
  );
  return lines;
}

/**
 * Runs one sweep with Vaktpost wired as main.ts wires it and closes it again. With `--at`, the process's clock starts
 * at that moment and runs on, so the dispatcher sends what the sweep queued "at" that time.
 */
export async function remind(
  argv: string[],
  options: VaktpostOptions = {},
  print: (line: string) => void = (line) => console.log(line),
): Promise<SweepOutcome> {
  const args = parseRemindArgs(argv);
  const started = Date.now();
  const shifted: Clock | undefined = args.at
    ? { now: () => new Date((args.at as Date).getTime() + (Date.now() - started)) }
    : undefined;
  const clock = options.clock ?? shifted;
  const env = options.env ?? process.env;
  let vaktpost: Awaited<ReturnType<typeof createVaktpost>>;
  try {
    vaktpost = await createVaktpost({
      ...options,
      ...(clock ? { clock } : {}),
      // Quiet unless asked: the summary below is the output.
      logger: options.logger ?? createConsoleLogger(logLevel(env.LOG_LEVEL)),
      listen: false,
      schedule: false,
      dispatchIntervalMs: 0,
      admin: false,
    });
  } catch (error) {
    if (!isVaktpostError(error, 'store.locked')) throw error;
    // A server holds the data folder: it runs the sweep, with its own stores and platforms.
    const dataDir = String(error.details.dataDir ?? '');
    const outcome = dataDir === '' ? null : await requestSweep(dataDir, args.at, args.kind);
    if (outcome === null) throw error;
    const who = typeof error.details.pid === 'number' ? ` (process ${error.details.pid})` : '';
    print(`The Vaktpost server${who} runs on ${dataDir}: it ran the sweep.`);
    for (const line of describeSweep(outcome)) print(line);
    return outcome;
  }
  try {
    const outcome = await vaktpost.reminders.sweep(args.at ?? (clock ?? { now: () => new Date() }).now(), args.kind);
    for (const line of describeSweep(outcome)) print(line);
    return outcome;
  } finally {
    await vaktpost.close();
  }
}

if (require.main === module) {
  remind(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError) console.error(error.message);
    else if (error instanceof AdminCallError) console.error(`\nThe sweep did not run.\n${error.message}\n`);
    else if (isVaktpostError(error) && error.code === 'store.locked') {
      // Beside a server on the same data folder that does not answer on its admin socket (an older version, or one
      // that could not open it): refuse, changing nothing (two writers would lose data).
      console.error(
        `\nThe sweep did not run: the Vaktpost server is running on this data folder, did not answer on its admin ` +
          `socket, and already sends the daily digest (REMINDER_CRON) and the escalations itself. Nothing was ` +
          `changed.\n${error.message}\n`,
      );
    } else console.error(isVaktpostError(error) ? `\nThe sweep could not run.\n${error.message}\n` : error);
    process.exit(1);
  });
}
