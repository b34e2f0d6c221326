import type { KeyValueStore } from '../../ports/key-value-store';
import { documentToKeyValue, keyValueId, keyValueToDocument } from '../documents';
import { upsertWithRetry } from './connect';
import { withoutId, type MongoCollection } from './types';

/** Adapters' small records in MongoDB, one document per namespace and key, indexed by namespace for `list`. */
export class MongoKeyValueStore implements KeyValueStore {
  constructor(private readonly collection: MongoCollection) {}

  async get<T>(namespace: string, key: string): Promise<T | null> {
    const doc = await this.collection.findOne({ _id: keyValueId(namespace, key) });
    return doc === null ? null : (documentToKeyValue(doc).value as T);
  }

  async put<T>(namespace: string, key: string, value: T): Promise<void> {
    const doc = keyValueToDocument(namespace, key, value);
    await upsertWithRetry(() => this.collection.replaceOne({ _id: doc._id }, withoutId(doc), { upsert: true }));
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.collection.deleteOne({ _id: keyValueId(namespace, key) });
  }

  async list<T>(namespace: string): Promise<Array<{ key: string; value: T }>> {
    const docs = await this.collection.find({ namespace }).sort({ key: 1 }).toArray();
    return docs.map((doc) => documentToKeyValue(doc) as { key: string; value: T });
  }
}
