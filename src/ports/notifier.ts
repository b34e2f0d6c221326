import type { OutgoingMessage } from '../engine/prompt';

/** Why a send failed, so the dispatcher knows whether to retry, reroute or give up. */
export type DeliveryFailure =
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  | { kind: 'blocked'; reason: string }
  | { kind: 'invalid_address'; reason: string };

/** Thrown by `Notifier.send` when a platform refuses or fails. */
export class DeliveryError extends Error {
  constructor(readonly failure: DeliveryFailure) {
    super(`delivery failed (${failure.kind}): ${failure.reason}`);
    this.name = 'DeliveryError';
  }
}

/** What a send carries besides the message. */
export interface SendOptions {
  /**
   * The outbox notification being sent. A platform that can store it with the message (Slack message metadata) lets
   * `reconcile` find the message after a crash, so it is not posted twice.
   */
  notificationId?: string;
}

/** What the platform says about a send that was in doubt. */
export type ReconcileAnswer = 'delivered' | 'not_delivered' | 'unknown';

/**
 * Sends a neutral message to an opaque address (`slack:…`, `teams:…`, `web:…`, `console:…`). Services and the
 * scheduler only ever talk to this; they never import a platform SDK.
 */
export interface Notifier {
  /** True when this notifier can deliver to the address (the platform prefix is configured). */
  handles(address: string): boolean;
  /** Delivers the message; throws DeliveryError on failure. */
  send(address: string, message: OutgoingMessage, options?: SendOptions): Promise<void>;
  /**
   * Sends several messages to one address in order. A notifier that queues (the outbox) stores them in one write, so
   * a crash never leaves half of one reply queued.
   */
  sendAll?(address: string, messages: OutgoingMessage[]): Promise<void>;
  /**
   * Asks the platform whether notification `notificationId` reached `address` since `since` (a send that began
   * before a crash). 'delivered' means it is there and must not be sent again; a notifier without this ability is
   * treated as 'unknown' and the message is sent again (at least once).
   */
  reconcile?(address: string, message: OutgoingMessage, notificationId: string, since: Date): Promise<ReconcileAnswer>;
  /**
   * True when a send to `address` cut short by a crash never becomes a duplicate: the platform is asked (`reconcile`)
   * or sending again changes nothing (a Home tab published anew). The dispatcher sends to such addresses in parallel;
   * to the others one message at a time, so a crash leaves at most one message in doubt (sent twice at worst).
   * Absent: false.
   */
  settlesInDoubt?(address: string): boolean;
}
