import type { ChannelBinding, ChannelBindingStore } from '../../ports/channel-binding-store';
import { bindingId, bindingToDocument, documentToBinding } from '../documents';
import type { Collection } from './datastore';

/** Channel bindings in a NeDB file, one document per district and channel. */
export class EmbeddedChannelBindingStore implements ChannelBindingStore {
  constructor(private readonly collection: Collection) {}

  async bind(binding: ChannelBinding): Promise<void> {
    const doc = bindingToDocument(binding);
    await this.collection.updateAsync({ _id: bindingId(binding) }, doc, { upsert: true });
  }

  async ofDistrict(districtId: string): Promise<ChannelBinding[]> {
    const docs = await this.collection.findAsync({ districtId }).sort({ boundAt: 1, address: 1 });
    return docs.map(documentToBinding);
  }
}
