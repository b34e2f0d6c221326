import type { LeaseStore } from '../../ports/lease';
import { LEASE_RELEASED, leaseDocument, leaseTakeableFilter } from '../documents';
import { isUniqueViolation, type Collection } from './datastore';

/**
 * Leases in a NeDB file. The first take inserts the lease (the unique `_id` picks one winner); later takes are one
 * conditional update (ours already, or expired). Release only expires the lease, so the document never disappears
 * between those two steps.
 */
export class EmbeddedLeaseStore implements LeaseStore {
  constructor(private readonly collection: Collection) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const expiresAtMs = now.getTime() + ttlMs;
    try {
      await this.collection.insertAsync(leaseDocument(name, holder, expiresAtMs));
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const { numAffected } = await this.collection.updateAsync(
      leaseTakeableFilter(name, holder, now),
      { $set: { holder, expiresAtMs } },
      {},
    );
    return numAffected === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.collection.updateAsync({ _id: name, holder }, { $set: LEASE_RELEASED }, {});
  }
}
