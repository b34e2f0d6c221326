import { randomUUID } from 'node:crypto';
import { pendingNotification, type Notification } from '../domain/notification';
import type { OutgoingMessage } from '../engine/prompt';
import type { Notifier } from '../ports/notifier';
import type { OutboxStore } from '../ports/outbox-store';
import { currentTurnScope, replyId } from './turn-scope';

/** What the outbox notifier needs. */
export interface OutboxNotifierDeps {
  outbox: OutboxStore;
  /** The platforms' notifier: only asked which addresses can be served. */
  platforms: Pick<Notifier, 'handles'>;
  now: () => Date;
  /** Called after something was queued (the dispatcher sends it at once). */
  onQueued: () => void;
}

/** The stream of messages to one address that are not about a case: replies keep their order per recipient. */
export const replyStream = (address: string): string => `reply|${address}`;

/**
 * The notifier the bot replies through: every message (question, receipt, 112 guidance, apology, answer to a
 * contact) goes into the outbox and is sent by the dispatcher with the same retries, Retry-After and ordering as the
 * alerts. Inside a turn the id is `reply:<turn>:<n>`, so a replayed turn never queues a message twice; `sendAll` stores
 * one reply's messages in one write. A question is marked replaceable by the next question to the same address.
 */
export function createOutboxNotifier(deps: OutboxNotifierDeps): Notifier & {
  sendAll(address: string, messages: OutgoingMessage[]): Promise<void>;
} {
  // Orders messages of turns that began in the same millisecond (and those of one turn) as they were queued.
  let counter = 0;
  const toNotification = (address: string, message: OutgoingMessage): Notification => {
    const scope = currentTurnScope();
    const index = scope ? scope.next++ : 0;
    const createdAt = (scope?.startedAt ?? deps.now()).toISOString();
    return pendingNotification({
      id: scope ? replyId(scope.turnId, index) : `reply:${randomUUID()}`,
      address,
      message,
      createdAt,
      caseId: null,
      seq: (counter = (counter + 1) % 1_000_000_000),
      stream: replyStream(address),
      ...(scope ? { turn: scope.inboxId } : {}),
      ...(message.prompt.kind === 'question' ? { supersedeKey: `question|${address}` } : {}),
    });
  };
  const sendAll = async (address: string, messages: OutgoingMessage[]): Promise<void> => {
    if (messages.length === 0) return;
    await deps.outbox.enqueue(messages.map((m) => toNotification(address, m)));
    deps.onQueued();
  };
  return {
    handles: (address) => deps.platforms.handles(address),
    send: (address, message) => sendAll(address, [message]),
    sendAll,
  };
}
