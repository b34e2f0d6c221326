import type { CaseService } from '../cases/case-service';
import { createRouting } from '../cases/routing';
import type { Env } from '../config/config';
import type { Dispatcher } from '../delivery/dispatcher';
import type { Directory } from '../directory/directory';
import { systemClock, type Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Stores } from '../ports/stores';
import { DEFAULT_SWEEP_SETTINGS, type SweepKind, type SweepSettings } from './plan';
import { Reminders, type SweepReport } from './reminders';
import { REMINDER_TIMEZONE, scheduleReminders } from './schedule';
import { removeCopies } from '../evidence/evidence-vault';

/** What main.ts hands the reminders. */
export interface RemindersDeps {
  config: Env;
  stores: Stores;
  directory: Directory;
  /** Not used by the sweeps (they write their own conditional updates); kept so main.ts need not change. */
  cases?: CaseService;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  notifierHandles: (address: string) => boolean;
  /** Run the cron schedule (false in tests and one-off sweeps). */
  schedule: boolean;
  /** The i18n key naming a dialog in a sentence (the registry's), for the last message of an expired session. */
  dialogName?: (dialogId: string) => string;
  /** Key-value namespaces of words held for a member outside a session, expired with the sessions. */
  heldNamespaces?: string[];
}

/** A sweep and what became of its notifications once the dispatcher had its turn. */
export interface SweepOutcome extends SweepReport {
  /** Of `notificationIds`: delivered, waiting for a retry (platform down), given up (rerouted). */
  delivery: { sent: number; pending: number; dead: number };
}

/** The running reminders: a sweep on demand, and stop. */
export interface RemindersHandle {
  /** Runs the digest and/or escalation sweep at `at` (under the sweep lease) and delivers what it queued. */
  sweep(at: Date, kind: SweepKind): Promise<SweepOutcome>;
  /** The service, for tests and tools that need more than one sweep. */
  readonly reminders: Reminders;
  stop(): void;
}

/** The escalation windows from the configuration; two days' notice for items due soon. */
export function sweepSettings(
  config: Pick<Env, 'ESCALATION_URGENT_MINUTES' | 'ESCALATION_NORMAL_MINUTES'>,
): SweepSettings {
  return {
    ...DEFAULT_SWEEP_SETTINGS,
    urgentWindowMs: config.ESCALATION_URGENT_MINUTES * 60_000,
    normalWindowMs: config.ESCALATION_NORMAL_MINUTES * 60_000,
  };
}

/** Builds the reminders over the stores and, unless `schedule` is false, starts the cron schedule. */
export function startReminders(deps: RemindersDeps): RemindersHandle {
  const { stores, directory, dispatcher, clock, logger } = deps;
  const reminders = new Reminders({
    cases: stores.cases,
    outbox: stores.outbox,
    leases: stores.leases,
    keyValues: stores.keyValues,
    directory,
    routing: createRouting(directory, stores.bindings, deps.notifierHandles),
    languageOf: async (userId) => (await stores.profiles.get(userId))?.language ?? 'sv',
    handles: deps.notifierHandles,
    settings: sweepSettings(deps.config),
    // The lease runs on real time even when the app's clock is shifted (`npm run remind -- --at` a day ahead must
    // not leave a lease that looks held until tomorrow if it stops half-way).
    leaseClock: systemClock,
    logger,
    onQueued: () => dispatcher.kick(),
    sessionExpiry: {
      sessions: stores.sessions,
      maxIdleMs: deps.config.SESSION_EXPIRY_HOURS * 3_600_000,
      dialogName: deps.dialogName ?? (() => 'bot.dialog.unknown_name'),
      held: { keyValues: stores.keyValues, namespaces: deps.heldNamespaces ?? [] },
      evidence: { remove: (files) => removeCopies(stores.blobs, files) },
    },
  });
  const stop = deps.schedule
    ? scheduleReminders({
        digestCron: deps.config.REMINDER_CRON,
        escalationCron: deps.config.ESCALATION_CRON,
        timezone: REMINDER_TIMEZONE,
        run: (kind) => reminders.runSweep(clock.now(), kind),
        logger,
      })
    : () => undefined;
  return {
    reminders,
    async sweep(at, kind) {
      const report = await reminders.runSweep(at, kind);
      await dispatcher.drain();
      const delivery = { sent: 0, pending: 0, dead: 0, superseded: 0 };
      for (const id of report.notificationIds) {
        const n = await stores.outbox.get(id);
        // Escalation notifications still inside the case (not relayed yet) count as pending.
        delivery[n?.status ?? 'pending'] += 1;
      }
      return { ...report, delivery };
    },
    stop,
  };
}
