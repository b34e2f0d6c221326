import type { Notification } from '../../domain/notification';
import type { OutboxStore } from '../../ports/outbox-store';
import {
  claimableFilter,
  claimUpdate,
  deadUpdate,
  expireClaimUpdate,
  OUTBOX_HELD_FILTER,
  overRemoveFilter,
  pendingUnmarkedFilter,
  documentToNotification,
  dueFilter,
  notificationToDocument,
  OUTBOX_CASE_SORT,
  OUTBOX_DUE_SORT,
  rescheduleUpdate,
  sentUpdate,
  streamFilter,
  supersededUpdate,
  turnOverFilter,
} from '../documents';
import { currentDocument, indexedDocuments, isUniqueViolation, whereId, type Collection } from './datastore';

/**
 * The outbox in a NeDB file. A claim is one conditional update (pending and unclaimed, expired or ours); the
 * outcome updates apply only while the notification is still pending, so a late worker never revives a sent one.
 */
export class EmbeddedOutboxStore implements OutboxStore {
  /**
   * Done turns with replies still pending: the end of such a reply removes it. MongoDB marks those replies in the
   * store (`FORGET_MARK`), because another process may end them; here only this process writes (the data-directory
   * lock), so memory serves and the mark's write is saved: a reply of a done turn costs its queuing, its claim and
   * one removal. After a restart the memory is gone; replies that were pending then are kept as sent records instead
   * of removed, which loses and repeats nothing (a done turn is never replayed; the reply's state is durable as ever).
   * A turn leaves the set when no reply of it is pending, so it holds no more than the pending replies.
   */
  private readonly forgotten = new Set<string>();

  constructor(private readonly collection: Collection) {}

  async enqueue(items: Notification[]): Promise<void> {
    // One insert for all: NeDB applies it as a whole and appends it in one write, so a reply is never half queued.
    try {
      await this.collection.insertAsync(items.map(notificationToDocument));
      return;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Some were queued before (a replayed turn): the rest one by one, keeping the first copy of each.
    for (const item of items) {
      try {
        await this.collection.insertAsync(notificationToDocument(item));
      } catch (error) {
        // Queued before: the unique _id keeps the first copy, as the port promises.
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  async due(now: Date, limit: number, skip: readonly string[] = []): Promise<Notification[]> {
    const docs = await this.collection.findAsync(dueFilter(now, skip)).sort(OUTBOX_DUE_SORT).limit(limit);
    return docs.map(documentToNotification);
  }

  async claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const { numAffected } = await this.collection.updateAsync(
      claimableFilter(id, holder, now),
      claimUpdate(holder, until, now),
      {},
    );
    return numAffected === 1;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.end(id, sentUpdate(at));
  }

  async reschedule(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    await this.collection.updateAsync(whereId(id, { status: 'pending' }), rescheduleUpdate(nextAttemptAt, error), {});
  }

  async markDead(id: string, error: string): Promise<void> {
    await this.end(id, deadUpdate(error));
  }

  async markSuperseded(id: string): Promise<void> {
    await this.end(id, supersededUpdate());
  }

  async forgetTurn(turnId: string): Promise<void> {
    // Remembered before the removal is queued. NeDB runs a collection's operations one at a time in the order they
    // were asked for, and `end` decides synchronously as it asks for its own: an end asked for before this removal
    // is over when the removal runs (and is removed by it), one asked for after sees the turn here.
    this.forgotten.add(turnId);
    await this.collection.removeAsync(turnOverFilter(turnId), { multi: true });
    this.release(turnId);
  }

  /** Forgets a turn that has no pending reply left (none left to end). */
  private release(turnId: string): void {
    if (!indexedDocuments(this.collection, 'turn', turnId).some((doc) => doc.status === 'pending'))
      this.forgotten.delete(turnId);
  }

  /**
   * Ends a pending notification with `update`, or removes it when its turn is done: one write either way. Files
   * written before the turns were kept in memory may hold replies marked in the store (`FORGET_MARK`): those are
   * removed when the update, which spares marked ones, finds nothing.
   */
  private async end(id: string, update: Record<string, unknown>): Promise<void> {
    const turn = currentDocument(this.collection, id)?.turn;
    if (typeof turn === 'string' && this.forgotten.has(turn)) {
      await this.collection.removeAsync(whereId(id, { status: 'pending' }), {});
      this.release(turn);
      return;
    }
    const { numAffected } = await this.collection.updateAsync(pendingUnmarkedFilter(id), update, {});
    if (numAffected === 0) await this.collection.removeAsync(overRemoveFilter(id), {});
  }

  async pendingInStream(stream: string): Promise<Notification[]> {
    const docs = await this.collection.findAsync(streamFilter(stream)).sort(OUTBOX_DUE_SORT);
    return docs.map(documentToNotification);
  }

  async expireClaims(now: Date): Promise<number> {
    const { numAffected } = await this.collection.updateAsync(OUTBOX_HELD_FILTER, expireClaimUpdate(now), {
      multi: true,
    });
    return numAffected;
  }

  async get(id: string): Promise<Notification | null> {
    const doc = await this.collection.findOneAsync({ _id: id });
    return doc === null ? null : documentToNotification(doc);
  }

  async listForCase(caseId: string): Promise<Notification[]> {
    const docs = await this.collection.findAsync({ caseId }).sort(OUTBOX_CASE_SORT);
    return docs.map(documentToNotification);
  }
}
