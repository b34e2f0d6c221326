import type { LeaseStore } from '../../ports/lease';
import { LEASE_RELEASED, leaseDocument, leaseTakeableFilter } from '../documents';
import { isDuplicateKeyError } from './connect';
import { asFilter, type MongoCollection } from './types';

/**
 * Leases in MongoDB. The first take inserts the lease (the unique `_id` picks one winner); later takes are one
 * conditional update (ours already, or expired). An upsert with that filter would also work on MongoDB, but release
 * only expires the lease, so the document never disappears and the two steps need no upsert semantics at all.
 */
export class MongoLeaseStore implements LeaseStore {
  constructor(private readonly collection: MongoCollection) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const expiresAtMs = now.getTime() + ttlMs;
    try {
      await this.collection.insertOne(leaseDocument(name, holder, expiresAtMs));
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const result = await this.collection.updateOne(asFilter(leaseTakeableFilter(name, holder, now)), {
      $set: { holder, expiresAtMs },
    });
    return result.matchedCount === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.collection.updateOne({ _id: name, holder }, { $set: LEASE_RELEASED });
  }
}
