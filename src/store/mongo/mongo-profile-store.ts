import type { MemberProfile, ProfileStore } from '../../ports/profile-store';
import { documentToProfile, profileToDocument, revisionCondition } from '../documents';
import { isDuplicateKeyError } from './connect';
import { withoutId, type MongoCollection } from './types';

/** Member profiles in MongoDB, `_id` = user id; `put` is an insert (new) or a replace conditional on revision. */
export class MongoProfileStore implements ProfileStore {
  constructor(private readonly collection: MongoCollection) {}

  async get(userId: string): Promise<MemberProfile | null> {
    const doc = await this.collection.findOne({ _id: userId });
    return doc === null ? null : documentToProfile(doc);
  }

  async put(profile: MemberProfile, expectedRevision: number | null): Promise<boolean> {
    const doc = profileToDocument(profile);
    if (expectedRevision === null) {
      try {
        await this.collection.insertOne(doc);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    const result = await this.collection.replaceOne(
      { _id: doc._id, ...revisionCondition(expectedRevision) },
      withoutId(doc),
    );
    return result.matchedCount === 1;
  }
}
