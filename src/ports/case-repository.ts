import type { Case, CaseStatus, CaseSummary } from '../domain/case';

/** Which cases to list; all given conditions must hold. */
export interface CaseQuery {
  districtIds?: string[];
  statuses?: CaseStatus[];
  reporterUserId?: string;
  ownerUserId?: string;
  /** Only cases that have notifications not yet delivered (the dispatcher's scan). */
  withPendingNotifications?: boolean;
}

/** Where cases live. Every write is conditional on the revision the writer read, so no race goes unnoticed. */
export interface CaseRepository {
  /** Stores a new case; throws `store.duplicate` when its id or number exists already. */
  create(next: Case): Promise<void>;
  /** The case, or null. */
  get(id: string): Promise<Case | null>;
  /** The case with this human number (e.g. VP-2026-0042), or null. */
  getByNumber(number: string): Promise<Case | null>;
  /**
   * Replaces the case when its stored revision is still `expectedRevision`, storing `next` (whose revision must be
   * `expectedRevision + 1`). Returns false, changing nothing, when someone else wrote first.
   */
  update(next: Case, expectedRevision: number): Promise<boolean>;
  /** Cases matching the query, newest first. */
  list(query: CaseQuery): Promise<Case[]>;
  /**
   * The {@link CaseSummary} of every case matching the query, streamed in no particular order: the store reads only
   * the summary's fields (a projection) and hands them over in batches, so a sweep over 100,000 cases holds a batch in
   * memory, not every case whole.
   */
  scanSummaries(query: CaseQuery): AsyncIterable<CaseSummary>;
}
