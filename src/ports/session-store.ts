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
  /** Removes the session (after submit or cancel); no error when it is gone already. */
  delete(key: string): Promise<void>;
}
