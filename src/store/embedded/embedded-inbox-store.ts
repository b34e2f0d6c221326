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
import { isUniqueViolation, whereId, type Collection } from './datastore';

/** The inbox in a NeDB file: the unique `_id` decides which delivery is the first, claims are conditional updates. */
export class EmbeddedInboxStore implements InboxStore {
  constructor(private readonly collection: Collection) {}

  async accept(entry: InboxEntry): Promise<boolean> {
    try {
      await this.collection.insertAsync(inboxEntryToDocument(entry));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<InboxRecord | null> {
    const doc = await this.collection.findOneAsync({ _id: id });
    return doc === null ? null : documentToInboxRecord(doc);
  }

  async claimable(now: Date, limit: number): Promise<InboxEntry[]> {
    const docs = await this.collection.findAsync(inboxClaimableFilter(now)).sort(INBOX_SORT).limit(limit);
    return docs.map(documentToInboxEntry);
  }

  async claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    const { numAffected } = await this.collection.updateAsync(
      inboxClaimFilter(id, now),
      inboxClaimUpdate(holder, until),
      {},
    );
    return numAffected === 1;
  }

  async markDone(id: string, at: Date, outcome: InboxOutcome): Promise<void> {
    await this.collection.updateAsync(whereId(id, { status: 'pending' }), inboxDoneUpdate(at, outcome), {});
  }

  async expireClaims(now: Date): Promise<number> {
    const { numAffected } = await this.collection.updateAsync(INBOX_HELD_FILTER, inboxExpireClaimsUpdate(now), {
      multi: true,
    });
    return numAffected;
  }

  async prune(doneBefore: Date): Promise<number> {
    return this.collection.removeAsync(inboxPruneFilter(doneBefore), { multi: true });
  }
}
