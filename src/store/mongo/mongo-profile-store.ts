import type { MemberProfile, ProfileStore } from '../../ports/profile-store';
import { documentToProfile, profileToDocument } from '../documents';
import { upsertWithRetry } from './connect';
import { withoutId, type MongoCollection } from './types';

/** Member profiles in MongoDB, `_id` = user id (last write wins: only the member changes their profile). */
export class MongoProfileStore implements ProfileStore {
  constructor(private readonly collection: MongoCollection) {}

  async get(userId: string): Promise<MemberProfile | null> {
    const doc = await this.collection.findOne({ _id: userId });
    return doc === null ? null : documentToProfile(doc);
  }

  async put(profile: MemberProfile): Promise<void> {
    const doc = profileToDocument(profile);
    await upsertWithRetry(() => this.collection.replaceOne({ _id: doc._id }, withoutId(doc), { upsert: true }));
  }
}
