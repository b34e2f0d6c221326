import type { OutgoingMessage } from '../engine/prompt';
import type { Notifier } from '../ports/notifier';

/**
 * The turn being processed, so every message it causes gets an id derived from the turn (see outbox-notifier). It
 * is made by the inbox for each run of a turn and handed down explicitly (in a {@link TurnNotifier}): no
 * AsyncLocalStorage, whose promise hooks Node 20 makes every promise of the process pay for.
 */
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

/**
 * A fresh scope for one run of turn `turnId`. Replaying a turn numbers its messages from 0 again, so a message it
 * queued the first time is recognised by its id and not queued twice. `inboxId` is the turn's inbox id when `turnId`
 * is not.
 */
export function newTurnScope(turnId: string, startedAt: Date, inboxId: string = turnId): TurnScope {
  return { turnId, inboxId, startedAt, next: 0 };
}

/**
 * The outbox bound to one turn: what the turn queues gets the ids `reply:<turn>:<n>`. The bot's per-turn code can
 * only queue through one of these (its `reply` asks for it), so no message of a turn is queued without its scope.
 */
export interface TurnNotifier extends Notifier {
  /** The turn it queues for; `next` is where its numbering stands. */
  readonly scope: TurnScope;
  /** Queues one reply's messages in one write, in order. */
  sendAll(address: string, messages: OutgoingMessage[]): Promise<void>;
}

/** Where turn-bound notifiers come from (the outbox notifier). */
export interface TurnOutbox {
  /** The outbox bound to the turn `scope`. */
  forTurn(scope: TurnScope): TurnNotifier;
}

/** The outbox id of a turn's `index`-th message. */
export function replyId(turnId: string, index: number): string {
  return `reply:${turnId}:${index}`;
}
