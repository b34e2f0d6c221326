import type { MemberProfile, ProfileStore } from '../../ports/profile-store';
import { documentToProfile, profileToDocument } from '../documents';
import { deepFreeze, frozenCopy } from './frozen';
import { Journal } from './journal';

/**
 * Member profiles in a journal (journal.ts; `<dataDir>/profiles.db`, the line format NeDB wrote): read on every turn
 * for the member's language, so a read is a lookup of the journal's own frozen profile, with no copy and no schema
 * check (a document is checked once, when it is loaded). `put` is a compare-and-set on the stored revision (or on
 * absence; a profile stored before it had one counts as revision 0), decided and written before its first `await`.
 */
export class EmbeddedProfileStore implements ProfileStore {
  private journal!: Journal<MemberProfile>;

  private constructor() {}

  /** Opens (and on disk loads) the profiles; a damaged line or document stops the start (`store.unavailable`). */
  static async open(dataDir: string | undefined): Promise<EmbeddedProfileStore> {
    const store = new EmbeddedProfileStore();
    store.journal = await Journal.open<MemberProfile>(dataDir, 'profiles', {
      toDocument: profileToDocument,
      fromDocument: (doc) => deepFreeze(documentToProfile(doc)),
      changed: () => undefined,
    });
    return store;
  }

  /** Closes the journal (compacted, descriptor released). */
  close(): Promise<void> {
    return this.journal.close();
  }

  async get(userId: string): Promise<MemberProfile | null> {
    return this.journal.get(userId) ?? null;
  }

  async put(profile: MemberProfile, expectedRevision: number | null): Promise<boolean> {
    const stored = this.journal.get(profile.userId);
    // Another write came first: created the profile, or moved its revision on.
    if (expectedRevision === null ? stored !== undefined : stored?.revision !== expectedRevision) return false;
    await this.journal.write([[profile.userId, frozenCopy(profile)]]);
    return true;
  }
}
