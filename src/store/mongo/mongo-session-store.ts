import type { Session } from '../../engine/session';
import type { SessionStore } from '../../ports/session-store';
import { documentToSession, revisionCondition, sessionToDocument } from '../documents';
import { isDuplicateKeyError } from './connect';
import { asFilter, withoutId, type MongoCollection } from './types';

/** Dialog sessions in MongoDB, `_id` = session key; `put` is an insert (new) or a replace conditional on revision. */
export class MongoSessionStore implements SessionStore {
  constructor(private readonly collection: MongoCollection) {}

  async get(key: string): Promise<Session | null> {
    const doc = await this.collection.findOne({ _id: key });
    return doc === null ? null : documentToSession(doc);
  }

  async put(session: Session, expectedRevision: number | null): Promise<boolean> {
    if (expectedRevision === null) {
      try {
        await this.collection.insertOne(sessionToDocument(session));
        return true;
      } catch (error) {
        // The unique _id decides: another turn created the session first.
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    const result = await this.collection.replaceOne(
      { _id: session.key, revision: expectedRevision },
      withoutId(sessionToDocument(session)),
    );
    return result.matchedCount === 1;
  }

  async ofUser(userId: string): Promise<Session[]> {
    const docs = await this.collection.find({ userId }).toArray();
    return docs.map(documentToSession);
  }

  async listIdleSince(before: Date, limit: number): Promise<Session[]> {
    // ISO timestamps in UTC (toISOString) sort as text, so the clear `updatedAt` serves as the filter.
    const docs = await this.collection
      .find({ updatedAt: { $lt: before.toISOString() } })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map(documentToSession);
  }

  async delete(key: string, expectedRevision?: number): Promise<boolean> {
    if (expectedRevision === undefined) {
      await this.collection.deleteOne({ _id: key });
      return true;
    }
    const result = await this.collection.deleteOne(asFilter({ _id: key, ...revisionCondition(expectedRevision) }));
    return result.deletedCount === 1 || (await this.collection.findOne({ _id: key })) === null;
  }
}
