import type { CaseService } from '../cases/case-service';
import type { Env } from '../config/config';
import type { Dispatcher } from '../delivery/dispatcher';
import type { Directory } from '../directory/directory';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Stores } from '../ports/stores';

/** What main.ts hands the reminders. */
export interface RemindersDeps {
  config: Env;
  stores: Stores;
  directory: Directory;
  cases: CaseService;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  notifierHandles: (address: string) => boolean;
  /** Run the cron schedule (false in tests and one-off sweeps). */
  schedule: boolean;
}

/** The running reminders: a sweep on demand, and stop. */
export interface RemindersHandle {
  /** Runs the digest and/or escalation sweep at `at` and delivers what it queued. */
  sweep(at: Date, kind: 'digest' | 'escalation' | 'both'): Promise<{ queued: number }>;
  stop(): void;
}

/** Placeholder replaced by the reminders work (issue 6); sweeps nothing yet. */
export function startReminders(_deps: RemindersDeps): RemindersHandle {
  return {
    sweep: async () => ({ queued: 0 }),
    stop: () => undefined,
  };
}
