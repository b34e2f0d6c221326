import type { ChannelBinding, ChannelBindingStore } from '../../ports/channel-binding-store';
import { bindingToDocument, documentToBinding } from '../documents';
import { upsertWithRetry } from './connect';
import { withoutId, type MongoCollection } from './types';

/** Channel bindings in MongoDB, `_id` joining district and channel. */
export class MongoChannelBindingStore implements ChannelBindingStore {
  constructor(private readonly collection: MongoCollection) {}

  async bind(binding: ChannelBinding): Promise<void> {
    const doc = bindingToDocument(binding);
    await upsertWithRetry(() => this.collection.replaceOne({ _id: doc._id }, withoutId(doc), { upsert: true }));
  }

  async ofDistrict(districtId: string): Promise<ChannelBinding[]> {
    const docs = await this.collection.find({ districtId }).sort({ boundAt: 1, address: 1 }).toArray();
    return docs.map(documentToBinding);
  }
}
