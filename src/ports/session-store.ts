import type { Session } from '../engine/session';

/** Dialog sessions, one per user and dialog, kept until submitted or cancelled, also across restarts. */
export interface SessionStore {
  /** The session with this key, or null. */
  get(key: string): Promise<Session | null>;
  /**
   * Stores the session when the stored one still has `expectedRevision` (null: there must be none yet). Returns false,
   * changing nothing, when another turn wrote first.
   */
  put(session: Session, expectedRevision: number | null): Promise<boolean>;
  /** Every open session of the user (one per dialog at most), in no particular order. */
  ofUser(userId: string): Promise<Session[]>;
  /**
   * Sessions last written before `before` (their `updatedAt`), oldest first, at most `limit`: the unfinished ones that
   * expire (src/privacy/session-expiry.ts).
   */
  listIdleSince(before: Date, limit: number): Promise<Session[]>;
  /**
   * Removes the session (after submit or cancel); no error when it is gone already. With `expectedRevision`, only
   * while the stored one still has it (an expiry never removes answers a member gave a moment ago): true when it is
   * gone afterwards because of this call or was gone already, false when a newer revision is stored.
   */
  delete(key: string, expectedRevision?: number): Promise<boolean>;
}
