import type { Notification } from '../domain/notification';

/** Notifications waiting to be delivered, and those delivered (kept for the record and for dedupe). */
export interface OutboxStore {
  /** Adds notifications; an id already present is left as it is (unique index), so re-queuing is harmless. */
  enqueue(items: Notification[]): Promise<void>;
  /**
   * Pending notifications whose next attempt is due at `now`, oldest first (createdAt, then seq), leaving out those to
   * the addresses in `skip` (conversations the rate limiter holds back just now).
   */
  due(now: Date, limit: number, skip?: readonly string[]): Promise<Notification[]>;
  /**
   * Claims a pending notification for `holder` until `until`, when it is unclaimed or its claim has expired, and
   * marks it as being sent since `now`. True when the claim is ours; false when another process holds it or it is no
   * longer pending.
   */
  claim(id: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Marks a claimed notification sent. */
  markSent(id: string, at: Date): Promise<void>;
  /** Records a failed attempt and when to try again; the claim is released. */
  reschedule(id: string, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on a notification that can never be delivered (it is kept, marked dead, for the record). */
  markDead(id: string, error: string): Promise<void>;
  /** Drops a pending notification a newer one replaced (kept, marked superseded, for the record). */
  markSuperseded(id: string): Promise<void>;
  /**
   * Forgets the bot replies of a turn that is done (`Notification.turn`): those over (sent, dead, superseded) are
   * removed now, those still pending are removed when they are over instead of being kept. A done turn is never
   * replayed, and only a replay needs them (it queues its replies again under the same ids). Case notifications and
   * replies of other turns are left as they are.
   */
  forgetTurn(turnId: string): Promise<void>;
  /** The notification, or null (also once forgotten). */
  get(id: string): Promise<Notification | null>;
  /** Every notification of a case, in order (for tests and the case view). */
  listForCase(caseId: string): Promise<Notification[]>;
  /** Pending notifications of a stream (see `Notification.stream`), in order (createdAt, then seq). */
  pendingInStream(stream: string): Promise<Notification[]>;
  /**
   * Lets every claim lapse at `now` (their sends become "in doubt"). Only for a store one process owns: at start-up
   * the claims are a dead process's.
   */
  expireClaims(now: Date): Promise<number>;
}
