import type { MemberProfile, ProfileStore } from '../../ports/profile-store';
import { documentToProfile, profileToDocument } from '../documents';
import type { Collection } from './datastore';

/** Member profiles in a NeDB file (last write wins: a profile is only ever changed by its own member). */
export class EmbeddedProfileStore implements ProfileStore {
  constructor(private readonly collection: Collection) {}

  async get(userId: string): Promise<MemberProfile | null> {
    const doc = await this.collection.findOneAsync({ _id: userId });
    return doc === null ? null : documentToProfile(doc);
  }

  async put(profile: MemberProfile): Promise<void> {
    await this.collection.updateAsync({ _id: profile.userId }, profileToDocument(profile), { upsert: true });
  }
}
