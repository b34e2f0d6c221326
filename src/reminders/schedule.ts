import cron from 'node-cron';
import { VaktpostError } from '../domain/errors';
import type { Logger } from '../ports/logger';

/** When the sweeps run; the only place that knows about node-cron (an import-rules test checks this). */
export interface ReminderSchedule {
  /** The daily digest (REMINDER_CRON, default `0 8 * * *`: 08:00 every day). */
  digestCron: string;
  /** The escalation of untaken cases (default every five minutes). */
  escalationCron: string;
  /** The time zone the expressions are read in. */
  timezone: string;
  /** Runs one sweep; errors are logged here and the schedule goes on. */
  run(kind: 'digest' | 'escalation'): Promise<unknown>;
  logger: Logger;
}

/** True when node-cron accepts the expression; the configuration checks REMINDER_CRON and ESCALATION_CRON with it before anything starts. */
export function isCronExpression(expression: string): boolean {
  return cron.validate(expression);
}

export const REMINDER_TIMEZONE = 'Europe/Stockholm';

/**
 * Starts the two cron tasks and returns a function that stops them. node-cron only triggers: what is due is decided
 * by `planSweep` from the stored cases and the time, so a missed or doubled trigger changes nothing that matters.
 */
export function scheduleReminders(schedule: ReminderSchedule): () => void {
  const check = (name: string, expression: string): void => {
    if (!cron.validate(expression)) {
      throw new VaktpostError(
        'config.invalid',
        `The configuration is not valid:\n  - ${name}: "${expression}" is not a cron expression (for example "0 8 * * *" for 08:00 every day)`,
      );
    }
  };
  check('REMINDER_CRON', schedule.digestCron);
  check('escalation schedule', schedule.escalationCron);
  const task = (kind: 'digest' | 'escalation', expression: string) =>
    cron.schedule(
      expression,
      async () => {
        try {
          await schedule.run(kind);
        } catch (error) {
          schedule.logger.error('sweep failed', { sweep: kind, error: (error as Error).message });
        }
      },
      // noOverlap: a slow sweep (a database hiccup) is not started a second time by the next tick.
      { timezone: schedule.timezone, name: `vaktpost-${kind}`, noOverlap: true },
    );
  const tasks = [task('digest', schedule.digestCron), task('escalation', schedule.escalationCron)];
  return () => {
    for (const t of tasks) void t.destroy();
  };
}
