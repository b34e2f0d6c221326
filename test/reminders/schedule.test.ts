import { isVaktpostError } from '../../src/domain/errors';
import { createMemoryLogger } from '../../src/ports/logger';
import { scheduleReminders } from '../../src/reminders/schedule';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduleReminders', () => {
  it('runs each sweep on its own schedule until stopped, and survives a failing sweep', async () => {
    const runs: string[] = [];
    const logger = createMemoryLogger();
    const stop = scheduleReminders({
      // Every second (node-cron's optional seconds field), so the test need not wait for 08:00.
      digestCron: '* * * * * *',
      escalationCron: '0 0 1 1 *',
      timezone: 'Europe/Stockholm',
      run: async (kind) => {
        runs.push(kind);
        if (runs.length === 1) throw new Error('database hiccup');
      },
      logger,
    });
    try {
      for (let i = 0; i < 50 && runs.length < 2; i += 1) await wait(100);
    } finally {
      stop();
    }
    expect(runs.slice(0, 2)).toEqual(['digest', 'digest']);
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'sweep failed',
      fields: { sweep: 'digest', error: 'database hiccup' },
    });
    const after = runs.length;
    await wait(1300);
    expect(runs.length).toBe(after);
  });

  it('refuses a REMINDER_CRON that is not a cron expression, naming the variable', () => {
    let thrown: unknown;
    try {
      scheduleReminders({
        digestCron: 'every morning',
        escalationCron: '*/5 * * * *',
        timezone: 'Europe/Stockholm',
        run: () => Promise.resolve(),
        logger: createMemoryLogger(),
      });
    } catch (error) {
      thrown = error;
    }
    expect(isVaktpostError(thrown, 'config.invalid')).toBe(true);
    expect((thrown as Error).message).toContain('REMINDER_CRON: "every morning" is not a cron expression');
  });
});
