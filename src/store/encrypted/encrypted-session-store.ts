import { sessionSchema, type Session } from '../../engine/session';
import type { SessionStore } from '../../ports/session-store';
import { SHARED_SUBJECT, type DataKeys } from './data-keys';
import { OpenedCache } from './opened-cache';
import { openText, sealText, toJson, validateOpened } from './sealed-json';

interface SealedSessionFields {
  answers: Session['answers'];
  displayName: string;
  /** The replies of the last turn (a summary quotes the answers). */
  lastReplies?: Session['lastReplies'];
}

/**
 * What is sealed, validated on its own when opened: the inner store validated the clear rest of the document already,
 * so validating the whole session again (as before) did that part twice.
 */
const sealedFieldsSchema = sessionSchema.pick({ answers: true, displayName: true, lastReplies: true });

const aad = (key: string): string => `session:${key}/answers`;

/**
 * Sessions whose opened fields are kept (as the JSON text sealed), by session key: every turn reads the member's
 * sessions, and the one a turn wrote is what the next turn reads. 2,000 of about 1 KB each bound it to a few MB
 * whatever the number of open dialogs (the dialogs benchmark holds 10,000); a session not kept is opened as before.
 */
const KEPT_SESSIONS = 2_000;

/** Encrypts the answers and the name of dialog sessions; the step, trail and times stay in clear. */
export class EncryptedSessionStore implements SessionStore {
  private readonly opened = new OpenedCache<string>(KEPT_SESSIONS);

  constructor(
    private readonly inner: SessionStore,
    private readonly keys: DataKeys,
  ) {}

  async get(key: string): Promise<Session | null> {
    const stored = await this.inner.get(key);
    if (stored !== null) return this.open(stored);
    // Gone (submitted, cancelled, expired or erased, maybe by another process): its answers leave memory too.
    this.opened.delete(key);
    return null;
  }

  async ofUser(userId: string): Promise<Session[]> {
    const stored = await this.inner.ofUser(userId);
    return Promise.all(stored.map((s) => this.open(s)));
  }

  private async open(stored: Session): Promise<Session> {
    const { sealed, ...clear } = stored;
    if (sealed === undefined) return clear;
    const key = await this.keys.require(SHARED_SUBJECT);
    // Sealed (or opened and validated) by this process: parsed from its text again, so no caller shares objects.
    const kept = this.opened.get(stored.key, sealed, key);
    if (kept !== undefined) return { ...clear, ...(JSON.parse(kept) as SealedSessionFields) };
    const json = openText(key, sealed, aad(stored.key));
    const fields = validateOpened(sealedFieldsSchema, 'sessions', stored.key, JSON.parse(json) as unknown);
    this.opened.set(stored.key, sealed, key, json);
    return { ...clear, ...fields };
  }

  async put(session: Session, expectedRevision: number | null): Promise<boolean> {
    const key = await this.keys.ensure(SHARED_SUBJECT);
    const fields: SealedSessionFields = {
      answers: session.answers,
      displayName: session.displayName,
      ...(session.lastReplies ? { lastReplies: session.lastReplies } : {}),
    };
    const json = toJson(fields);
    const sealed = sealText(key, json, aad(session.key));
    const { sealed: _previous, lastReplies: _replies, ...clear } = session;
    const stored: Session = { ...clear, answers: {}, displayName: '', sealed };
    const written = await this.inner.put(stored, expectedRevision);
    if (written) this.opened.set(session.key, sealed, key, json);
    return written;
  }

  async listIdleSince(before: Date, limit: number): Promise<Session[]> {
    const stored = await this.inner.listIdleSince(before, limit);
    return Promise.all(stored.map((s) => this.open(s)));
  }

  delete(key: string, expectedRevision?: number): Promise<boolean> {
    this.opened.delete(key);
    return this.inner.delete(key, expectedRevision);
  }
}
