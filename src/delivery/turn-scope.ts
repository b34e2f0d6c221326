import { AsyncLocalStorage } from 'node:async_hooks';

/** The turn being processed, so every message it causes gets an id derived from the turn (see outbox-notifier). */
export interface TurnScope {
  /** The inbox id of the turn (`<platform>:<delivery id>`). */
  readonly turnId: string;
  /** When processing began; orders the turn's messages after those of earlier turns. */
  readonly startedAt: Date;
  /** The index the next message of the turn gets. */
  next: number;
}

const storage = new AsyncLocalStorage<TurnScope>();

/**
 * Runs `work` as turn `turnId`. Replaying a turn numbers its messages from 0 again, so a message it queued the first
 * time is recognised by its id and not queued twice.
 */
export function runInTurnScope<T>(turnId: string, startedAt: Date, work: () => Promise<T>): Promise<T> {
  return storage.run({ turnId, startedAt, next: 0 }, work);
}

/** The turn being processed here, if any. */
export function currentTurnScope(): TurnScope | undefined {
  return storage.getStore();
}

/** The outbox id of a turn's `index`-th message. */
export function replyId(turnId: string, index: number): string {
  return `reply:${turnId}:${index}`;
}
