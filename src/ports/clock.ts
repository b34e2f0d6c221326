/** The time, injectable so tests and the scheduler's `--at` use a clock of their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
