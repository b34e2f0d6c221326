import { AsyncLocalStorage } from 'node:async_hooks';

/** The turn being processed, so every message it causes gets an id derived from the turn (see outbox-notifier). */
export interface TurnScope {
  /** What the turn's message ids derive from: its inbox id, or that id plus a suffix (the apology of a failed turn). */
  readonly turnId: string;
  /** The inbox id of the turn (`<platform>:<delivery id>`): its replies are forgotten once it is done. */
  readonly inboxId: string;
  /** When processing began; orders the turn's messages after those of earlier turns. */
  readonly startedAt: Date;
  /** The index the next message of the turn gets. */
  next: number;
}

const storage = new AsyncLocalStorage<TurnScope>();

/**
 * Runs `work` as turn `turnId`. Replaying a turn numbers its messages from 0 again, so a message it queued the first
 * time is recognised by its id and not queued twice. `inboxId` is the turn's inbox id when `turnId` is not.
 */
export function runInTurnScope<T>(
  turnId: string,
  startedAt: Date,
  work: () => Promise<T>,
  inboxId: string = turnId,
): Promise<T> {
  return storage.run({ turnId, inboxId, startedAt, next: 0 }, work);
}

/** The turn being processed here, if any. */
export function currentTurnScope(): TurnScope | undefined {
  return storage.getStore();
}

/** The outbox id of a turn's `index`-th message. */
export function replyId(turnId: string, index: number): string {
  return `reply:${turnId}:${index}`;
}
