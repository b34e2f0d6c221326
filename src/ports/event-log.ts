/** Remembers platform event ids already handled, so a retried delivery changes nothing the second time. */
export interface EventLog {
  /**
   * Records the event id; true the first time, false when it was recorded before (a unique index decides, so two
   * processes cannot both get true).
   */
  markProcessed(eventId: string, at: Date): Promise<boolean>;
}
