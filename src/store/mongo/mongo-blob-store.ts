import { Binary, type Collection } from 'mongodb';
import { VaktpostError } from '../../domain/errors';
import { BLOB_ID, type BlobStore } from '../../ports/blob-store';

/** One blob as MongoDB holds it. */
export interface BlobDocument {
  _id: string;
  data: Binary;
  size: number;
  createdAt: Date;
}

/**
 * Blobs as documents of the `evidence` collection, one per file. A document holds at most 16 MB, which is why the
 * evidence limit (EVIDENCE_MAX_MB) stays below that; GridFS would split larger files into chunks, which evidence
 * screenshots and letters do not need.
 */
export class MongoBlobStore implements BlobStore {
  constructor(private readonly collection: Collection<BlobDocument>) {}

  async put(id: string, bytes: Buffer): Promise<void> {
    if (!BLOB_ID.test(id)) throw new VaktpostError('store.unavailable', `Not a blob id: ${id.slice(0, 20)}`);
    await this.collection.replaceOne(
      { _id: id },
      { data: new Binary(bytes), size: bytes.length, createdAt: new Date() },
      { upsert: true },
    );
  }

  async get(id: string): Promise<Buffer | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc === null ? null : Buffer.from(doc.data.buffer);
  }

  async delete(id: string): Promise<void> {
    await this.collection.deleteOne({ _id: id });
  }

  async ids(): Promise<string[]> {
    const docs = await this.collection.find({}, { projection: { _id: 1 } }).toArray();
    return docs.map((d) => d._id).sort();
  }
}
