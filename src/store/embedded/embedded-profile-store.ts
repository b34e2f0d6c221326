import type { MemberProfile, ProfileStore } from '../../ports/profile-store';
import { documentToProfile, profileToDocument, revisionCondition } from '../documents';
import { isUniqueViolation, type Collection } from './datastore';

/** Member profiles in a NeDB file; `put` is a compare-and-set on the stored revision (or on absence). */
export class EmbeddedProfileStore implements ProfileStore {
  constructor(private readonly collection: Collection) {}

  async get(userId: string): Promise<MemberProfile | null> {
    const doc = await this.collection.findOneAsync({ _id: userId });
    return doc === null ? null : documentToProfile(doc);
  }

  async put(profile: MemberProfile, expectedRevision: number | null): Promise<boolean> {
    if (expectedRevision === null) {
      try {
        await this.collection.insertAsync(profileToDocument(profile));
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    }
    const { numAffected } = await this.collection.updateAsync(
      { _id: profile.userId, ...revisionCondition(expectedRevision) },
      profileToDocument(profile),
      {},
    );
    return numAffected === 1;
  }
}
