import type { Notification } from '../../domain/notification';
import type { OutboxStore } from '../../ports/outbox-store';
import {
  claimableFilter,
  claimUpdate,
  deadUpdate,
  expireClaimUpdate,
  FORGET_MARK_UPDATE,
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
  turnPendingFilter,
} from '../documents';
import { isDuplicateKeyError } from './connect';
import { asFilter, asUpdate, type MongoCollection } from './types';

/**
 * The outbox in MongoDB, `_id` = notification id. A claim is one conditional `updateOne` (pending and unclaimed,
 * expired or ours); outcome updates apply only while still pending, so a late worker never revives a sent one.
 */
export class MongoOutboxStore implements OutboxStore {
  constructor(private readonly collection: MongoCollection) {}

  async enqueue(items: Notification[]): Promise<void> {
    // One insert each: an id queued before is refused by the unique _id and left as it is.
    for (const item of items) {
      try {
        await this.collection.insertOne(notificationToDocument(item));
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async due(now: Date, limit: number, skip: readonly string[] = []): Promise<Notification[]> {
    const docs = await this.collection
      .find(asFilter(dueFilter(now, skip)))
      .sort(OUTBOX_DUE_SORT)
      .limit(limit)
      .toArray();
    return docs.map(documentToNotification);
  }

  async claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const result = await this.collection.updateOne(
      asFilter(claimableFilter(id, holder, now)),
      asUpdate(claimUpdate(holder, until, now)),
    );
    return result.matchedCount === 1;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.end(id, sentUpdate(at));
  }

  async reschedule(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    await this.collection.updateOne({ _id: id, status: 'pending' }, asUpdate(rescheduleUpdate(nextAttemptAt, error)));
  }

  async markDead(id: string, error: string): Promise<void> {
    await this.end(id, deadUpdate(error));
  }

  async markSuperseded(id: string): Promise<void> {
    await this.end(id, supersededUpdate());
  }

  async forgetTurn(turnId: string): Promise<void> {
    // Mark first, then remove: a reply that ends in between is either marked (its end removes it) or over (removed).
    await this.collection.updateMany(asFilter(turnPendingFilter(turnId)), asUpdate(FORGET_MARK_UPDATE));
    await this.collection.deleteMany(asFilter(turnOverFilter(turnId)));
  }

  /** Ends a pending notification with `update`, or removes it when its turn is done (see `FORGET_MARK`). */
  private async end(id: string, update: Record<string, unknown>): Promise<void> {
    const result = await this.collection.updateOne(asFilter(pendingUnmarkedFilter(id)), asUpdate(update));
    if (result.matchedCount === 0) await this.collection.deleteOne(asFilter(overRemoveFilter(id)));
  }

  async pendingInStream(stream: string): Promise<Notification[]> {
    const docs = await this.collection
      .find(asFilter(streamFilter(stream)))
      .sort(OUTBOX_DUE_SORT)
      .toArray();
    return docs.map(documentToNotification);
  }

  async expireClaims(now: Date): Promise<number> {
    const result = await this.collection.updateMany(asFilter(OUTBOX_HELD_FILTER), asUpdate(expireClaimUpdate(now)));
    return result.modifiedCount;
  }

  async get(id: string): Promise<Notification | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc === null ? null : documentToNotification(doc);
  }

  async listForCase(caseId: string): Promise<Notification[]> {
    const docs = await this.collection.find({ caseId }).sort(OUTBOX_CASE_SORT).toArray();
    return docs.map(documentToNotification);
  }
}
