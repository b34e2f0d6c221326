import { sessionSchema, type Session } from '../../engine/session';
import type { SessionStore } from '../../ports/session-store';
import { SHARED_SUBJECT, type DataKeys } from './data-keys';
import { openJson, sealJson, validateOpened } from './sealed-json';

interface SealedSessionFields {
  answers: Session['answers'];
  displayName: string;
  /** The replies of the last turn (a summary quotes the answers). */
  lastReplies?: Session['lastReplies'];
}

const aad = (key: string): string => `session:${key}/answers`;

/** Encrypts the answers and the name of dialog sessions; the step, trail and times stay in clear. */
export class EncryptedSessionStore implements SessionStore {
  constructor(
    private readonly inner: SessionStore,
    private readonly keys: DataKeys,
  ) {}

  async get(key: string): Promise<Session | null> {
    const stored = await this.inner.get(key);
    return stored === null ? null : this.open(stored);
  }

  async ofUser(userId: string): Promise<Session[]> {
    const stored = await this.inner.ofUser(userId);
    return Promise.all(stored.map((s) => this.open(s)));
  }

  private async open(stored: Session): Promise<Session> {
    const { sealed, ...clear } = stored;
    if (sealed === undefined) return clear;
    const fields = openJson(await this.keys.require(SHARED_SUBJECT), sealed, aad(stored.key)) as SealedSessionFields;
    return validateOpened(sessionSchema, 'sessions', stored.key, { ...clear, ...fields });
  }

  async put(session: Session, expectedRevision: number | null): Promise<boolean> {
    const key = await this.keys.ensure(SHARED_SUBJECT);
    const fields: SealedSessionFields = {
      answers: session.answers,
      displayName: session.displayName,
      ...(session.lastReplies ? { lastReplies: session.lastReplies } : {}),
    };
    const { sealed: _previous, lastReplies: _replies, ...clear } = session;
    const stored: Session = { ...clear, answers: {}, displayName: '', sealed: sealJson(key, fields, aad(session.key)) };
    return this.inner.put(stored, expectedRevision);
  }

  async listIdleSince(before: Date, limit: number): Promise<Session[]> {
    const stored = await this.inner.listIdleSince(before, limit);
    return Promise.all(stored.map((s) => this.open(s)));
  }

  delete(key: string, expectedRevision?: number): Promise<boolean> {
    return this.inner.delete(key, expectedRevision);
  }
}
