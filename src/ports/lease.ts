/** A lease so that, with several processes on one database, only one runs a sweep at a time. */
export interface LeaseStore {
  /**
   * Takes or renews the named lease for `holder` until `now + ttlMs`; true when `holder` holds it afterwards. A lease
   * held by someone else and not yet expired is refused.
   */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Gives the lease up early; no error if it was not held. */
  release(name: string, holder: string): Promise<void>;
}
