import type { InboxEntry, InboxOutcome, InboxRecord, InboxStore } from '../../ports/inbox';
import {
  documentToInboxEntry,
  documentToInboxRecord,
  INBOX_HELD_FILTER,
  INBOX_SORT,
  inboxClaimableFilter,
  inboxClaimFilter,
  inboxClaimUpdate,
  inboxDoneUpdate,
  inboxEntryToDocument,
  inboxExpireClaimsUpdate,
  inboxPruneFilter,
} from '../inbox-documents';
import { isDuplicateKeyError } from './connect';
import { asFilter, asUpdate, type MongoCollection } from './types';

/** The inbox in MongoDB, `_id` = entry id (unique); done entries expire through a TTL index on `expireAt`. */
export class MongoInboxStore implements InboxStore {
  constructor(private readonly collection: MongoCollection) {}

  async accept(entry: InboxEntry): Promise<boolean> {
    try {
      await this.collection.insertOne(inboxEntryToDocument(entry));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<InboxRecord | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc === null ? null : documentToInboxRecord(doc);
  }

  async claimable(now: Date, limit: number): Promise<InboxEntry[]> {
    const docs = await this.collection
      .find(asFilter(inboxClaimableFilter(now)))
      .sort(INBOX_SORT)
      .limit(limit)
      .toArray();
    return docs.map(documentToInboxEntry);
  }

  async claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const result = await this.collection.updateOne(
      asFilter(inboxClaimFilter(id, now)),
      asUpdate(inboxClaimUpdate(holder, until)),
    );
    return result.matchedCount === 1;
  }

  async markDone(id: string, at: Date, outcome: InboxOutcome): Promise<void> {
    await this.collection.updateOne({ _id: id, status: 'pending' }, asUpdate(inboxDoneUpdate(at, outcome)));
  }

  async expireClaims(now: Date): Promise<number> {
    const result = await this.collection.updateMany(
      asFilter(INBOX_HELD_FILTER),
      asUpdate(inboxExpireClaimsUpdate(now)),
    );
    return result.modifiedCount;
  }

  async prune(doneBefore: Date): Promise<number> {
    const result = await this.collection.deleteMany(asFilter(inboxPruneFilter(doneBefore)));
    return result.deletedCount;
  }
}
