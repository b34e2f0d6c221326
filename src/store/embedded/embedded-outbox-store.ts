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
import { isUniqueViolation, whereId, type Collection } from './datastore';

/**
 * The outbox in a NeDB file. A claim is one conditional update (pending and unclaimed, expired or ours); the
 * outcome updates apply only while the notification is still pending, so a late worker never revives a sent one.
 */
export class EmbeddedOutboxStore implements OutboxStore {
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
    // Mark first, then remove: a reply that ends in between is either marked (its end removes it) or over (removed).
    await this.collection.updateAsync(turnPendingFilter(turnId), FORGET_MARK_UPDATE, { multi: true });
    await this.collection.removeAsync(turnOverFilter(turnId), { multi: true });
  }

  /** Ends a pending notification with `update`, or removes it when its turn is done (see `FORGET_MARK`). */
  private async end(id: string, update: Record<string, unknown>): Promise<void> {
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
