import type { Session } from '../../engine/session';
import type { SessionStore } from '../../ports/session-store';
import { documentToSession, sessionToDocument } from '../documents';
import { deepFreeze, frozenCopy } from './frozen';
import { Journal } from './journal';
import { compareIds, firstOf, KeySets } from './key-sets';

/**
 * Dialog sessions in a journal (journal.ts; `<dataDir>/sessions.db`, the line format NeDB wrote). `put` is a
 * compare-and-set on the stored revision (or on absence), decided and written before the call's first `await`, so no
 * other call comes between. Reads hand out the journal's own frozen sessions (no copy, no schema check: a document is
 * checked once, when it is loaded); the sessions of each user are kept by user id, so a turn reads only its member's.
 */
export class EmbeddedSessionStore implements SessionStore {
  private readonly byUser = new KeySets();
  private journal!: Journal<Session>;

  private constructor() {}

  /** Opens (and on disk loads) the sessions; a damaged line or document stops the start (`store.unavailable`). */
  static async open(dataDir: string | undefined): Promise<EmbeddedSessionStore> {
    const store = new EmbeddedSessionStore();
    store.journal = await Journal.open<Session>(dataDir, 'sessions', {
      toDocument: sessionToDocument,
      fromDocument: (doc) => deepFreeze(documentToSession(doc)),
      changed: (key, before, after) => store.byUser.move(key, before?.userId, after?.userId),
    });
    return store;
  }

  /** Closes the journal (compacted, descriptor released). */
  close(): Promise<void> {
    return this.journal.close();
  }

  async get(key: string): Promise<Session | null> {
    return this.journal.get(key) ?? null;
  }

  async put(session: Session, expectedRevision: number | null): Promise<boolean> {
    const stored = this.journal.get(session.key);
    // Another turn created the session first, or wrote a newer revision.
    if (expectedRevision === null ? stored !== undefined : stored?.revision !== expectedRevision) return false;
    await this.journal.write([[session.key, frozenCopy(session)]]);
    return true;
  }

  async ofUser(userId: string): Promise<Session[]> {
    const found: Session[] = [];
    for (const key of this.byUser.get(userId)) {
      const session = this.journal.get(key);
      if (session !== undefined) found.push(session);
    }
    return found;
  }

  async listIdleSince(before: Date, limit: number): Promise<Session[]> {
    // ISO timestamps in UTC (toISOString) sort as text, so the clear `updatedAt` serves as the filter. A scan of every
    // session, as NeDB's was (no index on `updatedAt`), for the expiry's periodic pass only.
    const cut = before.toISOString();
    const idle: Session[] = [];
    for (const session of this.journal.values()) if (session.updatedAt < cut) idle.push(session);
    idle.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : compareIds(a.key, b.key)));
    return firstOf(idle, limit);
  }

  async delete(key: string, expectedRevision?: number): Promise<boolean> {
    const stored = this.journal.get(key);
    // Gone already: nothing to write.
    if (stored === undefined) return true;
    if (expectedRevision !== undefined && stored.revision !== expectedRevision) return false;
    await this.journal.write([[key, null]]);
    return true;
  }
}
