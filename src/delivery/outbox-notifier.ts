import { randomUUID } from 'node:crypto';
import { pendingNotification, type Notification } from '../domain/notification';
import type { OutgoingMessage } from '../engine/prompt';
import type { Notifier } from '../ports/notifier';
import type { OutboxStore } from '../ports/outbox-store';
import { replyId, type TurnNotifier, type TurnOutbox, type TurnScope } from './turn-scope';

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

/** The outbox as a notifier: on its own for messages of no turn, bound to a turn by `forTurn`. */
export type OutboxNotifier = Notifier &
  TurnOutbox & {
    sendAll(address: string, messages: OutgoingMessage[]): Promise<void>;
  };

/**
 * The notifier the bot replies through: every message (question, receipt, 112 guidance, apology, answer to a
 * contact) goes into the outbox and is sent by the dispatcher with the same retries, Retry-After and ordering as the
 * alerts. Bound to a turn (`forTurn`) the id is `reply:<turn>:<n>`, so a replayed turn never queues a message twice;
 * outside any turn (an adapter's own word at ack time) it is random. `sendAll` stores one reply's messages in one
 * write. A question is marked replaceable by the next question to the same address.
 */
export function createOutboxNotifier(deps: OutboxNotifierDeps): OutboxNotifier {
  // Orders messages of turns that began in the same millisecond (and those of one turn) as they were queued.
  let counter = 0;
  const toNotification = (address: string, message: OutgoingMessage, scope: TurnScope | null): Notification => {
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
  const enqueue = async (address: string, messages: OutgoingMessage[], scope: TurnScope | null): Promise<void> => {
    if (messages.length === 0) return;
    await deps.outbox.enqueue(messages.map((m) => toNotification(address, m, scope)));
    deps.onQueued();
  };
  const handles = (address: string): boolean => deps.platforms.handles(address);
  return {
    handles,
    send: (address, message) => enqueue(address, [message], null),
    sendAll: (address, messages) => enqueue(address, messages, null),
    forTurn(scope): TurnNotifier {
      return {
        scope,
        handles,
        send: (address, message) => enqueue(address, [message], scope),
        sendAll: (address, messages) => enqueue(address, messages, scope),
      };
    },
  };
}
