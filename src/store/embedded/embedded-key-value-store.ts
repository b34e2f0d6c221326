import type { KeyValueStore } from '../../ports/key-value-store';
import { documentToKeyValue, keyValueId, keyValueToDocument } from '../documents';
import type { Collection } from './datastore';

/** Adapters' small records in a NeDB file, one document per namespace and key. */
export class EmbeddedKeyValueStore implements KeyValueStore {
  constructor(private readonly collection: Collection) {}

  async get<T>(namespace: string, key: string): Promise<T | null> {
    const doc = await this.collection.findOneAsync({ _id: keyValueId(namespace, key) });
    return doc === null ? null : (documentToKeyValue(doc).value as T);
  }

  async put<T>(namespace: string, key: string, value: T): Promise<void> {
    const doc = keyValueToDocument(namespace, key, value);
    await this.collection.updateAsync({ _id: doc._id }, doc, { upsert: true });
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.collection.removeAsync({ _id: keyValueId(namespace, key) }, {});
  }

  async list<T>(namespace: string): Promise<Array<{ key: string; value: T }>> {
    const docs = await this.collection.findAsync({ namespace }).sort({ key: 1 });
    return docs.map((doc) => documentToKeyValue(doc) as { key: string; value: T });
  }
}
