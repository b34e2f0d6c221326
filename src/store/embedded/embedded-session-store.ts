import type { Session } from '../../engine/session';
import type { SessionStore } from '../../ports/session-store';
import { documentToSession, revisionCondition, sessionToDocument } from '../documents';
import { isUniqueViolation, type Collection } from './datastore';

/** Dialog sessions in a NeDB file; `put` is a compare-and-set on the stored revision (or on absence). */
export class EmbeddedSessionStore implements SessionStore {
  constructor(private readonly collection: Collection) {}

  async get(key: string): Promise<Session | null> {
    const doc = await this.collection.findOneAsync({ _id: key });
    return doc === null ? null : documentToSession(doc);
  }

  async put(session: Session, expectedRevision: number | null): Promise<boolean> {
    if (expectedRevision === null) {
      try {
        await this.collection.insertAsync(sessionToDocument(session));
        return true;
      } catch (error) {
        // The unique _id decides: another turn created the session first.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    }
    const { numAffected } = await this.collection.updateAsync(
      { _id: session.key, revision: expectedRevision },
      sessionToDocument(session),
      {},
    );
    return numAffected === 1;
  }

  async ofUser(userId: string): Promise<Session[]> {
    const docs = await this.collection.findAsync({ userId });
    return docs.map(documentToSession);
  }

  async listIdleSince(before: Date, limit: number): Promise<Session[]> {
    // ISO timestamps in UTC (toISOString) sort as text, so the clear `updatedAt` serves as the filter.
    const docs = await this.collection
      .findAsync({ updatedAt: { $lt: before.toISOString() } })
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit);
    return docs.map(documentToSession);
  }

  async delete(key: string, expectedRevision?: number): Promise<boolean> {
    if (expectedRevision === undefined) {
      await this.collection.removeAsync({ _id: key }, {});
      return true;
    }
    const removed = await this.collection.removeAsync({ _id: key, ...revisionCondition(expectedRevision) }, {});
    return removed === 1 || (await this.collection.findOneAsync({ _id: key })) === null;
  }
}
